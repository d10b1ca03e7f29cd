// The latest audits of this engine, kept until the data changes: the dashboard, the people table and
// bulk tagging all ask for the same audit, which takes seconds to compute for 30,000 persons. Beside
// them, a summary of the email and message threads (threadSummary.ts), kept while no record changes.
import type { Db } from '../db/openDatabase';
import type { AuditResult, AuditRules, Evidence } from '../../../shared/domain/audit';
import { todayUtc } from '../../../shared/audit/calendarDays';
import { readRules } from '../store/settingsStore';
import { runAudit } from './runAudit';
import { addEvidence, queryMeetingEvidence } from './evidenceQuery';
import { ThreadSummary } from './threadSummary';

const KEPT = 4;

export class AuditCache {
  private readonly entries = new Map<string, AuditResult>();
  private dataVersion = -1;
  private threads: ThreadSummary | null = null;

  /** Call after this engine's own connection wrote anything (other connections show in data_version). */
  invalidate(): void {
    this.entries.clear();
    this.threads = null;
  }

  /**
   * Call instead of invalidate() after a write that changed no interaction or participant row (only
   * contacts' links, persons, decisions, settings, tags): the thread summary stays, the audits go.
   */
  invalidateKeepingRecords(): void {
    this.entries.clear();
  }

  get(db: Db, asOfDay?: string): AuditResult {
    // data_version moves when another connection (an import worker, the CLI) commits.
    const version = db.pragma('data_version', { simple: true }) as number;
    if (version !== this.dataVersion) {
      this.invalidate();
      this.dataVersion = version;
    }
    const asOf = asOfDay ?? todayUtc();
    const rules = readRules(db);
    const key = `${asOf}|${JSON.stringify(rules)}`;
    let audit = this.entries.get(key);
    if (!audit) {
      audit = runAudit(db, { asOf, rules, evidence: (d, a, r) => this.evidence(d, a, r) });
      if (this.entries.size >= KEPT) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, audit);
    }
    return audit;
  }

  /**
   * Thread evidence from the summary of this audit date (read now if it is another date: reading costs
   * what the one SQL aggregate costs), meetings in SQL. One summary is kept, for the date asked last.
   */
  private evidence(db: Db, asOf: string, rules: AuditRules): Map<string, Evidence> {
    if (this.threads?.asOf !== asOf) this.threads = ThreadSummary.read(db, asOf);
    return addEvidence(this.threads.evidence(db), queryMeetingEvidence(db, asOf, rules));
  }
}
