// What every interaction parser reports about its file, and the batcher that hands records on a few hundred at a time (small batches die young: less garbage reaches the old generation on a 2 GB archive).
import type { InteractionRecord } from '../../../../shared/domain/records';

export type InteractionFormat =
  | 'linkedin-messages'
  | 'linkedin-invitations'
  | 'mbox'
  | 'ics'
  | 'calls'
  | 'calls-xml'
  | 'csv'
  | 'facebook-messages'
  | 'facebook-requests';

export interface InteractionParseOptions {
  format?: 'auto' | InteractionFormat;
  /** `csv` (and call CSVs): field → column name, e.g. `{ kind: 'Type', date: 'When' }`. */
  map?: Record<string, string>;
  /** Expand recurring events up to this day (YYYY-MM-DD); default today. */
  until?: string;
  signal?: AbortSignal;
}

export interface OwnerHint {
  kind: 'email' | 'url' | 'name' | 'phone';
  value: string;
  evidence: string;
}

export interface InvitationRecord {
  name: string;
  profileUrl?: string;
  direction: 'incoming' | 'outgoing';
  sentAt: string | null;
  /** The network the invitation came on (default linkedin). */
  network?: string;
  /** The invitation's own note, when it had one. */
  message?: string;
}

export interface InteractionFileInfo {
  format: InteractionFormat;
  records: number;
  skipped: { line: number; reason: string }[];
  warnings: string[];
  /** Identities that probably belong to the file's owner: mbox Delivered-To, the most frequent LinkedIn sender… */
  ownerHints: OwnerHint[];
  /** Invitations.csv: who invited whom, not interactions. */
  invitations?: InvitationRecord[];
}

export type BatchSink = (records: InteractionRecord[]) => void;
export type ProgressSink = (bytesRead: number, totalBytes: number, records: number) => void;

export const BATCH_SIZE = 250;
/** Beyond this many, skipped rows are only counted (a 2 GB mailbox can skip hundreds of thousands). */
const SKIPPED_KEPT = 10_000;

/** Collects records and hands them on in batches; also keeps the skipped rows and warnings of one file. */
export class RecordBatcher {
  count = 0;
  readonly skipped: { line: number; reason: string }[] = [];
  readonly warnings: string[] = [];
  private pending: InteractionRecord[] = [];
  private skippedBeyond = 0;

  constructor(private readonly onBatch: BatchSink) {}

  push(record: InteractionRecord): void {
    this.pending.push(record);
    this.count++;
    if (this.pending.length >= BATCH_SIZE) this.flush();
  }

  skip(line: number, reason: string): void {
    if (this.skipped.length < SKIPPED_KEPT) this.skipped.push({ line, reason });
    else this.skippedBeyond++;
  }

  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.onBatch(batch);
  }

  /** Flushes the last batch and builds the file summary. */
  finish(format: InteractionFormat, ownerHints: OwnerHint[] = []): InteractionFileInfo {
    this.flush();
    const warnings = [...this.warnings];
    if (this.skippedBeyond > 0) warnings.push(`${this.skippedBeyond} more skipped rows are not listed`);
    return { format, records: this.count, skipped: this.skipped, warnings, ownerHints };
  }
}

/** Counts identities seen in a file to name the most frequent one as an owner hint. */
export class IdentityTally {
  private readonly counts = new Map<string, { value: string; n: number }>();

  /** Past `limit` distinct identities, only those already counted are: memory stays bounded. */
  constructor(private readonly limit = Infinity) {}

  add(value: string | undefined, key = value?.toLowerCase()): void {
    if (!value || !key) return;
    const hit = this.counts.get(key);
    if (hit) hit.n++;
    else if (this.counts.size < this.limit) this.counts.set(key, { value, n: 1 });
  }

  top(): { value: string; n: number } | null {
    let best: { value: string; n: number } | null = null;
    for (const c of this.counts.values()) if (!best || c.n > best.n) best = c;
    return best;
  }
}
