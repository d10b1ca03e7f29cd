// Properties: the normalisers and name keys never throw and are idempotent; the matcher never links my own identities.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { companyKey, domainFitsCompany } from '../../../shared/identity/company';
import { normaliseEmail } from '../../../shared/identity/email';
import { buildMatcher, type PersonIdentity } from '../../../shared/identity/matcher';
import { nameKey, nameKeyFromParts } from '../../../shared/identity/nameKey';
import { normalisePhone } from '../../../shared/identity/phone';
import { normaliseProfileUrl } from '../../../shared/identity/profileUrl';

// Arbitrary text, weighted towards the characters names, addresses and URLs are made of.
const nameish = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...'abcdefABCDEF .,-()\'"/@+%:|ÅåØøŁłßÆæÜüé🚀🍀ı'.split('')), maxLength: 30 }),
  fc.constantFrom('Dr. Bill Turner (he/him)', 'Oshewolo, CFA', 'Turner, William J.', 'Jan van der Berg', 'J. de Vries', 'Mr Dr', 'PhD, MBA'),
);
const emailish = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.emailAddress(),
  fc.tuple(fc.string({ unit: fc.constantFrom(...'ab.+XY'.split('')), maxLength: 8 }), fc.constantFrom('gmail.com', 'GoogleMail.com', 'contoso.com')).map(([l, d]) => `${l}@${d}`),
);
const urlish = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.string({ unit: fc.constantFrom(...'aAü%C3BC2F5/?#-'.split('')), maxLength: 16 }).map((slug) => `https://www.linkedin.com/in/${slug}`),
);
const phoneish = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: fc.constantFrom(...'0123456789 +()-.'.split('')), maxLength: 20 }));

const runs = { numRuns: 400 };

describe('normalisers', () => {
  it('normaliseEmail never throws and is idempotent', () => {
    fc.assert(
      fc.property(emailish, (raw) => {
        const once = normaliseEmail(raw);
        if (once !== null) expect(normaliseEmail(once)).toBe(once);
      }),
      runs,
    );
  });

  it('normaliseProfileUrl never throws and is idempotent', () => {
    fc.assert(
      fc.property(urlish, (raw) => {
        const once = normaliseProfileUrl(raw);
        if (once !== null) expect(normaliseProfileUrl(once)).toBe(once);
      }),
      runs,
    );
  });

  it('normalisePhone never throws and is idempotent', () => {
    fc.assert(
      fc.property(phoneish, fc.constantFrom(undefined, 'GB' as const, 'US' as const), (raw, country) => {
        const once = normalisePhone(raw, country);
        if (once !== null) {
          expect(once).toMatch(/^\+\d{6,15}$/);
          expect(normalisePhone(once)).toBe(once);
        }
      }),
      runs,
    );
  });

  it('nameKey never throws, is single-spaced lower case, and is idempotent', () => {
    fc.assert(
      fc.property(nameish, (raw) => {
        const key = nameKey(raw);
        expect(key).toBe(key.trim());
        expect(key).not.toMatch(/\s{2,}/);
        expect(key).toBe(key.toLowerCase());
        expect(nameKey(key)).toBe(key);
      }),
      runs,
    );
  });

  it('nameKeyFromParts, companyKey and domainFitsCompany never throw', () => {
    fc.assert(
      fc.property(nameish, nameish, (a, b) => {
        nameKeyFromParts(a, b);
        companyKey(a);
        domainFitsCompany(a, b);
      }),
      runs,
    );
  });
});

describe('matcher', () => {
  const persons: PersonIdentity[] = [
    { id: 'a', emails: ['me@example.com', 'a@contoso.com'], profileUrls: ['linkedin.com/in/me'], phones: ['+442079460958'], nameKeys: ['sam owner'], company: 'Contoso' },
    { id: 'b', emails: ['b@contoso.com'], profileUrls: [], phones: [], nameKeys: ['jane doe'], company: 'Contoso' },
  ];
  const own = { emails: ['me@example.com'], profileUrls: ['https://www.linkedin.com/in/me'], phones: ['+44 20 7946 0958'], nameKeys: ['Sam Owner'] };

  it('never links a participant carrying one of my identities', () => {
    const matcher = buildMatcher(persons, own, [{ key: 'email:me@example.com', personId: 'a', verdict: 'confirm' }]);
    const mine = fc.record(
      {
        email: fc.constantFrom('me@example.com', 'ME@Example.com', '<mailto:me@example.com>'),
        profileUrl: fc.constantFrom('linkedin.com/in/ME/', 'https://de.linkedin.com/in/me?x=1'),
        phone: fc.constantFrom('+44 20 7946 0958', '0044 (0)20 79460958'),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(mine, fc.option(nameish, { nil: undefined }), (ids, name) => {
        fc.pre(Object.keys(ids).length > 0);
        expect(matcher.match({ ...ids, name }).kind).toBe('own');
      }),
      runs,
    );
  });

  it('never throws on arbitrary participants', () => {
    const matcher = buildMatcher(persons, own);
    fc.assert(
      fc.property(fc.record({ name: nameish, email: emailish, profileUrl: urlish, phone: phoneish }, { requiredKeys: [] }), (p) => {
        const result = matcher.match(p);
        expect(['linked', 'review', 'own', 'none']).toContain(result.kind);
      }),
      runs,
    );
  });
});
