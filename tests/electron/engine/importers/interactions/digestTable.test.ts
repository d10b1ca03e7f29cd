import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DigestMap, DigestSet, StringDigest } from '../../../../../electron/engine/importers/interactions/digestTable';

/** A digest with chosen halves, to force slot collisions. */
function digestOf(hi: number, lo: number): StringDigest {
  const d = new StringDigest();
  d.hi = hi >>> 0;
  d.lo = (lo | 1) >>> 0;
  return d;
}

describe('StringDigest', () => {
  it('is deterministic, never has a zero low half, and tells a million message-ids apart', () => {
    const d = new StringDigest();
    expect(d.of('CAB1@mail.example.com').hi).toBe(new StringDigest().of('CAB1@mail.example.com').hi);
    const seen = new Set<number>();
    let evenLo = 0;
    for (let i = 0; i < 1_000_000; i++) {
      d.of(`${((i * 2654435761) >>> 0).toString(16)}.${i}@mail.example.com`);
      if ((d.lo & 1) === 0) evenLo++;
      seen.add(d.hi * 2 ** 21 + (d.lo >>> 11));
    }
    expect(evenLo).toBe(0);
    // 53 of the 63 bits alone already tell them apart.
    expect(seen.size).toBe(1_000_000);
  });

  it('differs for ids that differ in one character, in order or in length', () => {
    const d = new StringDigest();
    const key = (s: string): string => `${d.of(s).hi}:${d.lo}`;
    expect(new Set([key('ab@x'), key('ba@x'), key('ab@y'), key('ab@x '), key(''), key('a'), key('aa')]).size).toBe(7);
  });
});

describe('DigestSet', () => {
  it('keeps keys whose slots collide apart (same high half, different low half)', () => {
    const set = new DigestSet();
    for (let i = 0; i < 100; i++) expect(set.add(digestOf(7, i * 2))).toBe(true);
    for (let i = 0; i < 100; i++) expect(set.has(digestOf(7, i * 2))).toBe(true);
    expect(set.has(digestOf(7, 1001))).toBe(false);
    expect(set.has(digestOf(8, 0))).toBe(false);
    expect(set.add(digestOf(7, 0))).toBe(false);
    expect(set.size).toBe(100);
  });

  it('wraps probing around the end of the table', () => {
    const set = new DigestSet();
    const last = set.capacity - 1;
    for (let i = 0; i < 5; i++) set.add(digestOf(last, i * 2));
    for (let i = 0; i < 5; i++) expect(set.has(digestOf(last, i * 2))).toBe(true);
    expect(set.has(digestOf(0, 99))).toBe(false);
  });

  it('grows past three quarters full and keeps every key', () => {
    const set = new DigestSet();
    const first = set.capacity;
    const d = new StringDigest();
    for (let i = 0; i < first * 4; i++) set.add(d.of(`m${i}@x`));
    expect(set.capacity).toBeGreaterThanOrEqual(first * 4);
    expect(set.size).toBe(first * 4);
    for (let i = 0; i < first * 4; i++) expect(set.has(d.of(`m${i}@x`))).toBe(true);
    expect(set.has(d.of(`m${first * 4}@x`))).toBe(false);
  });

  it('agrees with a Set<string> on any sequence of adds and lookups', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.string({ maxLength: 6 })), { maxLength: 3000 }), (ops) => {
        const set = new DigestSet();
        const model = new Set<string>();
        const d = new StringDigest();
        for (const [add, s] of ops) {
          if (add) {
            expect(set.add(d.of(s))).toBe(!model.has(s));
            model.add(s);
          } else expect(set.has(d.of(s))).toBe(model.has(s));
        }
        expect(set.size).toBe(model.size);
      }),
    );
  });
});

describe('DigestMap', () => {
  it('maps colliding keys to their own values and overwrites in place', () => {
    const map = new DigestMap();
    for (let i = 0; i < 50; i++) map.set(digestOf(3, i * 2), i);
    map.set(digestOf(3, 10), 999);
    expect(map.get(digestOf(3, 10))).toBe(999);
    expect(map.get(digestOf(3, 12))).toBe(6);
    expect(map.get(digestOf(3, 101))).toBeUndefined();
    expect(map.size).toBe(50);
  });

  it('keeps values through growth', () => {
    const map = new DigestMap();
    const d = new StringDigest();
    const n = map.capacity * 5;
    for (let i = 0; i < n; i++) map.set(d.of(`id${i}`), i * 3);
    expect(map.size).toBe(n);
    for (let i = 0; i < n; i++) expect(map.get(d.of(`id${i}`))).toBe(i * 3);
  });
});
