// The report's one-line verdict and the number formatting it and the report share.
import type { AuditSummary } from '../domain/audit';

/** `1512` → `1,512`, independent of the machine's locale so reports read the same everywhere. */
export function formatCount(n: number): string {
  const whole = Math.round(n);
  const sign = whole < 0 ? '-' : '';
  return sign + String(Math.abs(whole)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A share as a whole percent. A small non-zero share never shows as 0% (and a share short of all
 * never as 100%): "0% are real" would be a lie when two people are.
 */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share) || share <= 0) return '0%';
  if (share >= 1) return '100%';
  const pct = Math.round(share * 100);
  if (pct === 0) return 'under 1%';
  if (pct === 100) return 'over 99%';
  return `${pct}%`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** e.g. "12% of your 1,512 connections are real relationships. 61% are links to people you have never really talked to." */
export function writeVerdict(s: AuditSummary): string {
  if (!s.persons) return 'There is nobody to audit yet: import your connections first.';
  if (s.persons === 1) {
    if (s.real === 1) return 'Your only connection is a real relationship.';
    if (s.dilution === 1) return 'Your only connection is a link to someone you have never really talked to.';
    return 'Your only connection is not a real relationship (yet).';
  }
  const all = formatCount(s.persons);
  const first =
    s.real === 0
      ? `None of your ${all} connections are real relationships.`
      : s.real === s.persons
        ? `All ${all} of your connections are real relationships.`
        : `${capitalise(formatPercent(s.real / s.persons))} of your ${all} connections are real relationships.`;
  const second =
    s.dilution === 0
      ? 'None are links to people you have never really talked to.'
      : s.dilution === s.persons
        ? 'All are links to people you have never really talked to.'
        : `${capitalise(formatPercent(s.dilution / s.persons))} are links to people you have never really talked to.`;
  return `${first} ${second}`;
}
