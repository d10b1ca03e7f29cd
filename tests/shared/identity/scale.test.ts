// Matching at archive scale: 30,000 persons × 100,000 participants must finish, which only blocking allows.
import { describe, expect, it } from 'vitest';
import { buildMatcher, type PersonIdentity } from '../../../shared/identity/matcher';
import { nameKey } from '../../../shared/identity/nameKey';

const GIVEN = ['William', 'Michael', 'Zoë', 'Łukasz', 'Renée', 'Anna', 'Jürgen', 'Sofia', 'Mohammed', 'Priya', 'Chen', 'Olga'];
// Letters only: digits are not part of a name key, so "Surname12" and "Surname13" would be namesakes.
const surname = (n: number) => `Sur${n.toString(26).replace(/./g, (d) => String.fromCharCode(97 + parseInt(d, 26)))}`;
const COMPANIES = ['Contoso Ltd', 'Fabrikam Inc', 'Blue Yonder', 'Northwind Traders', 'Tailspin Toys', 'Litware'];

describe('matcher at scale', () => {
  it('matches 100,000 participants against 30,000 persons', () => {
    const persons: PersonIdentity[] = [];
    for (let i = 0; i < 30_000; i += 1) {
      const company = COMPANIES[i % COMPANIES.length];
      const domain = `${company.split(' ')[0].toLowerCase()}.com`;
      persons.push({
        id: `p${i}`,
        emails: i % 3 === 0 ? [`person${i}@${domain}`] : [],
        profileUrls: [`https://www.linkedin.com/in/person-${i}`],
        phones: i % 5 === 0 ? [`+4420794${String(i).padStart(5, '0')}`] : [],
        nameKeys: [nameKey(`${GIVEN[i % GIVEN.length]} ${surname(Math.floor(i / 2))}`)],
        company,
      });
    }
    const started = performance.now();
    const matcher = buildMatcher(persons, { emails: ['me@example.com'], profileUrls: [], phones: [], nameKeys: ['Sam Owner'] });
    const built = performance.now();
    const counts = { linked: 0, review: 0, own: 0, none: 0 };
    for (let j = 0; j < 100_000; j += 1) {
      const i = j % 40_000;
      const kind = j % 4;
      const p =
        kind === 0
          ? { email: `Person${i}@contoso.com` }
          : kind === 1
            ? { profileUrl: `linkedin.com/in/PERSON-${i}/` }
            : kind === 2
              ? { name: `${GIVEN[i % GIVEN.length]} ${surname(Math.floor(i / 2))}`, email: `x${i}@gmail.com` }
              : j % 1000 === 3
                ? { name: 'Sam Owner' }
                : { name: `Dr. ${GIVEN[i % GIVEN.length]} ${surname(Math.floor(i / 2))}, PhD`, phone: '+44 20 7946 0958' };
      counts[matcher.match(p).kind] += 1;
    }
    const done = performance.now();
    console.log(`index ${Math.round(built - started)} ms, 100,000 matches ${Math.round(done - built)} ms`, counts);
    expect(counts.linked).toBeGreaterThan(50_000);
    expect(counts.own).toBe(100);
    expect(counts.linked + counts.review + counts.own + counts.none).toBe(100_000);
  });
});
