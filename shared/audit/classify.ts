// The tier rules of SPEC §4 and the strength score: pure functions of evidence, asOf and the rules.
import type { AuditRules, Evidence, Tier } from '../domain/audit';
import { monthsBetween, subtractMonths } from './calendarDays';

export function meetsBar(e: Evidence, rules: AuditRules): boolean {
  return e.inPerson >= rules.minInPerson || e.conversations >= rules.minConversations;
}

export function classifyPerson(e: Evidence, asOf: string, rules: AuditRules): Tier {
  if (e.interactions === 0) return 'dilution';
  if (!meetsBar(e, rules) || e.lastContact === null) return 'acquaintance';
  return e.lastContact >= subtractMonths(asOf, rules.recentMonths) ? 'real' : 'fading';
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
  if (e.interactions === 0) return 0;
  const w =
    SCORE_WEIGHTS.inPerson * e.inPerson +
    SCORE_WEIGHTS.call * e.calls +
    SCORE_WEIGHTS.twoWayThread * e.twoWayThreads +
    SCORE_WEIGHTS.oneWay * e.oneWay;
  const volume = 1 - Math.exp(-w / 4);
  const recency =
    e.lastContact === null
      ? RECENCY_FLOOR
      : RECENCY_FLOOR + (1 - RECENCY_FLOOR) * Math.pow(2, -monthsBetween(e.lastContact, asOf) / Math.max(1, rules.recentMonths));
  return Math.max(0, Math.min(100, Math.round(100 * volume * recency)));
}

/** The verdict fields of an audited person: tier, score and the evidence counts behind them. */
export function verdictOf(e: Evidence, asOf: string, rules: AuditRules) {
  return {
    tier: classifyPerson(e, asOf, rules),
    score: strengthScore(e, asOf, rules),
    inPerson: e.inPerson,
    conversations: e.conversations,
    oneWay: e.oneWay,
    lastContact: e.lastContact,
  };
}
