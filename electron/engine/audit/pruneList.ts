// The prune list (SPEC §7): every audited person with a tag, as a formula-safe CSV.
import type { Db } from '../db/openDatabase';
import { writePruneCsv } from '../../../shared/export/pruneCsv';
import { runAudit } from './runAudit';
import type { AuditCache } from './auditCache';

export function pruneListCsv(db: Db, tag: string, asOf?: string, audits?: AuditCache): { fileName: string; csv: string; rows: number } {
  const audit = audits ? audits.get(db, asOf) : runAudit(db, { asOf });
  const rows = audit.persons
    .filter((p) => p.tags.includes(tag))
    .map((p) => ({
      name: p.name,
      profileUrl: p.profileUrls[0] ?? '',
      company: p.company,
      position: p.position,
      connectedOn: p.connectedOn ?? '',
      tier: p.tier,
      lastContact: p.lastContact ?? '',
      tags: p.tags,
    }));
  return { fileName: `tiecheck-${tag}-${audit.asOf}.csv`, csv: writePruneCsv(rows), rows: rows.length };
}
