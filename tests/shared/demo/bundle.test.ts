// The demo bundle: deterministic, a plausible tier mix, every difficulty and trap present, and fast at bench sizes.
import { describe, expect, it } from 'vitest';
import { generateDemoBundle } from '../../../shared/demo/index';
import { generateNetwork } from '../../../shared/demo/network';
import { computeTruth, countTiers } from '../../../shared/demo/truth';
import { writeLinkedInConnectionsCsv } from '../../../shared/demo/linkedinCsv';
import { utf8Length } from '../../../shared/demo/encoding';

const asOf = '2025-06-30';

describe('generateDemoBundle', () => {
  const bundle = generateDemoBundle({ seed: 42, asOf });

  it('is byte-for-byte deterministic for a seed, and differs for another seed', () => {
    const again = generateDemoBundle({ seed: 42, asOf });
    expect(again.files.map((f) => f.text)).toEqual(bundle.files.map((f) => f.text));
    expect(again.truth).toEqual(bundle.truth);
    const other = generateDemoBundle({ seed: 43, asOf });
    expect(other.files[0].text).not.toBe(bundle.files[0].text);
  });

  it('holds the five files, small enough to import in seconds', () => {
    expect(bundle.files.map((f) => f.name)).toEqual(['Connections.csv', 'messages.csv', 'All mail Including Spam and Trash.mbox', 'robin.keller@gmail.com.ics', 'calls.csv']);
    const mbox = bundle.files[2].text;
    expect(utf8Length(mbox)).toBeLessThan(5_000_000);
    expect(Object.keys(bundle.truth).length).toBe(1500);
  });

  it('has a plausible tier mix with every tier present', () => {
    const counts = countTiers(Object.values(bundle.truth));
    console.log('demo tiers', counts);
    for (const tier of ['real', 'fading', 'acquaintance', 'dilution'] as const) expect(counts[tier]).toBeGreaterThan(30);
    expect(counts.real / 1500).toBeGreaterThan(0.06);
    expect(counts.real / 1500).toBeLessThan(0.25);
    expect(counts.dilution / 1500).toBeGreaterThan(0.4);
  });

  it('labels every difficulty and trap, and persons without records are dilution', () => {
    const entries = Object.values(bundle.truth);
    const difficulties = new Set(entries.map((e) => e.difficulty));
    for (const d of ['none', 'exact', 'name', 'ambiguous']) expect(difficulties).toContain(d);
    const traps = new Set(entries.flatMap((e) => e.traps));
    for (const t of ['namesake', 'afterAsOf', 'declined', 'gathering', 'missedCall', 'recurring', 'groupOfEight', 'recentOneWay', 'twin']) expect(traps).toContain(t);
    for (const e of entries) if (e.difficulty === 'none') expect(e.tier).toBe('dilution');
  });

  it('labels exact persons whose records carry only the profile URL or the listed address', () => {
    const net = bundle.network;
    const exact = net.persons.filter((p) => p.difficulty === 'exact');
    expect(exact.some((p) => p.listedEmail.includes('@'))).toBe(true);
    for (const p of exact) {
      const emails = net.mail.flatMap((t) => t.messages.flatMap((m) => [m.from, ...m.to])).filter((x) => x.who === p.index && x.email);
      for (const party of emails) expect(party.email?.toLowerCase().replace(/\./g, '')).toBe(p.listedEmail.toLowerCase().replace(/\./g, ''));
    }
  });

  it('matches the planned relationship for nearly everyone (traps aside)', () => {
    const truth = computeTruth(bundle.network);
    const off = bundle.network.persons.filter((p, i) => p.planned !== truth[i].tier);
    expect(off.length).toBeLessThan(1500 * 0.03);
  });
});

describe('bench sizes', () => {
  it('generates a 30,000-connection network in seconds', () => {
    const t0 = performance.now();
    const net = generateNetwork({ seed: 5, connections: 30_000, asOf });
    const t1 = performance.now();
    let bytes = 0;
    for (const chunk of writeLinkedInConnectionsCsv(net)) bytes += chunk.length;
    const truth = computeTruth(net);
    console.log(`30,000 connections: network ${Math.round(t1 - t0)} ms, Connections.csv ${bytes} chars, truth ${Math.round(performance.now() - t1)} ms incl. CSV`, countTiers(truth));
    expect(net.persons.length).toBe(30_000);
  });

  it('supports the hard and easy difficulties', () => {
    const hard = generateNetwork({ seed: 9, connections: 1000, asOf, difficulty: 'hard' });
    const easy = generateNetwork({ seed: 9, connections: 1000, asOf, difficulty: 'easy' });
    const share = (net: typeof hard, d: string) => net.persons.filter((p) => p.difficulty === d).length;
    expect(share(hard, 'name') + share(hard, 'ambiguous')).toBeGreaterThan(share(easy, 'name') + share(easy, 'ambiguous'));
    expect(share(easy, 'ambiguous')).toBe(0);
    expect(easy.persons.flatMap((p) => p.traps)).not.toContain('namesake');
  });
});

describe('any seed and size', () => {
  it('yields consistent evidence and well-formed files', async () => {
    const fc = await import('fast-check');
    const { writeIcsText } = await import('../../../shared/demo/ics');
    const { writeMboxText } = await import('../../../shared/demo/mbox');
    const { monthsBefore } = await import('../../../shared/demo/random');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 120 }), fc.constantFrom('easy', 'mixed', 'hard') as never, (seed: number, connections: number, difficulty: 'easy' | 'mixed' | 'hard') => {
        const net = generateNetwork({ seed, connections, asOf, difficulty });
        const cutoff = monthsBefore(asOf, 24);
        for (const e of computeTruth(net)) {
          expect(e.conversations).toBe(e.inPerson + e.calls + e.twoWayThreads);
          expect(e.tier === 'dilution').toBe(e.interactions === 0);
          if (e.tier === 'real') expect(e.lastContact! >= cutoff).toBe(true);
          if (e.tier === 'fading') expect(e.lastContact! < cutoff).toBe(true);
          if (e.lastContact) expect(e.lastContact <= asOf).toBe(true);
        }
        const ics = writeIcsText(net);
        expect(ics.split('\r\n').every((l) => utf8Length(l) <= 75)).toBe(true);
        expect((writeMboxText(net).match(/^From \d+@xxx /gm) ?? []).length).toBe(net.mail.reduce((n, t) => n + t.messages.length, 0));
      }),
      { numRuns: 25 },
    );
  });
});
