// The latest audits of this engine, kept until the data changes: the dashboard, the people table and
// bulk tagging all ask for the same audit, which takes seconds to compute for 30,000 persons. Beside
// them, a summary of the email and message threads (threadSummary.ts), kept while no record changes and
// brought up to date after imports and undos (threadPatch.ts).
import type { Db } from '../db/openDatabase';
import type { AuditResult, AuditRules, Evidence } from '../../../shared/domain/audit';
import { todayUtc } from '../../../shared/audit/calendarDays';
import { readRules } from '../store/settingsStore';
import { runAudit } from './runAudit';
import { addEvidence, queryMeetingEvidence } from './evidenceQuery';
import { ThreadSummary } from './threadSummary';
import { refreshedSummary } from './threadPatch';

const KEPT = 4;

export class AuditCache {
  private readonly entries = new Map<string, AuditResult>();
  private dataVersion = -1;
  private threads: ThreadSummary | null = null;
  /** The records may have changed since the summary was read: check its stamp before using it. */
  private recordsMoved = false;

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

  /**
   * Call instead of invalidate() after an import or an undo: the audits go, the thread summary is brought up to
   * date at the next audit if the records changed only by whole batches imported or undone (recordsStamp.ts),
   * else read again.
   */
  invalidateRecords(): void {
    this.entries.clear();
    this.recordsMoved = true;
  }

  get(db: Db, asOfDay?: string): AuditResult {
    // data_version moves when another connection (an import worker, the CLI) commits: what it wrote is known
    // only from the records' stamp.
    const version = db.pragma('data_version', { simple: true }) as number;
    if (version !== this.dataVersion) {
      this.invalidateRecords();
      this.dataVersion = version;
    }
    const asOf = asOfDay ?? todayUtc();
    const rules = readRules(db);
    const key = `${asOf}|${JSON.stringify(rules)}`;
    let audit = this.entries.get(key);
    if (!audit) {
      // One read transaction: the thread summary's stamp must describe the records that every read of the audit saw.
      audit = db.transaction(() => runAudit(db, { asOf, rules, startEvidence: (d, a, r) => this.startEvidence(d, a, r) }))();
      if (this.entries.size >= KEPT) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, audit);
    }
    return audit;
  }

  /**
   * Thread evidence from the summary of this audit date (read now if it is another date: one scan of the records,
   * threadColumnsRead.ts, started here and finished when the evidence is asked for; brought up to date first if the
   * records moved), meetings in SQL, looked up by the ids the summary keeps. One summary is kept, for the date asked
   * last.
   */
  private startEvidence(db: Db, asOf: string, rules: AuditRules): () => Map<string, Evidence> {
    if (this.threads?.asOf !== asOf) this.threads = null;
    if (this.threads && this.recordsMoved) this.threads = refreshedSummary(this.threads, db);
    this.recordsMoved = false;
    const kept = this.threads;
    const finish = kept ? () => kept : ThreadSummary.begin(db, asOf);
    return () => {
      const threads = (this.threads = finish());
      return addEvidence(threads.evidence(db), queryMeetingEvidence(db, asOf, rules, threads.meetings.id));
    };
  }
}
