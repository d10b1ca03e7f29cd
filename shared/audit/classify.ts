// The tier rules of SPEC §4 and the strength score: pure functions of evidence, asOf and the rules.
import type { AuditPerson, AuditRules, Evidence, Tier } from '../domain/audit';
import { monthsBetween, subtractMonths } from './calendarDays';

export function meetsBar(e: Evidence, rules: AuditRules): boolean {
  return e.inPerson >= rules.minInPerson || e.conversations >= rules.minConversations;
}

export function classifyPerson(e: Evidence, asOf: string, rules: AuditRules): Tier {
  return tierSince(e, subtractMonths(asOf, rules.recentMonths), rules);
}

/** The tier, given the first day that still counts as recent. */
function tierSince(e: Evidence, recentFrom: string, rules: AuditRules): Tier {
  if (e.interactions === 0) return 'dilution';
  if (!meetsBar(e, rules) || e.lastContact === null) return 'acquaintance';
  return e.lastContact >= recentFrom ? 'real' : 'fading';
}

/** Weights: an in-person meeting counts more than a call or video, which counts more than a two-way thread. */
export const SCORE_WEIGHTS = { inPerson: 3, call: 2, twoWayThread: 1, oneWay: 0.25 } as const;
/** Recency never falls below this floor, and "no conversation yet" sits exactly on it. */
export const RECENCY_FLOOR = 0.25;

/**
 * Strength 0–100 = 100 × volume × recency, where
 *   volume  = 1 − e^(−w/4), w = 3·inPerson + 2·calls + 1·twoWayThreads + 0.25·oneWay
 *   recency = 0.25 + 0.75 · 2^(−monthsSinceLastContact / recentMonths)   (0.25 when never)
 * Adding a conversation raises w and can only move lastContact later, so the score never drops;
 * an older lastContact lowers recency, so the score never rises. Dilution (no interaction) is 0.
 */
export function strengthScore(e: Evidence, asOf: string, rules: AuditRules): number {
  return scoreAfter(e, e.lastContact === null ? null : monthsBetween(e.lastContact, asOf), rules);
}

/** The score, given the months from the last contact to the audit date (null: none). */
function scoreAfter(e: Evidence, monthsSinceLastContact: number | null, rules: AuditRules): number {
  if (e.interactions === 0) return 0;
  const w =
    SCORE_WEIGHTS.inPerson * e.inPerson +
    SCORE_WEIGHTS.call * e.calls +
    SCORE_WEIGHTS.twoWayThread * e.twoWayThreads +
    SCORE_WEIGHTS.oneWay * e.oneWay;
  const volume = 1 - Math.exp(-w / 4);
  const recency =
    monthsSinceLastContact === null
      ? RECENCY_FLOOR
      : RECENCY_FLOOR + (1 - RECENCY_FLOOR) * Math.pow(2, -monthsSinceLastContact / Math.max(1, rules.recentMonths));
  return Math.max(0, Math.min(100, Math.round(100 * volume * recency)));
}

/** The fields of an audited person that the evidence decides. */
export type Verdict = Pick<AuditPerson, 'tier' | 'score' | 'inPerson' | 'conversations' | 'oneWay' | 'lastContact'>;

/** The verdict fields of an audited person: tier, score and the evidence counts behind them. */
export function verdictOf(e: Evidence, asOf: string, rules: AuditRules): Verdict {
  return verdictsAsOf(asOf, rules)(e);
}

/**
 * verdictOf for the many persons of one audit: the recent cut-off is worked out once, and the months since a last
 * contact once per day (Date.parse and the cut-off's formatting cost more than the rules for 30,000 persons).
 */
export function verdictsAsOf(asOf: string, rules: AuditRules): (e: Evidence) => Verdict {
  const recentFrom = subtractMonths(asOf, rules.recentMonths);
  const monthsSince = new Map<string, number>();
  return (e) => {
    let months: number | null = null;
    if (e.lastContact !== null) {
      months = monthsSince.get(e.lastContact) ?? null;
      if (months === null) monthsSince.set(e.lastContact, (months = monthsBetween(e.lastContact, asOf)));
    }
    return {
      tier: tierSince(e, recentFrom, rules),
      score: scoreAfter(e, months, rules),
      inPerson: e.inPerson,
      conversations: e.conversations,
      oneWay: e.oneWay,
      lastContact: e.lastContact,
    };
  };
}
