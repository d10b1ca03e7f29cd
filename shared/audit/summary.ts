// The headline counts of an audit: persons per tier and the real share.
import type { AuditPerson, AuditSummary } from '../domain/audit';

export function summarise(persons: Pick<AuditPerson, 'tier'>[]): AuditSummary {
  const s: AuditSummary = { persons: persons.length, real: 0, fading: 0, acquaintance: 0, dilution: 0, realShare: 0 };
  for (const p of persons) s[p.tier] += 1;
  s.realShare = s.persons === 0 ? 0 : Math.round((s.real / s.persons) * 10_000) / 10_000;
  return s;
}
