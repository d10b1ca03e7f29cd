// The small pure pieces the dashboard reuses: dates, cohort folding, bucket edges, Dunbar, verdict wording.
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../shared/report/dates';
import { countConnectionsByYear, cohortSegmentFilter } from '../../../shared/report/cohorts';
import { bucketLastContact } from '../../../shared/report/buckets';
import { fillDunbarLayers } from '../../../shared/report/dunbar';
import { formatCount, formatPercent, writeVerdict } from '../../../shared/report/verdict';
import { quoteFilterValue } from '../../../shared/report/filters';
import { person } from './auditFixtures';

describe('addMonths', () => {
  it('clamps to the end of shorter months and crosses years', () => {
    expect(addMonths('2025-05-31', -3)).toBe('2025-02-28');
    expect(addMonths('2024-05-31', -3)).toBe('2024-02-29');
    expect(addMonths('2025-01-15', -1)).toBe('2024-12-15');
    expect(addMonths('2025-06-30', -60)).toBe('2020-06-30');
  });
});

describe('countConnectionsByYear', () => {
  it('folds years past the limit into one "before" bar and keeps the cohort filter', () => {
    const persons = [person('a', 'dilution', { connectedOn: '1901-01-01' }), ...Array.from({ length: 26 }, (_, i) => person(`p${i}`, 'real', { connectedOn: `${2000 + i}-06-01` }))];
    const c = countConnectionsByYear(persons, 10);
    expect(c).toHaveLength(11);
    expect(c[0]).toMatchObject({ label: 'before 2016', total: 17, filter: 'connectedOn<2016-01-01' });
    expect(cohortSegmentFilter(c[1], 'dilution')).toBe('connectedOn>=2016-01-01 and connectedOn<2017-01-01 and tier=dilution');
  });

  it('ignores dates it cannot read as unknown', () => {
    const c = countConnectionsByYear([person('a', 'real', { connectedOn: 'sometime' })]);
    expect(c).toMatchObject([{ label: 'unknown', total: 1, filter: 'connectedOn=none' }]);
  });
});

describe('bucketLastContact', () => {
  it('puts a contact exactly on an edge in the nearer bucket', () => {
    const b = bucketLastContact([person('a', 'real', { lastContact: '2024-06-30' }), person('b', 'fading', { lastContact: '2020-06-30' }), person('c', 'fading', { lastContact: '2020-06-29' })], '2025-06-30');
    expect(b.map((x) => x.count)).toEqual([0, 1, 0, 1, 1, 0]);
  });
});

describe('fillDunbarLayers', () => {
  it('counts only real persons and reports those past 150', () => {
    const persons = [...Array.from({ length: 160 }, (_, i) => person(`r${i}`, 'real', { score: 100 - (i % 100) })), person('f', 'fading', { score: 99 })];
    const d = fillDunbarLayers(persons);
    expect(d.layers.map((l) => l.filled)).toEqual([5, 15, 50, 150]);
    expect(d.layers[0].weakestScore).toBe(98);
    expect(d.layers[0].filter).toBe('tier=real and score>=98');
    expect(d.beyond).toBe(10);
  });
});

describe('verdict wording', () => {
  it('formats numbers without depending on the locale', () => {
    expect(formatCount(1512)).toBe('1,512');
    expect(formatCount(30000)).toBe('30,000');
    expect(formatPercent(0.001)).toBe('under 1%');
    expect(formatPercent(0.999)).toBe('over 99%');
  });

  it('reads like the example of the brief', () => {
    expect(writeVerdict({ persons: 1512, real: 181, fading: 100, acquaintance: 309, dilution: 922, realShare: 0.1197 })).toBe(
      '12% of your 1,512 connections are real relationships. 61% are links to people you have never really talked to.',
    );
    expect(writeVerdict({ persons: 3, real: 0, fading: 0, acquaintance: 0, dilution: 3, realShare: 0 })).toBe(
      'None of your 3 connections are real relationships. All are links to people you have never really talked to.',
    );
    expect(writeVerdict({ persons: 1, real: 1, fading: 0, acquaintance: 0, dilution: 0, realShare: 1 })).toBe('Your only connection is a real relationship.');
  });
});

describe('quoteFilterValue', () => {
  it('escapes quotes and backslashes', () => {
    expect(quoteFilterValue('Say "hi" \\o/')).toBe('"Say \\"hi\\" \\\\o/"');
  });
});
