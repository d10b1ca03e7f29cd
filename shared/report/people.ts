// The two person lists of the report: the strongest relationships and the prune candidates, in their order.
import type { AuditPerson, Tier } from '../domain/audit';

/** What a report table row shows of a person. */
export interface ReportPerson {
  id: string;
  name: string;
  company: string;
  position: string;
  connectedOn: string | null;
  lastContact: string | null;
  tier: Tier;
  score: number;
}

export const STRONGEST_LIMIT = 15;
export const PRUNE_LIMIT = 50;
/** A person you tagged `keep` is never proposed for pruning: your decision wins (SPEC §5, §7). */
export const KEEP_TAG = 'keep';

export function toReportPerson(p: AuditPerson): ReportPerson {
  return {
    id: p.id,
    name: p.name,
    company: p.company ?? '',
    position: p.position ?? '',
    connectedOn: p.connectedOn ?? null,
    lastContact: p.lastContact ?? null,
    tier: p.tier,
    score: p.score,
  };
}

/** Nulls sort after every date: an unknown date is not evidence of an old or recent one. */
function compareDay(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Highest score first, then the most recent contact, then name; people with score 0 are no relationship. */
export function pickStrongest(persons: readonly AuditPerson[], limit = STRONGEST_LIMIT): ReportPerson[] {
  return persons
    .filter((p) => p.score > 0)
    .sort((a, b) => b.score - a.score || -compareDay(a.lastContact, b.lastContact) || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map(toReportPerson);
}

const PRUNE_RANK: Partial<Record<Tier, number>> = { dilution: 0, acquaintance: 1 };

function isPruneCandidate(p: AuditPerson): boolean {
  return PRUNE_RANK[p.tier] !== undefined && !(p.tags ?? []).some((t) => t.toLowerCase() === KEEP_TAG);
}

/**
 * Dilution before acquaintance, oldest connections first within each (those links have had the
 * longest to become something and did not), unknown dates last, then name. `total` counts them all.
 */
export function pickPruneCandidates(persons: readonly AuditPerson[], limit = PRUNE_LIMIT): { people: ReportPerson[]; total: number } {
  const all = persons.filter(isPruneCandidate);
  all.sort(
    (a, b) =>
      (PRUNE_RANK[a.tier] as number) - (PRUNE_RANK[b.tier] as number) ||
      compareDay(a.connectedOn, b.connectedOn) ||
      a.name.localeCompare(b.name),
  );
  return { people: all.slice(0, limit).map(toReportPerson), total: all.length };
}
