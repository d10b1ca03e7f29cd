// The fast paths and memos of name keys, folding and profile URLs give exactly what the plain code gave.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from '../../../shared/identity/fold';
import { nameKey, nameKeyFromParts } from '../../../shared/identity/nameKey';
import { normaliseProfileUrl } from '../../../shared/identity/profileUrl';
import { detachedCopy, remembered } from '../../../shared/identity/remembered';
import { foldText as referenceFoldText } from './reference/fold';
import { nameKey as referenceNameKey, nameKeyFromParts as referenceNameKeyFromParts } from './reference/nameKey';
import { normaliseProfileUrl as referenceNormaliseProfileUrl } from './reference/profileUrl';

// Names drawn from a small pool repeat, so the memos are hit as well as filled.
const NAME_CHARS = 'abcdeABCDE .,-()\'"/@|:%_ÅåØøŁłßÆæÜüéİıﬁ²Ⅻ\u0301\u064E\u200b\t🍀';
const nameish = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(...NAME_CHARS.split('')), maxLength: 24 }),
  fc.constantFrom(
    'Dr. Bill Turner (he/him)',
    'Oshewolo, CFA',
    'Turner, William J.',
    'Jan van der Berg',
    'J. de Vries',
    'Mr Dr',
    'PhD, MBA',
    'Ludwig van',
    'Beethoven',
    'CEO at Contoso',
    'Reddy MSc',
    'Ma',
    'MA',
    'LinkedIn Member',
    'NA',
    '%FIRSTNAME%',
    'Ali al-Rashid',
    'Steenhuis-Daalhuizen 🍀',
    'Mehic-Dzanic (IoT), MBA',
    'Bill',
    'William',
    'Jane Doe | CEO',
    'Ngọc',
    'Đinh',
    'STRAßE',
    'Ölçer',
  ),
);
// Plain names (Latin-1 words, hyphens, single spaces), with credentials, honorifics, particles and placeholders among them.
const plainWord = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'abcxyzABCXYZÀÅÆÇÐÑÖØÞßàåæçðñöøþÿİıŁœ'.split('')), minLength: 1, maxLength: 7 }),
  fc.constantFrom('MBA', 'Mba', 'MA', 'Ma', 'Dr', 'PhD', 'van', 'der', 'de', 'al', 'LinkedIn', 'linkedin', 'Member', 'Unknown', 'NA', 'Na', 'Jr', 'CEO', 'at', 'Bill', 'William', 'Private', 'Number', 'No', 'Name'),
);
const plainName = fc
  .array(fc.array(plainWord, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('-')), { minLength: 1, maxLength: 4 })
  .map((words) => words.join(' '));

const urlish = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc
    .tuple(
      fc.constantFrom(
        'https://www.linkedin.com/in/',
        'linkedin.com/in/',
        'LinkedIn.com/in/',
        'linkedin.com/IN/',
        'http://LinkedIn.com/in/',
        'HTTPS://WWW.LINKEDIN.COM/IN/',
        'https://linkedin.com/in/',
        'https://www.linkedin.com:443/in/',
        'https://wwwlinkedin.com/in/',
        ' https://www.linkedin.com/in/',
        'https://www.linkedin.com/in//',
        'https://de.linkedin.com/pub/',
        'https://x.com/',
        'https://WWW.GitHub.com/',
        'https://web.facebook.com/',
        'https://exämple.com:8080/',
        'ftp://a.com/',
      ),
      fc.string({
        unit: fc.constantFrom(...'aAü_~.%C3BC2F5/?# -'.split('')),
        maxLength: 16,
      }),
      fc.constantFrom('', '/', '//', '?trk=x', '#a', ' ', '/details/'),
    )
    .map(([head, slug, tail]) => head + slug + tail),
);

const runs = { numRuns: 3000 };

describe('fast paths equal the plain code', () => {
  it('foldText', () => {
    fc.assert(
      fc.property(nameish, (s) => {
        expect(foldText(s)).toBe(referenceFoldText(s));
      }),
      runs,
    );
  });
  it('nameKey, also when asked again', () => {
    fc.assert(
      fc.property(nameish, (s) => {
        expect(nameKey(s)).toBe(referenceNameKey(s));
        expect(nameKey(s)).toBe(referenceNameKey(s));
      }),
      runs,
    );
  });
  it('nameKeyFromParts, with parts seen before in other places', () => {
    fc.assert(
      fc.property(nameish, nameish, (first, last) => {
        expect(nameKeyFromParts(first, last)).toBe(referenceNameKeyFromParts(first, last));
        expect(nameKeyFromParts(last, first)).toBe(referenceNameKeyFromParts(last, first));
        expect(nameKey(`${first} ${last}`)).toBe(referenceNameKey(`${first} ${last}`));
      }),
      runs,
    );
  });
  it('nameKey and nameKeyFromParts of plain names', () => {
    fc.assert(
      fc.property(plainName, fc.oneof(plainName, nameish), (first, last) => {
        expect(nameKey(first)).toBe(referenceNameKey(first));
        expect(nameKeyFromParts(first, last)).toBe(referenceNameKeyFromParts(first, last));
        expect(nameKeyFromParts(last, first)).toBe(referenceNameKeyFromParts(last, first));
      }),
      runs,
    );
  });
  it('normaliseProfileUrl', () => {
    fc.assert(
      fc.property(urlish, (s) => {
        expect(normaliseProfileUrl(s)).toBe(referenceNormaliseProfileUrl(s));
        // Stored URLs are normalised again when persons are indexed.
        const stored = referenceNormaliseProfileUrl(s);
        if (stored !== null) expect(normaliseProfileUrl(stored)).toBe(referenceNormaliseProfileUrl(stored));
      }),
      runs,
    );
  });
});

describe('remembered', () => {
  it('computes each repeated text once, and every text right', () => {
    let calls = 0;
    const upper = remembered((t: string) => {
      calls++;
      return t.toUpperCase();
    });
    for (let i = 0; i < 10_000; i++) expect(upper(`name${i % 50}`)).toBe(`NAME${i % 50}`);
    expect(calls).toBe(50);
  });
  it('stops remembering texts that do not repeat, and starts again when they do', () => {
    let calls = 0;
    const length = remembered((t: string) => {
      calls++;
      return t.length;
    });
    for (let i = 0; i < 30_000; i++) expect(length(`unique ${i}`)).toBe(`unique ${i}`.length);
    expect(calls).toBe(30_000);
    calls = 0;
    for (let i = 0; i < 30_000; i++) length(`again ${i % 10}`);
    // At most one pause of 16,384 direct computations, then ten texts remembered.
    expect(calls).toBeLessThanOrEqual(16_384 + 10);
  });
  it('copies texts without keeping the string they were cut from', () => {
    const piece = 'x'.repeat(100) + 'Zyxwa Quorblatt';
    expect(detachedCopy(piece.slice(100))).toBe('Zyxwa Quorblatt');
  });
});
