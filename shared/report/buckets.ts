// Strength-score bins and time-since-last-contact buckets: small pure counts for the charts.
import { TIERS, type AuditPerson } from '../domain/audit';
import { emptyTierCounts, type TierCounts } from './cohorts';
import { addMonths } from './dates';
import { dateRangeFilter, missingDateFilter, scoreRangeFilter } from './filters';

export interface ScoreBin {
  /** `0–9`, …, `90–100`: the last bin holds 100 so a perfect score is not a bin of its own. */
  label: string;
  from: number;
  /** Exclusive upper bound; null for the last bin. */
  to: number | null;
  counts: TierCounts;
  total: number;
  filter: string;
}

/** Ten 10-point bins over the 0–100 strength score, each split by tier. */
export function binScores(persons: readonly AuditPerson[]): ScoreBin[] {
  const bins: ScoreBin[] = [];
  for (let i = 0; i < 10; i++) {
    const from = i * 10;
    const to = i === 9 ? null : from + 10;
    bins.push({ label: i === 9 ? '90–100' : `${from}–${from + 9}`, from, to, counts: emptyTierCounts(), total: 0, filter: scoreRangeFilter(from, to) });
  }
  for (const p of persons) {
    const score = Number.isFinite(p.score) ? p.score : 0;
    const i = Math.min(9, Math.max(0, Math.floor(score / 10)));
    bins[i].counts[p.tier] += 1;
    bins[i].total += 1;
  }
  return bins;
}

export type LastContactKey = 'lt3m' | '3to12m' | '1to2y' | '2to5y' | '5yPlus' | 'never';

export interface LastContactBucket {
  key: LastContactKey;
  label: string;
  /** Inclusive earliest and exclusive latest last-contact day of the bucket; null when open or `never`. */
  from: string | null;
  to: string | null;
  count: number;
  filter: string;
}

/** Bucket edges in months before the audit date, nearest first. */
const EDGES: { key: LastContactKey; label: string; months: number | null }[] = [
  { key: 'lt3m', label: 'under 3 months', months: 3 },
  { key: '3to12m', label: '3–12 months', months: 12 },
  { key: '1to2y', label: '1–2 years', months: 24 },
  { key: '2to5y', label: '2–5 years', months: 60 },
  { key: '5yPlus', label: '5+ years', months: null },
];

/**
 * How long ago the last conversation was, measured back from `asOf`. A bucket holds the days
 * from its edge up to the previous edge, so a contact exactly 3 months ago counts as "under 3
 * months". `never` is everyone without a conversation (acquaintances and dilution alike).
 */
export function bucketLastContact(persons: readonly AuditPerson[], asOf: string): LastContactBucket[] {
  const afterAsOf = addDay(asOf);
  const buckets: LastContactBucket[] = [];
  let upper: string | null = afterAsOf;
  for (const e of EDGES) {
    const from = e.months === null ? null : addMonths(asOf, -e.months);
    buckets.push({ key: e.key, label: e.label, from, to: upper, count: 0, filter: dateRangeFilter('lastContact', from, e.key === 'lt3m' ? null : upper) });
    upper = from;
  }
  buckets.push({ key: 'never', label: 'never', from: null, to: null, count: 0, filter: missingDateFilter('lastContact') });

  for (const p of persons) {
    if (!p.lastContact) {
      buckets[buckets.length - 1].count += 1;
      continue;
    }
    // Lexical order is date order for `YYYY-MM-DD`; a contact after asOf cannot occur (SPEC §3) but lands in the nearest bucket.
    let i = 0;
    while (i < EDGES.length - 1 && p.lastContact < (buckets[i].from as string)) i++;
    buckets[i].count += 1;
  }
  return buckets;
}

function addDay(day: string): string {
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Sum of tier counts, for tests and tables. */
export function sumTierCounts(c: TierCounts): number {
  let n = 0;
  for (const t of TIERS) n += c[t];
  return n;
}
