// The report model: everything SPEC §8's audit report shows, computed once from an audit, pure and bounded.
import { TIERS, type AuditResult, type AuditRules, type AuditSummary, type Tier } from '../domain/audit';
import { bucketLastContact, binScores, type LastContactBucket, type ScoreBin } from './buckets';
import { countConnectionsByYear, type CohortYear } from './cohorts';
import { rankDilutionCompanies, type CompanyDilution } from './companies';
import { fillDunbarLayers, type DunbarReport } from './dunbar';
import { tierFilter } from './filters';
import { pickPruneCandidates, pickStrongest, type ReportPerson } from './people';
import { TIER_LABELS, TIER_MEANINGS } from './tierLabels';
import { buildTrend, type AuditSnapshotSummary, type TrendPoint } from './trend';
import { writeVerdict } from './verdict';

export type { AuditSnapshotSummary } from './trend';
export type { ReportPerson } from './people';
export type { CohortYear } from './cohorts';
export type { ScoreBin, LastContactBucket } from './buckets';
export type { CompanyDilution } from './companies';
export type { DunbarReport, DunbarLayer } from './dunbar';
export type { TrendPoint } from './trend';

export interface TierSlice {
  tier: Tier;
  label: string;
  meaning: string;
  count: number;
  /** 0–1 of all persons. */
  share: number;
  filter: string;
}

export interface RuleLine {
  name: string;
  value: string;
  meaning: string;
}

export interface ReportModel {
  /** The audit date, `YYYY-MM-DD`. */
  asOf: string;
  rules: AuditRules;
  /** The rules as lines for the footer, known ones explained, unknown ones passed through. */
  ruleLines: RuleLine[];
  /** Recounted from the persons, so the headline can never disagree with the charts. */
  summary: AuditSummary;
  verdict: string;
  tiers: TierSlice[];
  scoreBins: ScoreBin[];
  cohorts: CohortYear[];
  lastContact: LastContactBucket[];
  dilutionCompanies: CompanyDilution[];
  dunbar: DunbarReport;
  trend: TrendPoint[];
  strongest: ReportPerson[];
  pruneCandidates: ReportPerson[];
  pruneTotal: number;
}

const RULE_MEANINGS: Record<string, (v: unknown) => string> = {
  recentMonths: (v) => `a real relationship has a conversation within the last ${v} months`,
  smallGroupMax: (v) => `a meeting with more than ${v} other people is a gathering, not a conversation`,
  minConversations: (v) => `${v} conversations make a relationship when you never met in person`,
  minInPerson: (v) => `${v} in-person meeting${v === 1 ? '' : 's'} alone make${v === 1 ? 's' : ''} a relationship`,
};

export function describeRules(rules: AuditRules): RuleLine[] {
  return Object.entries(rules as unknown as Record<string, unknown>).map(([name, value]) => ({
    name,
    value: typeof value === 'string' ? value : JSON.stringify(value),
    meaning: RULE_MEANINGS[name]?.(value) ?? '',
  }));
}

export function countTiers(audit: Pick<AuditResult, 'persons'>): AuditSummary {
  const s: AuditSummary = { persons: audit.persons.length, real: 0, fading: 0, acquaintance: 0, dilution: 0, realShare: 0 };
  for (const p of audit.persons) s[p.tier] += 1;
  s.realShare = s.persons ? Math.round((s.real / s.persons) * 10_000) / 10_000 : 0;
  return s;
}

export function buildReportModel(audit: AuditResult, history: AuditSnapshotSummary[]): ReportModel {
  const persons = audit.persons;
  const summary = countTiers(audit);
  const prune = pickPruneCandidates(persons);
  return {
    asOf: audit.asOf,
    rules: audit.rules,
    ruleLines: describeRules(audit.rules),
    summary,
    verdict: writeVerdict(summary),
    tiers: TIERS.map((tier) => ({
      tier,
      label: TIER_LABELS[tier],
      meaning: TIER_MEANINGS[tier],
      count: summary[tier],
      share: summary.persons ? summary[tier] / summary.persons : 0,
      filter: tierFilter(tier),
    })),
    scoreBins: binScores(persons),
    cohorts: countConnectionsByYear(persons),
    lastContact: bucketLastContact(persons, audit.asOf),
    dilutionCompanies: rankDilutionCompanies(persons),
    dunbar: fillDunbarLayers(persons),
    trend: buildTrend(history, { asOf: audit.asOf, summary }),
    strongest: pickStrongest(persons),
    pruneCandidates: prune.people,
    pruneTotal: prune.total,
  };
}

/**
 * The most marks any chart of the model draws: tier slices, score bins × tiers, cohorts × tiers,
 * buckets, companies × 2, layers × 2, trend points × 2. Tests hold this under ~2,000.
 */
export function countChartMarks(m: ReportModel): number {
  const t = TIERS.length;
  return m.tiers.length + m.scoreBins.length * t + m.cohorts.length * t + m.lastContact.length + m.dilutionCompanies.length * 2 + m.dunbar.layers.length * 2 + m.trend.length * 2;
}
