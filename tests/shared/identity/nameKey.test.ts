// Name keys (SPEC §5.2) for the names real exports hold, and the nickname table's consistency.
import { describe, expect, it } from 'vitest';
import { nameKey, nameKeyFromParts } from '../../../shared/identity/nameKey';
import { canonicalGivenName, nicknameGroups } from '../../../shared/identity/nicknames';

describe('nameKey', () => {
  it.each([
    ['Zoë Ångström, PhD', 'zoe angstrom'],
    ['Łukasz Wójcik', 'lukasz wojcik'],
    ['Renée Dubois, MBA 🚀', 'renee dubois'],
    ['Oshewolo, CFA', 'oshewolo'],
    ['Mehic-Dzanic (IoT), MBA', 'mehic-dzanic'],
    ['Steenhuis-Daalhuizen 🍀', 'steenhuis-daalhuizen'],
    ['Turner, William J.', 'william turner'],
    ['Dr. Bill Turner (he/him)', 'william turner'],
    ['William Turner, PMP', 'william turner'],
    ['Prof. Dr. William J. Turner Jr.', 'william turner'],
    ['Mr Willy Turner III', 'william turner'],
    ['Kate Smith-Jones (she/her) ✨', 'katherine smith-jones'],
    ['Catherine Smith-Jones', 'katherine smith-jones'],
    ['Kathryn  Smith-Jones ', 'katherine smith-jones'],
    ['Đinh Ngọc', 'dinh ngoc'],
    ['Øystein Ødegård', 'oystein odegard'],
    ['Þór Ægisson', 'thor aegisson'],
    ['Jan van der Berg', 'jan vanderberg'],
    ['Mohammed Al-Rashid', 'mohammed alrashid'],
    ['Mohammed al Rashid', 'mohammed alrashid'],
    ["Mary-Jane O'Brien", 'mary-jane obrien'],
    ['Robert "Bob" Smith', 'robert smith'],
    ['J. William Turner', 'william turner'],
    ['Jane Doe | CEO at Contoso', 'jane doe'],
    ['Jane Doe - Helping founders scale', 'jane doe'],
    ['JANE DOE, M.B.A.', 'jane doe'],
    ['Jane Doe MD', 'jane doe'],
    ['Paco Jiménez', 'francisco jimenez'],
    ['Sasha Petrov', 'alexander petrov'],
    ['Hans Müller', 'johannes muller'],
    ['Beppe Rossi', 'giuseppe rossi'],
    ['Peggy Olson', 'margaret olson'],
    ['Rick Deckard', 'richard deckard'],
  ])('%s → %s', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });

  it('treats names that are also credentials as names unless written as credentials', () => {
    expect(nameKey('Yu Ma')).toBe('yu ma');
    expect(nameKey('Minh Do')).toBe('minh do');
    expect(nameKey('Jane Doe MA')).toBe('jane doe');
  });

  it('keeps non-Latin scripts as their folded letters', () => {
    expect(nameKey('محمد علي')).toBe('محمد علي');
    expect(nameKey('王小明')).toBe('王小明');
    expect(nameKey('Дмитрий Иванов')).toBe('дмитрии иванов');
  });

  it('gives the empty key when nothing usable remains', () => {
    for (const junk of ['', '   ', '🚀🍀', 'LinkedIn Member', 'Sales Navigator from LinkedIn', '%FIRSTNAME% %LASTNAME%', '(Unknown)', 'null', 'NA', '+44 20 7946 0958', 'bill@contoso.com', 'PhD, MBA']) {
      expect(nameKey(junk), junk).toBe('');
    }
  });

  it('equates Bill/Will/Liam with William, Bob with Robert, Liz with Elizabeth', () => {
    for (const n of ['Bill Turner', 'Will Turner', 'Billy Turner', 'Liam Turner', 'William Turner']) expect(nameKey(n)).toBe('william turner');
    expect(nameKey('Bob Stone')).toBe(nameKey('Robert Stone'));
    expect(nameKey('Liz Stone')).toBe(nameKey('Elizabeth Stone'));
    expect(nameKey('Beth Stone')).toBe(nameKey('Elisabeth Stone'));
  });
});

describe('nameKeyFromParts', () => {
  it('agrees with nameKey on the joined name', () => {
    const pairs: [string, string][] = [
      ['Bill', 'Turner'],
      ['Zoë', 'Ångström, PhD'],
      ['Łukasz', 'Wójcik'],
      ['Renée', 'Dubois, MBA 🚀'],
      ['Mary Ann', 'Smith'],
      ['Jan', 'van der Berg'],
    ];
    for (const [first, last] of pairs) expect(nameKeyFromParts(first, last)).toBe(nameKey(`${first} ${last}`));
  });

  it('handles credentials after a comma in the last-name field ("Oshewolo, CFA")', () => {
    expect(nameKeyFromParts('Tolu', 'Oshewolo, CFA')).toBe('tolu oshewolo');
    expect(nameKeyFromParts('Amra', 'Mehic-Dzanic (IoT), MBA')).toBe('amra mehic-dzanic');
    expect(nameKeyFromParts('Peter', 'Carabine FCIPD')).toBe('peter carabine');
    expect(nameKeyFromParts('Anna', 'Steenhuis-Daalhuizen 🍀 ')).toBe('anna steenhuis-daalhuizen');
  });

  it('ignores a headline in the last-name field when the first-name field holds a whole name', () => {
    expect(nameKeyFromParts('Jane Doe', 'Helping founders scale | Ex-Google')).toBe('jane doe');
    expect(nameKeyFromParts('Jane Doe', 'CEO')).toBe('jane doe');
    expect(nameKeyFromParts('Jane Doe', 'Founder at Contoso')).toBe('jane doe');
    // Pronouns are not a headline.
    expect(nameKeyFromParts('Mary Ann', 'Smith (she/her)')).toBe('mary smith');
  });

  it('moves surname particles left in the first-name field to the surname', () => {
    expect(nameKeyFromParts('Ludwig van', 'Beethoven')).toBe(nameKey('Ludwig van Beethoven'));
  });

  it('falls back to whichever field is usable', () => {
    expect(nameKeyFromParts('John Smith', '')).toBe('john smith');
    expect(nameKeyFromParts('', 'Smith')).toBe('smith');
    expect(nameKeyFromParts('NA', 'NA')).toBe('');
    expect(nameKeyFromParts('', '')).toBe('');
  });
});

describe('nickname table', () => {
  it('has at least 300 variants, each on one line only, canonical forms mapping to themselves', () => {
    const groups = nicknameGroups();
    const seen = new Map<string, string>();
    let variants = 0;
    for (const [canonical, names] of groups) {
      variants += names.length;
      for (const name of [canonical, ...names]) {
        expect(seen.has(name), `${name} in ${canonical} and ${seen.get(name)}`).toBe(false);
        seen.set(name, canonical);
        expect(name).toMatch(/^[a-z-]+$/);
        expect(canonicalGivenName(name)).toBe(canonical);
      }
    }
    expect(variants).toBeGreaterThanOrEqual(300);
  });
});
