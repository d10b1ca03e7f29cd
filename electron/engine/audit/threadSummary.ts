// What every email and message thread holds, per contact in it, read once and then kept: the audit cache keeps it
// across changes that only move contacts between persons (links, decisions, merge/split, your identities), rules and
// tags, and brings it up to date after whole import batches came or went (threadPatch.ts), so that the audit after such
// a change counts thread evidence from ~1 row per (thread, contact) in JS instead of sorting every participant row in
// SQLite. Read for one audit date (records after it are left out, as the aggregate leaves them).
import type { Db } from '../db/openDatabase';
import type { Evidence } from '../../../shared/domain/audit';
import { readStamp, type RecordsStamp } from './recordsStamp';
import { readThreadColumns } from './threadColumnsRead';
import { startUpperScan } from './threadScanBeside';

/** The thread key as the SQL aggregate groups by it: a message without a thread key is a thread of its own. */
export const THREAD_KEY = `coalesce(i.thread_key, '#' || i.id)`;

// One row per (thread, contact): the thread's key, and over the thread's records that list the contact: the latest
// day, any automated, any manual, whether the contact wrote, and the first and last import batch of those records.
// `where` narrows it to some threads or batches (threadPatch.ts). Ordered as grouped: the GROUP BY's sort serves the
// ORDER BY too (ordered by the thread alone, SQLite sorted the 400,000 groups a second time).
export const pairsSql = (where = '') => `SELECT ${THREAD_KEY} AS t, p.contact_id, max(i.day),
       max(i.automated != 0) | (max(i.manual != 0) << 1) | (max(p.is_sender != 0) << 2),
       min(coalesce(i.batch_id, 0)), max(coalesce(i.batch_id, 0))
  FROM interactions i CROSS JOIN participants p ON p.interaction_id = i.id
 WHERE i.kind IN ('email', 'message') AND +i.day <= :asOf ${where}
 GROUP BY t, p.contact_id ORDER BY t, p.contact_id`;

// The flag bits the query packs (parenthesised: SQLite gives | and << the same precedence).
const AUTOMATED = 1;
const MANUAL = 2;
export const WROTE = 4;

export type PairRow = [thread: string, contact: number, day: string, flags: number, firstBatch: number, lastBatch: number];

/** The summary's columns; days are ids into a dictionary of day strings, numbered as met. */
export interface ThreadColumns {
  /**
   * The threads in the order they were read: as the scan met them, in key order from the GROUP BY, patched ones last.
   * Nothing that reads a summary depends on it.
   */
  keys: string[];
  /** Pairs of thread k are threadStart[k] … threadStart[k + 1] - 1. */
  threadStart: Int32Array;
  /** The first and last import batch (0: none) of each thread's records: which threads an undo touches. */
  firstBatch: Int32Array;
  lastBatch: Int32Array;
  contact: Int32Array;
  day: Int32Array;
  flags: Uint8Array;
}

/** Collects threads and their pairs in order, into growable arrays, then typed ones. */
export class ColumnsBuilder {
  private readonly keys: string[] = [];
  private readonly starts: number[] = [];
  private readonly first: number[] = [];
  private readonly last: number[] = [];
  private readonly contacts: number[] = [];
  private readonly days: number[] = [];
  private readonly flags: number[] = [];

  constructor(readonly dayNames: DayNames) {}

  thread(key: string): void {
    this.keys.push(key);
    this.starts.push(this.contacts.length);
    this.first.push(0x7fffffff);
    this.last.push(0);
  }

  pair(contact: number, day: number, flags: number, firstBatch: number, lastBatch: number): void {
    const t = this.keys.length - 1;
    this.contacts.push(contact);
    this.days.push(day);
    this.flags.push(flags);
    if (firstBatch < this.first[t]) this.first[t] = firstBatch;
    if (lastBatch > this.last[t]) this.last[t] = lastBatch;
  }

  /** Adds the rows of pairsSql (sorted by thread). */
  rows(rows: Iterable<PairRow>): void {
    let thread: string | null = null;
    for (const [t, c, d, f, b0, b1] of rows) {
      if (t !== thread) this.thread((thread = t));
      this.pair(c, this.dayNames.id(d), f, b0, b1);
    }
  }

  finish(): ThreadColumns {
    return {
      keys: this.keys,
      threadStart: Int32Array.from([...this.starts, this.contacts.length]),
      firstBatch: Int32Array.from(this.first),
      lastBatch: Int32Array.from(this.last),
      contact: Int32Array.from(this.contacts),
      day: Int32Array.from(this.days),
      flags: Uint8Array.from(this.flags),
    };
  }
}

/** Day strings numbered as met (a few thousand), so that a pair holds a number and new days can join later. */
export class DayNames {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();

  id(day: string): number {
    let id = this.ids.get(day);
    if (id === undefined) this.ids.set(day, (id = this.names.push(day) - 1));
    return id;
  }

  /** Each id's place in calendar order. */
  ranks(): { rank: Int32Array; sorted: string[] } {
    const sorted = [...this.names].sort();
    const rank = new Int32Array(this.names.length);
    sorted.forEach((d, r) => (rank[this.ids.get(d)!] = r));
    return { rank, sorted };
  }
}

/** A thread's pairs as they were: contact → latest day (as a string), flag bits; the thread's first and last batch. */
export interface SavedThread {
  first: number;
  last: number;
  pairs: [contact: number, day: string, flags: number][];
}

/** Ids of the records that are not threads (meetings, calls, events, any day) and their batches, in id order. */
export interface MeetingIds {
  id: Int32Array;
  batch: Int32Array;
}

/** The columns from pairsSql()'s rows, grouped and sorted by SQLite. */
function readBySort(db: Db, asOf: string, days: DayNames): ThreadColumns {
  const builder = new ColumnsBuilder(days);
  builder.rows(db.prepare(pairsSql()).raw(true).iterate({ asOf }) as Iterable<PairRow>);
  return builder.finish();
}

const MEETING_IDS_SQL = `SELECT id, coalesce(batch_id, 0) FROM interactions WHERE kind NOT IN ('email', 'message')`;

export function readMeetingIds(db: Db, where = '', params: Record<string, unknown> = {}): MeetingIds {
  const rows = db.prepare(`${MEETING_IDS_SQL} ${where}`).raw(true).all(params) as [number, number][];
  return { id: Int32Array.from(rows, (r) => r[0]), batch: Int32Array.from(rows, (r) => r[1]) };
}

export class ThreadSummary {
  constructor(
    readonly asOf: string,
    /** The records as they were when this summary was last brought up to date. */
    readonly stamp: RecordsStamp,
    readonly columns: ThreadColumns,
    readonly days: DayNames,
    /** Kept beside the threads so that the meetings' aggregate reads only them (evidenceQuery.ts). */
    readonly meetings: MeetingIds,
    /**
     * Per recent import batch, the threads it joined as they were before it, while nothing else changed them since:
     * undoing that batch puts them back instead of reading them again (threadPatch.ts).
     */
    readonly undoLogs: Map<number, Map<string, SavedThread>> = new Map(),
  ) {}

  /**
   * Reads every email and message record up to asOf once: scanned and grouped in JS (threadColumnsRead.ts), or where
   * that read declines the records, by pairsSql()'s GROUP BY (which sorts every participant row).
   */
  static read(db: Db, asOf: string, by: 'scan' | 'sort' = 'scan'): ThreadSummary {
    // One read transaction: the stamp describes exactly the records summed up.
    return db.transaction(() => ThreadSummary.begin(db, asOf, by)())();
  }

  /**
   * read() in two steps, inside one read transaction the caller holds: this starts the upper ids' scan on the other
   * core (threadScanBeside.ts), so that the caller's own reads run beside it, and the function it returns reads the
   * rest here and gives the summary.
   */
  static begin(db: Db, asOf: string, by: 'scan' | 'sort' = 'scan'): () => ThreadSummary {
    const stamp = readStamp(db);
    const upper = by === 'scan' ? startUpperScan(db, asOf, stamp) : null;
    return () => {
      const days = new DayNames();
      const scanned = by === 'scan' ? readThreadColumns(db, asOf, days, upper ?? undefined) : null;
      return new ThreadSummary(asOf, stamp, scanned?.columns ?? readBySort(db, asOf, days), days, scanned?.meetings ?? readMeetingIds(db));
    };
  }

  /**
   * Thread evidence of every person as of this summary's date, as the SQL aggregate counts it: a thread
   * counts the records that list a person or you, once per linked person in it.
   */
  evidence(db: Db): Map<string, Evidence> {
    // Contacts as they are linked now: person index (-1 none) and whether the contact is you.
    const maxId = (db.prepare('SELECT coalesce(max(id), 0) FROM contacts').pluck().get() as number) + 1;
    const personOf = new Int32Array(maxId).fill(-1);
    const own = new Uint8Array(maxId);
    const personIds: string[] = [];
    const personIndex = new Map<string, number>();
    for (const [id, pid, isOwn] of db.prepare(`SELECT id, person_id, status = 'own' FROM contacts`).raw(true).iterate() as Iterable<[number, string | null, number]>) {
      own[id] = isOwn;
      if (pid === null) continue;
      let k = personIndex.get(pid);
      if (k === undefined) personIndex.set(pid, (k = personIds.push(pid) - 1));
      personOf[id] = k;
    }
    const n = personIds.length;
    const conversations = new Int32Array(n);
    const threads = new Int32Array(n);
    const lastContact = new Int32Array(n).fill(-1);
    const lastInteraction = new Int32Array(n).fill(-1);
    const { threadStart, contact, day, flags } = this.columns;
    // The linked persons of the current thread (the first `listed`) and whether each wrote in it: typed scratch, as
    // long as the longest thread, since arrays emptied and refilled 200,000 times cost more than the counting.
    let longest = 0;
    for (let t = 0; t + 1 < threadStart.length; t++) longest = Math.max(longest, threadStart[t + 1] - threadStart[t]);
    const inThread = new Int32Array(longest);
    const wrote = new Uint8Array(longest);
    const { rank, sorted } = this.days.ranks();
    for (let t = 0; t + 1 < threadStart.length; t++) {
      let latest = -1;
      let anyFlags = 0;
      let youWrote = false;
      let listed = 0;
      for (let k = threadStart[t]; k < threadStart[t + 1]; k++) {
        const c = contact[k];
        // Contacts deleted since the summary was read cannot be listed: a deletion changes the records.
        const person = c < maxId ? personOf[c] : -1;
        const isOwn = c < maxId && own[c] === 1;
        if (person < 0 && !isOwn) continue;
        const d = rank[day[k]];
        if (d > latest) latest = d;
        const f = flags[k];
        anyFlags |= f;
        const w = (f & WROTE) !== 0 ? 1 : 0;
        if (isOwn && w) youWrote = true;
        if (person < 0) continue;
        let at = 0;
        while (at < listed && inThread[at] !== person) at++;
        if (at === listed) {
          inThread[listed] = person;
          wrote[listed++] = w;
        } else wrote[at] |= w;
      }
      for (let j = 0; j < listed; j++) {
        const p = inThread[j];
        const conv = (anyFlags & AUTOMATED) === 0 && ((anyFlags & MANUAL) !== 0 || (youWrote && wrote[j] === 1));
        threads[p]++;
        if (latest > lastInteraction[p]) lastInteraction[p] = latest;
        if (conv) {
          conversations[p]++;
          if (latest > lastContact[p]) lastContact[p] = latest;
        }
      }
    }
    const evidence = new Map<string, Evidence>();
    for (let p = 0; p < n; p++) {
      if (threads[p] === 0) continue;
      evidence.set(personIds[p], {
        inPerson: 0,
        calls: 0,
        twoWayThreads: conversations[p],
        conversations: conversations[p],
        oneWay: threads[p] - conversations[p],
        interactions: threads[p],
        lastContact: lastContact[p] < 0 ? null : sorted[lastContact[p]],
        lastInteraction: sorted[lastInteraction[p]],
      });
    }
    return evidence;
  }
}
