// The report model on a hand-made audit (every number checked by hand) and on a generated 30,000-person one.
import { describe, expect, it } from 'vitest';
import { buildReportModel, countChartMarks } from '../../../shared/report/model';
import { sumTierCounts } from '../../../shared/report/buckets';
import { auditOf, generateAudit, person } from './auditFixtures';

const handMade = auditOf([
  person('r1', 'real', { name: 'Ada', score: 95, lastContact: '2025-06-01', connectedOn: '2014-05-01', company: 'Contoso Ltd' }),
  person('r2', 'real', { name: 'Bea', score: 80, lastContact: '2025-03-30', connectedOn: '2014-07-01' }),
  person('r3', 'real', { name: 'Cy', score: 70, lastContact: '2025-03-29', connectedOn: '2016-01-01' }),
  person('r4', 'real', { name: 'Dee', score: 50, lastContact: '2024-01-15', connectedOn: '2020-02-02' }),
  person('f1', 'fading', { name: 'Eve', score: 40, lastContact: '2022-01-10', connectedOn: '2012-03-03' }),
  person('f2', 'fading', { name: 'Fay', score: 35, lastContact: '2019-01-01', connectedOn: null }),
  person('a1', 'acquaintance', { name: 'Gus', score: 5, connectedOn: '2014-02-02', company: 'Contoso Ltd' }),
  person('a2', 'acquaintance', { name: 'Hal', score: 5, connectedOn: '2010-01-01', tags: ['Keep'] }),
  person('d1', 'dilution', { name: 'Ivy', connectedOn: '2014-09-09', company: 'Contoso Ltd' }),
  person('d2', 'dilution', { name: 'Jo', connectedOn: '2011-01-01', company: 'Fabrikam' }),
  person('d3', 'dilution', { name: 'Kit', connectedOn: null, company: ' contoso  ltd ' }),
  person('d4', 'dilution', { name: 'Lu', connectedOn: '2013-01-01', company: 'Fabrikam' }),
  person('d5', 'dilution', { name: 'Mo', connectedOn: '2014-01-01' }),
]);

describe('buildReportModel on a hand-made audit', () => {
  const m = buildReportModel(handMade, [
    { asOf: '2024-06-30', createdAt: '2024-06-30T10:00:00Z', summary: { persons: 10, real: 2, fading: 1, acquaintance: 2, dilution: 5, realShare: 0.2 } },
    { asOf: '2023-06-30', createdAt: '2023-06-30T10:00:00Z', summary: { persons: 8, real: 1, fading: 1, acquaintance: 1, dilution: 5, realShare: 0.125 } },
    { asOf: '2025-06-30', createdAt: '2025-06-30T09:00:00Z', summary: { persons: 99, real: 0, fading: 0, acquaintance: 0, dilution: 99, realShare: 0 } },
  ]);

  it('counts each tier as the audit summary does', () => {
    const { realShare, ...counts } = m.summary;
    const { realShare: expectedShare, ...expected } = handMade.summary;
    expect(counts).toEqual(expected);
    expect(realShare).toBe(expectedShare);
    expect(m.tiers.map((t) => [t.tier, t.count])).toEqual([['real', 4], ['fading', 2], ['acquaintance', 2], ['dilution', 5]]);
    expect(m.tiers[3].filter).toBe('tier=dilution');
  });

  it('writes the verdict in plain English', () => {
    expect(m.verdict).toBe('31% of your 13 connections are real relationships. 38% are links to people you have never really talked to.');
  });

  it('splits connections by year and tier, unknown dates last, and they add up to everyone', () => {
    expect(m.cohorts.map((c) => c.label)).toEqual(['2010', '2011', '2012', '2013', '2014', '2015', '2016', '2017', '2018', '2019', '2020', 'unknown']);
    const y2014 = m.cohorts.find((c) => c.label === '2014')!;
    expect(y2014.counts).toEqual({ real: 2, fading: 0, acquaintance: 1, dilution: 2 });
    expect(y2014.filter).toBe('connectedOn>=2014-01-01 and connectedOn<2015-01-01');
    expect(m.cohorts.at(-1)!.total).toBe(2);
    expect(m.cohorts.reduce((n, c) => n + c.total, 0)).toBe(13);
    for (const c of m.cohorts) expect(sumTierCounts(c.counts)).toBe(c.total);
  });

  it('buckets time since last contact back from the audit date', () => {
    expect(Object.fromEntries(m.lastContact.map((b) => [b.key, b.count]))).toEqual({ lt3m: 2, '3to12m': 1, '1to2y': 1, '2to5y': 1, '5yPlus': 1, never: 7 });
    expect(m.lastContact[0].filter).toBe('lastContact>=2025-03-30');
    expect(m.lastContact[1].filter).toBe('lastContact>=2024-06-30 and lastContact<2025-03-30');
    expect(m.lastContact[4].filter).toBe('lastContact<2020-06-30');
  });

  it('bins scores in tens, 100 in the last bin', () => {
    expect(m.scoreBins.map((b) => b.total)).toEqual([7, 0, 0, 1, 1, 1, 0, 1, 1, 1]);
    expect(m.scoreBins[0].counts).toEqual({ real: 0, fading: 0, acquaintance: 2, dilution: 5 });
    expect(m.scoreBins[9].label).toBe('90–100');
  });

  it('ranks companies by dilution, merging spellings', () => {
    expect(m.dilutionCompanies.map((c) => [c.company, c.dilution, c.total])).toEqual([['Contoso Ltd', 2, 4], ['Fabrikam', 2, 2]]);
    expect(m.dilutionCompanies[0].filter).toBe('company="Contoso Ltd" and tier=dilution');
  });

  it('fills Dunbar layers with real persons by score', () => {
    expect(m.dunbar.layers.map((l) => [l.size, l.filled, l.weakestScore])).toEqual([[5, 4, 50], [15, 4, 50], [50, 4, 50], [150, 4, 50]]);
    expect(m.dunbar).toMatchObject({ real: 4, beyond: 0, persons: 13 });
  });

  it('lists prune candidates dilution first, oldest first, and never someone tagged keep', () => {
    expect(m.pruneCandidates.map((p) => p.id)).toEqual(['d2', 'd4', 'd5', 'd1', 'd3', 'a1']);
    expect(m.pruneTotal).toBe(6);
  });

  it('lists the strongest relationships by score', () => {
    expect(m.strongest.map((p) => p.id)).toEqual(['r1', 'r2', 'r3', 'r4', 'f1', 'f2', 'a1', 'a2']);
  });

  it('draws the trend from history plus this audit, which replaces a snapshot of its own date', () => {
    expect(m.trend.map((t) => [t.asOf, t.persons, t.current])).toEqual([['2023-06-30', 8, false], ['2024-06-30', 10, false], ['2025-06-30', 13, true]]);
    expect(m.trend[1].realShare).toBeCloseTo(0.2);
  });

  it('carries the audit date and the rules', () => {
    expect(m.asOf).toBe('2025-06-30');
    expect(m.ruleLines.find((r) => r.name === 'recentMonths')).toEqual({ name: 'recentMonths', value: '24', meaning: expect.stringContaining('24 months') });
  });
});

describe('buildReportModel on an empty audit', () => {
  it('says there is nothing yet and does not divide by zero', () => {
    const m = buildReportModel(auditOf([]), []);
    expect(m.verdict).toMatch(/import your connections first/);
    expect(m.tiers.every((t) => t.share === 0)).toBe(true);
    expect(m.cohorts).toEqual([]);
    expect(m.trend).toHaveLength(1);
  });
});

describe('buildReportModel on 30,000 persons', () => {
  const audit = generateAudit(30_000);
  const history = Array.from({ length: 500 }, (_, i) => ({
    asOf: `${1990 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`,
    createdAt: '2025-01-01T00:00:00Z',
    summary: { persons: 100 + i, real: 10, fading: 10, acquaintance: 10, dilution: 70 + i, realShare: 0 },
  }));

  // How fast it builds is a bench figure (browserBenches.ts times buildReportModel on the heavy database), not a test's.
  it('keeps every chart bounded', () => {
    const m = buildReportModel(audit, history);
    expect(countChartMarks(m)).toBeLessThan(2_000);
    expect(m.cohorts.length).toBeLessThanOrEqual(32);
    expect(m.trend.length).toBeLessThanOrEqual(120);
    expect(m.strongest).toHaveLength(15);
    expect(m.pruneCandidates).toHaveLength(50);
    expect(m.pruneTotal).toBe(m.summary.acquaintance + m.summary.dilution);
    expect(m.cohorts.reduce((n, c) => n + c.total, 0)).toBe(30_000);
    expect(m.lastContact.reduce((n, b) => n + b.count, 0)).toBe(30_000);
    expect(m.scoreBins.reduce((n, b) => n + b.total, 0)).toBe(30_000);
    expect(m.dilutionCompanies).toHaveLength(10);
    expect(m.dunbar.layers.map((l) => l.filled)).toEqual([5, 15, 50, 150]);
    expect(m.dunbar.beyond).toBe(m.summary.real - 150);
  });
});
