// The trend over earlier audits: real share and dilution per audit date, this audit included.
import type { AuditSummary } from '../domain/audit';

/** What the engine keeps of each earlier audit (an audit snapshot), enough for the trend. */
export interface AuditSnapshotSummary {
  asOf: string;
  createdAt: string;
  summary: AuditSummary;
}

export interface TrendPoint {
  asOf: string;
  persons: number;
  real: number;
  dilution: number;
  /** 0–1. */
  realShare: number;
  dilutionShare: number;
  /** True for the audit this report is about. */
  current: boolean;
}

/** Far more audits than anyone runs; keeps the line chart bounded if snapshots pile up. */
export const MAX_TREND_POINTS = 120;

/**
 * One point per audit date, oldest first. Several snapshots of the same date keep the latest
 * made; the current audit always wins its own date. Only the most recent `MAX_TREND_POINTS` dates
 * are kept.
 */
export function buildTrend(history: readonly AuditSnapshotSummary[], current: { asOf: string; summary: AuditSummary }): TrendPoint[] {
  const byDate = new Map<string, AuditSnapshotSummary>();
  for (const h of history) {
    if (!h || typeof h.asOf !== 'string' || !h.summary) continue;
    const seen = byDate.get(h.asOf);
    if (!seen || h.createdAt > seen.createdAt) byDate.set(h.asOf, h);
  }
  byDate.delete(current.asOf);
  const points = [...byDate.values()].map((h) => point(h.asOf, h.summary, false));
  points.push(point(current.asOf, current.summary, true));
  points.sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  return points.slice(-MAX_TREND_POINTS);
}

function point(asOf: string, s: AuditSummary, current: boolean): TrendPoint {
  const persons = s.persons || 0;
  return {
    asOf,
    persons,
    real: s.real,
    dilution: s.dilution,
    realShare: persons ? s.real / persons : 0,
    dilutionShare: persons ? s.dilution / persons : 0,
    current,
  };
}
