// Connections added per year, split by tier: the cohort chart's data, shared by the report and the dashboard.
import { TIERS, type AuditPerson, type Tier } from '../domain/audit';
import { yearOf, startOfYear } from './dates';
import { allOf, dateRangeFilter, missingDateFilter, tierFilter } from './filters';

export type TierCounts = Record<Tier, number>;

export interface CohortYear {
  /** `2014`, `before 1998` (folded early years) or `unknown` (no connection date). */
  label: string;
  /** Inclusive start and exclusive end of the years it covers; null for `unknown`. */
  from: string | null;
  to: string | null;
  counts: TierCounts;
  total: number;
  /** The people-table filter for the whole bar; add `and tier=X` for one segment. */
  filter: string;
}

/** More years than this fold the earliest into one "before" bar, so the chart stays readable and bounded. */
export const MAX_COHORT_YEARS = 30;

export function emptyTierCounts(): TierCounts {
  return { real: 0, fading: 0, acquaintance: 0, dilution: 0 };
}

function addCounts(into: TierCounts, from: TierCounts): void {
  for (const t of TIERS) into[t] += from[t];
}

/**
 * One bar per calendar year between the first and the last connection (empty years included, so
 * the axis is honest about gaps), the earliest folded once there are more than `maxYears`, and
 * an `unknown` bar last for persons whose export gave no date.
 */
export function countConnectionsByYear(persons: readonly AuditPerson[], maxYears = MAX_COHORT_YEARS): CohortYear[] {
  const byYear = new Map<number, TierCounts>();
  const unknown = emptyTierCounts();
  let unknownTotal = 0;
  for (const p of persons) {
    const y = yearOf(p.connectedOn);
    if (y === null) {
      unknown[p.tier] += 1;
      unknownTotal += 1;
      continue;
    }
    let c = byYear.get(y);
    if (!c) byYear.set(y, (c = emptyTierCounts()));
    c[p.tier] += 1;
  }

  const out: CohortYear[] = [];
  if (byYear.size > 0) {
    const years = [...byYear.keys()];
    const first = Math.min(...years);
    const last = Math.max(...years);
    const firstShown = Math.max(first, last - maxYears + 1);
    if (firstShown > first) {
      const folded = emptyTierCounts();
      for (const [y, c] of byYear) if (y < firstShown) addCounts(folded, c);
      out.push(cohort(`before ${firstShown}`, null, startOfYear(firstShown), folded));
    }
    for (let y = firstShown; y <= last; y++) {
      out.push(cohort(String(y), startOfYear(y), startOfYear(y + 1), byYear.get(y) ?? emptyTierCounts()));
    }
  }
  if (unknownTotal > 0) {
    out.push({ label: 'unknown', from: null, to: null, counts: unknown, total: unknownTotal, filter: missingDateFilter('connectedOn') });
  }
  return out;
}

function cohort(label: string, from: string | null, to: string | null, counts: TierCounts): CohortYear {
  let total = 0;
  for (const t of TIERS) total += counts[t];
  return { label, from, to, counts, total, filter: dateRangeFilter('connectedOn', from, to) };
}

/** The filter for one tier's segment of one cohort bar. */
export function cohortSegmentFilter(c: Pick<CohortYear, 'filter'>, tier: Tier): string {
  return allOf(c.filter, tierFilter(tier));
}
