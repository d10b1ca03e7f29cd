// Builds strings in the filter language of SPEC §9 so the charts can open the people table filtered.
import type { Tier } from '../domain/audit';

/**
 * A quoted value for text fields. The filter language's quoting is owned by its parser; double
 * quotes with backslash escapes are the common form, and company names often contain spaces.
 */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function tierFilter(tier: Tier): string {
  return `tier=${tier}`;
}

/** Half-open range [from, to) on a date field; either end may be open. */
export function dateRangeFilter(field: 'connectedOn' | 'lastContact', from: string | null, to: string | null): string {
  const parts: string[] = [];
  if (from) parts.push(`${field}>=${from}`);
  if (to) parts.push(`${field}<${to}`);
  return parts.join(' and ');
}

/** Persons for whom a date field is empty: no connection date known, or no conversation ever. */
export function missingDateFilter(field: 'connectedOn' | 'lastContact'): string {
  return `${field}=none`;
}

export function scoreRangeFilter(from: number, toExclusive: number | null): string {
  return toExclusive === null ? `score>=${from}` : `score>=${from} and score<${toExclusive}`;
}

export function companyFilter(company: string): string {
  return `company=${quoteFilterValue(company)}`;
}

/** Joins non-empty clauses with `and`. */
export function allOf(...clauses: (string | null | undefined)[]): string {
  return clauses.filter((c): c is string => !!c).join(' and ');
}
