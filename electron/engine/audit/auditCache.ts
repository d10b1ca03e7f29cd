// The latest audits of this engine, kept until the data changes: the dashboard, the people table and
// bulk tagging all ask for the same audit, which takes seconds to compute for 30,000 persons.
import type { Db } from '../db/openDatabase';
import type { AuditResult } from '../../../shared/domain/audit';
import { todayUtc } from '../../../shared/audit/calendarDays';
import { readRules } from '../store/settingsStore';
import { runAudit } from './runAudit';

const KEPT = 4;

export class AuditCache {
  private readonly entries = new Map<string, AuditResult>();
  private dataVersion = -1;

  /** Call after this engine's own connection wrote anything (other connections show in data_version). */
  invalidate(): void {
    this.entries.clear();
  }

  get(db: Db, asOfDay?: string): AuditResult {
    // data_version moves when another connection (an import worker, the CLI) commits.
    const version = db.pragma('data_version', { simple: true }) as number;
    if (version !== this.dataVersion) {
      this.entries.clear();
      this.dataVersion = version;
    }
    const asOf = asOfDay ?? todayUtc();
    const rules = readRules(db);
    const key = `${asOf}|${JSON.stringify(rules)}`;
    let audit = this.entries.get(key);
    if (!audit) {
      audit = runAudit(db, { asOf, rules });
      if (this.entries.size >= KEPT) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, audit);
    }
    return audit;
  }
}
