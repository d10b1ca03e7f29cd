// The audit's vocabulary: rules (settings with SPEC defaults), tiers, per-person evidence and the result shape of `audit --json`.

export const TIERS = ['real', 'fading', 'acquaintance', 'dilution'] as const;
export type Tier = (typeof TIERS)[number];

/** Every threshold of SPEC §2–§4 is a setting; these are the defaults. */
export interface AuditRules {
  /** A real link's last conversation is at most this many months before asOf. */
  recentMonths: number;
  /** A meeting with more people than this besides you is a gathering (`event`), not a conversation. */
  smallGroupMax: number;
  /** Conversations needed for `real` when you never met in person. */
  minConversations: number;
  /** In-person meetings that alone meet the bar. */
  minInPerson: number;
}

export const DEFAULT_RULES: AuditRules = {
  recentMonths: 24,
  smallGroupMax: 8,
  minConversations: 2,
  minInPerson: 1,
};

/** What the records say about one person as of the audit date (SPEC §3). */
export interface Evidence {
  inPerson: number;
  /** Calls and video calls that connected. */
  calls: number;
  /** Email and message threads in which both you and they wrote. */
  twoWayThreads: number;
  /** All conversations: inPerson + calls + twoWayThreads. */
  conversations: number;
  /** One-way threads plus gatherings attended together (and calls that did not connect). */
  oneWay: number;
  /** Any interaction at all, counted or not. */
  interactions: number;
  /** `YYYY-MM-DD` of the most recent conversation, or null. */
  lastContact: string | null;
  /** `YYYY-MM-DD` of the most recent interaction of any kind, or null. */
  lastInteraction: string | null;
}

export interface AuditPerson {
  id: string;
  name: string;
  emails: string[];
  profileUrls: string[];
  company: string;
  position: string;
  networks: string[];
  connectedOn: string | null;
  tier: Tier;
  score: number;
  inPerson: number;
  conversations: number;
  oneWay: number;
  lastContact: string | null;
  tags: string[];
}

export interface AuditSummary {
  persons: number;
  real: number;
  fading: number;
  acquaintance: number;
  dilution: number;
  /** real / persons, 0 when there is nobody; rounded to 4 decimals. */
  realShare: number;
}

export interface AuditResult {
  asOf: string;
  rules: AuditRules;
  summary: AuditSummary;
  persons: AuditPerson[];
}
