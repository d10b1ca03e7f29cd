// The thread summary's pairs read without the GROUP BY's sort: pairsSql() sorts every participant row (a million on
// the heavy bench) by its thread's key string in a temp B-tree, 1.4–2.2 s, and a row handed to JS one by one costs
// about 1 µs more. Here SQLite only scans, a range of ids at a time, and hands each column of the range over as one
// string (group_concat); the threads are numbered through a hash table of their keys' bytes, and the rows are grouped
// by thread (in the order the scan met the threads) by a counting sort, put in contact order within a thread and merged
// in JS. The result holds pairsSql()'s rows, threads in another order: nothing that reads a summary depends on the
// threads' order (a patched summary appends its threads too), and sorting the 200,000 keys of the heavy bench cost
// ~110 ms. Where the records hold what this encoding cannot carry (a separator in a day or thread key, a contact id that
// is not a small non-negative integer), the read declines and the caller falls back to pairsSql().
import type { Db } from '../db/openDatabase';
import type { DayNames, MeetingIds, ThreadColumns } from './threadSummary';
import type { UpperScan } from './threadScanBeside';

/** Interaction ids per range: bounds the strings (about 80 bytes per record, 12 per participant) to a few MB. */
export const IDS_PER_RANGE = 65_536;

const SEPARATOR = 0x1e;
const COMMA = 0x2c;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

// Per range of ids, lists in step (the aggregates see the rows in one order): of the emails and messages up to asOf
// and the meetings (every record of another kind, any day), id less the range's first, batch × 8 + 4 for a meeting +
// flag bits (automated 1, manual 2), day and thread key (these two joined by a control character: one in a day or key
// shows as a record too many); of their participants, interaction id less the range's first and contact × 2 + wrote.
// Each list in one string: a row handed over alone costs ~1 µs.
const RECORDS_SQL = `SELECT count(*), group_concat(id - CAST(:from AS INTEGER)),
       group_concat(coalesce(batch_id, 0) * 8 + (kind NOT IN ('email', 'message')) * 4 + ((automated != 0) | ((manual != 0) << 1))),
       CAST(group_concat(day, char(30)) AS BLOB), CAST(group_concat(coalesce(thread_key, '#' || id), char(30)) AS BLOB)
  FROM interactions WHERE id BETWEEN :from AND :to AND (kind NOT IN ('email', 'message') OR +day <= :asOf)`;
const PARTICIPANTS_SQL = `SELECT count(*), group_concat(interaction_id - CAST(:from AS INTEGER)), group_concat(contact_id * 2 + (is_sender != 0))
  FROM participants WHERE interaction_id BETWEEN :from AND :to`;

const FIRST_ID_SQL = `SELECT min(id) FROM interactions WHERE id >= ?`;

/** Reads "n,n,n…" of non-negative integers one at a time; NaN at anything else (a sign, a fraction). */
class NumberList {
  private at = 0;
  constructor(private readonly s: string) {}

  next(): number {
    const { s } = this;
    let value = 0;
    let k = this.at;
    let ch = s.charCodeAt(k);
    if (!(ch >= DIGIT_0 && ch <= DIGIT_9)) return NaN;
    for (; ch >= DIGIT_0 && ch <= DIGIT_9; ch = s.charCodeAt(++k)) value = value * 10 + ch - DIGIT_0;
    if (ch === COMMA) k++;
    else if (k < s.length) return NaN;
    this.at = k;
    return value;
  }
}

/** Growable typed columns of the raw rows: one per participant of a counted record. */
class RawRows {
  length = 0;
  thread = new Int32Array(1 << 16);
  contact = new Int32Array(1 << 16);
  day = new Int32Array(1 << 16);
  batch = new Int32Array(1 << 16);
  flags = new Uint8Array(1 << 16);

  push(thread: number, contact: number, day: number, batch: number, flags: number): void {
    if (this.length === this.thread.length) this.grow();
    const k = this.length++;
    this.thread[k] = thread;
    this.contact[k] = contact;
    this.day[k] = day;
    this.batch[k] = batch;
    this.flags[k] = flags;
  }

  /** Appends another part's rows, their thread and day numbers mapped through `threadId` and `dayId`. */
  appendMapped(other: ScanPartWire, threadId: Int32Array, dayId: Int32Array): void {
    const n = other.thread.length;
    while (this.length + n > this.thread.length) this.grow();
    const at = this.length;
    const { thread, day } = this;
    for (let k = 0; k < n; k++) {
      thread[at + k] = threadId[other.thread[k]];
      day[at + k] = dayId[other.day[k]];
    }
    this.contact.set(other.contact, at);
    this.batch.set(other.batch, at);
    this.flags.set(other.flags, at);
    this.length += n;
  }

  private grow(): void {
    const n = this.thread.length * 2;
    this.thread = grown(this.thread, new Int32Array(n));
    this.contact = grown(this.contact, new Int32Array(n));
    this.day = grown(this.day, new Int32Array(n));
    this.batch = grown(this.batch, new Int32Array(n));
    this.flags = grown(this.flags, new Uint8Array(n));
  }
}

interface NumberingWire {
  bytes: Uint8Array;
  starts: Int32Array;
}

/**
 * Strings numbered as met, looked up straight from their UTF-8 bytes in a list SQLite handed over: an open-addressing
 * table of hashes, so that the half million keys of the heavy bench are not each decoded and hashed again by a Map. A
 * new string's bytes are copied (a slice of the list would keep the list alive), and the strings are decoded only when
 * asked for, all at once (names()): a worker's part is never decoded there, and one call into Buffer's decoder per name
 * (200,000 on the heavy bench) cost more than slices of one decoded string.
 */
class Numbering {
  /** How many strings are numbered. */
  count = 0;
  private decoded: string[] | null = null;
  private hashes = new Int32Array(1 << 10);
  private slots = new Int32Array(1 << 11).fill(-1);
  /** Every name's bytes, one after the other. */
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  private starts = new Int32Array(1 << 10);

  /** The number of the string in bytes from … to - 1 of the list. */
  id(list: Buffer, from: number, to: number): number {
    let h = 0x811c9dc5 | 0;
    for (let k = from; k < to; k++) h = Math.imul(h ^ list[k], 0x01000193);
    const { hashes, slots, bytes, starts } = this;
    const mask = slots.length - 1;
    const length = to - from;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const id = slots[at];
      if (id < 0) break;
      if (hashes[id] !== h || starts[id + 1] - starts[id] !== length) continue;
      let k = 0;
      for (const s = starts[id]; k < length && bytes[s + k] === list[from + k]; ) k++;
      if (k === length) return id;
    }
    return this.add(list, from, to, h);
  }

  private add(list: Buffer, from: number, to: number, hash: number): number {
    const id = this.count++;
    this.decoded = null;
    if (id + 1 === this.hashes.length) {
      this.hashes = grown(this.hashes, new Int32Array(this.hashes.length * 2));
      this.starts = grown(this.starts, new Int32Array(this.starts.length * 2));
      // At most half full: rehash into twice the slots.
      this.slots = new Int32Array(this.hashes.length * 2).fill(-1);
      for (let k = 0; k < id; k++) this.place(k, this.hashes[k]);
    }
    while (this.used + to - from > this.bytes.length) this.bytes = grown(this.bytes, new Uint8Array(this.bytes.length * 2));
    for (let k = from; k < to; k++) this.bytes[this.used++] = list[k];
    this.starts[id + 1] = this.used;
    this.hashes[id] = hash;
    this.place(id, hash);
    return id;
  }

  private place(id: number, hash: number): void {
    const mask = this.slots.length - 1;
    let at = hash & mask;
    while (this.slots[at] >= 0) at = (at + 1) & mask;
    this.slots[at] = id;
  }

  /** Each of another numbering's numbers (its wire()) as numbered here: names new here are added. */
  renumbered(other: NumberingWire): Int32Array {
    const list = Buffer.from(other.bytes.buffer, other.bytes.byteOffset, other.bytes.length);
    const ids = new Int32Array(other.starts.length - 1);
    for (let k = 0; k < ids.length; k++) ids[k] = this.id(list, other.starts[k], other.starts[k + 1]);
    return ids;
  }

  /** What crosses to another thread: the names' bytes and where each starts. */
  wire(): NumberingWire {
    return { bytes: this.bytes.slice(0, this.used), starts: this.starts.slice(0, this.count + 1) };
  }

  /**
   * The strings by number. All the bytes are decoded as Latin-1 at once, and a name of ASCII bytes only is a slice of
   * that (its characters are its bytes; the slices share one string no larger than the names); any other is decoded
   * from UTF-8 alone.
   */
  names(): string[] {
    if (this.decoded) return this.decoded;
    const { bytes, starts, count } = this;
    const all = Buffer.from(bytes.buffer, bytes.byteOffset, this.used);
    const text = all.toString('latin1');
    const names = new Array<string>(count);
    for (let id = 0; id < count; id++) {
      const from = starts[id];
      const to = starts[id + 1];
      let high = 0;
      for (let k = from; k < to; k++) high |= bytes[k];
      names[id] = high < 0x80 ? text.slice(from, to) : all.toString('utf8', from, to);
    }
    return (this.decoded = names);
  }

  /** Each number's place in SQLite's BINARY order (memcmp of the UTF-8 bytes; JS's UTF-16 order differs past U+E000). */
  ranks(): Int32Array {
    const order = Array.from({ length: this.count }, (_, id) => id).sort((a, b) => this.compare(a, b));
    const rank = new Int32Array(order.length);
    for (let r = 0; r < order.length; r++) rank[order[r]] = r;
    return rank;
  }

  private compare(a: number, b: number): number {
    const { bytes, starts } = this;
    const endA = starts[a + 1];
    const endB = starts[b + 1];
    for (let i = starts[a], j = starts[b]; i < endA && j < endB; i++, j++) if (bytes[i] !== bytes[j]) return bytes[i] - bytes[j];
    return endA - starts[a] - (endB - starts[b]);
  }
}

function grown<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** What a scan of some ids holds: the counted records' participant rows, their keys and days numbered, the meetings. */
export class ScanPart {
  readonly threads = new Numbering();
  readonly days = new Numbering();
  readonly rows = new RawRows();
  readonly meetingIds: number[] = [];
  readonly meetingBatches: number[] = [];

  /** This part as it crosses from a worker: typed arrays only, each transferable. */
  wire(): ScanPartWire {
    const { rows } = this;
    return {
      threads: this.threads.wire(),
      days: this.days.wire(),
      thread: rows.thread.slice(0, rows.length),
      contact: rows.contact.slice(0, rows.length),
      day: rows.day.slice(0, rows.length),
      batch: rows.batch.slice(0, rows.length),
      flags: rows.flags.slice(0, rows.length),
      meetingIds: Int32Array.from(this.meetingIds),
      meetingBatches: Int32Array.from(this.meetingBatches),
    };
  }
}

export interface ScanPartWire {
  threads: NumberingWire;
  days: NumberingWire;
  thread: Int32Array;
  contact: Int32Array;
  day: Int32Array;
  batch: Int32Array;
  flags: Uint8Array;
  meetingIds: Int32Array;
  meetingBatches: Int32Array;
}

/** The wire's buffers, to transfer rather than copy. */
export const transferables = (w: ScanPartWire): ArrayBuffer[] =>
  [w.threads.bytes, w.threads.starts, w.days.bytes, w.days.starts, w.thread, w.contact, w.day, w.batch, w.flags, w.meetingIds, w.meetingBatches].map((a) => a.buffer as ArrayBuffer);

/**
 * Scans the records with ids from `lo` to `hi` into `part`, a range of IDS_PER_RANGE at a time; false when the records
 * hold something this read does not carry.
 */
export function scanIds(db: Db, asOf: string, lo: number, hi: number, part: ScanPart): boolean {
  const records = db.prepare(RECORDS_SQL).raw(true);
  const participants = db.prepare(PARTICIPANTS_SQL).raw(true);
  const firstId = db.prepare(FIRST_ID_SQL).pluck();
  const { threads, days, rows, meetingIds, meetingBatches } = part;
  // Per id of the range: thread number (-1: not counted), day number, batch, flag bits.
  const threadOf = new Int32Array(IDS_PER_RANGE);
  const dayOf = new Int32Array(IDS_PER_RANGE);
  const batchOf = new Int32Array(IDS_PER_RANGE);
  const flagsOf = new Uint8Array(IDS_PER_RANGE);
  for (let from = firstId.get(lo) as number | null; from !== null && from <= hi; from = firstId.get(from + IDS_PER_RANGE) as number | null) {
    const params = { from, to: Math.min(from + IDS_PER_RANGE - 1, hi) };
    const [count, ids, batchFlags, dayList, keyList] = records.get({ ...params, asOf }) as [number, string, string, Buffer, Buffer];
    if (count === 0) continue;
    threadOf.fill(-1);
    const id = new NumberList(ids);
    const bf = new NumberList(batchFlags);
    let dayAt = 0;
    let keyAt = 0;
    for (let n = 0; n < count; n++) {
      const at = id.next();
      const value = bf.next();
      // A separator inside a day or key leaves a piece over, or (the last) a list too short.
      if (!(at >= 0) || !(value >= 0) || dayAt > dayList.length || keyAt > keyList.length) return false;
      const dayEnd = dayList.indexOf(SEPARATOR, dayAt);
      const keyEnd = keyList.indexOf(SEPARATOR, keyAt);
      const batch = Math.floor(value / 8);
      if (value & 4) {
        meetingIds.push(from + at);
        meetingBatches.push(batch);
      } else {
        dayOf[at] = days.id(dayList, dayAt, dayEnd < 0 ? dayList.length : dayEnd);
        threadOf[at] = threads.id(keyList, keyAt, keyEnd < 0 ? keyList.length : keyEnd);
        batchOf[at] = batch;
        flagsOf[at] = value & 3;
      }
      dayAt = dayEnd < 0 ? dayList.length + 1 : dayEnd + 1;
      keyAt = keyEnd < 0 ? keyList.length + 1 : keyEnd + 1;
    }
    if (dayAt !== dayList.length + 1 || keyAt !== keyList.length + 1) return false;
    const [listed, interactionList, contactList] = participants.get(params) as [number, string, string];
    if (listed === 0) continue;
    const interaction = new NumberList(interactionList);
    const contact = new NumberList(contactList);
    for (let n = 0; n < listed; n++) {
      const at = interaction.next();
      const value = contact.next();
      if (!(at >= 0) || !(value >= 0 && value <= 0x7fffffff)) return false;
      const thread = threadOf[at];
      if (thread >= 0) rows.push(thread, value >>> 1, dayOf[at], batchOf[at], flagsOf[at] | ((value & 1) << 2));
    }
  }
  return true;
}

/**
 * pairsSql()'s rows for asOf as columns, days numbered into `dayNames` as the rows meet them, and readMeetingIds()'s
 * ids from the same scan; null when the records hold something this read does not carry (then nothing was added to
 * dayNames). `upper`, when given, scans the ids from its `from` up (threadScanWorker.ts, on the other core) and gives
 * that part, or null to have them scanned here.
 */
export function readThreadColumns(
  db: Db,
  asOf: string,
  dayNames: DayNames,
  upper?: UpperScan,
): { columns: ThreadColumns; meetings: MeetingIds } | null {
  const part = new ScanPart();
  if (!scanIds(db, asOf, Number.MIN_SAFE_INTEGER, upper ? upper.from - 1 : Number.MAX_SAFE_INTEGER, part)) {
    upper?.drop();
    return null;
  }
  if (upper) {
    const theirs = upper.part();
    if (theirs === 'declined') return null;
    if (theirs) absorb(part, theirs);
    else if (!scanIds(db, asOf, upper.from, Number.MAX_SAFE_INTEGER, part)) return null;
  }
  return {
    columns: merged(part.rows, part.threads, part.days, dayNames),
    meetings: { id: Int32Array.from(part.meetingIds), batch: Int32Array.from(part.meetingBatches) },
  };
}

/** Adds a part of higher ids into `into`: its keys and days numbered again in `into`'s numberings, its rows after. */
function absorb(into: ScanPart, part: ScanPartWire): void {
  into.rows.appendMapped(part, into.threads.renumbered(part.threads), into.days.renumbered(part.days));
  for (let k = 0; k < part.meetingIds.length; k++) {
    into.meetingIds.push(part.meetingIds[k]);
    into.meetingBatches.push(part.meetingBatches[k]);
  }
}

/** The raw rows grouped by thread (in thread number order) and by contact, merged per pair as the GROUP BY merges them. */
function merged(rows: RawRows, threads: Numbering, days: Numbering, dayNames: DayNames): ThreadColumns {
  const { thread, contact, day, batch, flags, length } = rows;
  const dayRank = days.ranks();
  const nThreads = threads.count;
  const threadNames = threads.names();
  const dayStrings = days.names();
  // Rows by thread (a counting sort), then each thread's few rows by contact.
  const start = new Int32Array(nThreads + 1);
  for (let k = 0; k < length; k++) start[thread[k] + 1]++;
  for (let n = 0; n < nThreads; n++) start[n + 1] += start[n];
  const order = new Int32Array(length);
  const next = start.slice(0, nThreads);
  for (let k = 0; k < length; k++) order[next[thread[k]]++] = k;
  const dayByRank = new Int32Array(dayRank.length);
  dayRank.forEach((r, d) => (dayByRank[r] = d));
  // Day numbers of the summary (DayNames), given as the pairs meet them.
  const dayId = new Int32Array(dayRank.length).fill(-1);
  // Sized for every thread and row, cut to what the merge leaves.
  const keys: string[] = [];
  const threadStart = new Int32Array(nThreads + 1);
  const firstBatch = new Int32Array(nThreads);
  const lastBatch = new Int32Array(nThreads);
  const pairContact = new Int32Array(length);
  const pairDay = new Int32Array(length);
  const pairFlags = new Uint8Array(length);
  let p = 0;
  for (let n = 0; n < nThreads; n++) {
    const from = start[n];
    const to = start[n + 1];
    // A thread whose records list nobody has no row, as in the join.
    if (from === to) continue;
    sortByContact(order, from, to, contact);
    const t = keys.push(threadNames[n]) - 1;
    threadStart[t] = p;
    let threadFirst = 0x7fffffff;
    let threadLast = 0;
    for (let k = from; k < to; ) {
      const c = contact[order[k]];
      let latest = -1;
      let anyFlags = 0;
      for (; k < to && contact[order[k]] === c; k++) {
        const row = order[k];
        const d = dayRank[day[row]];
        if (d > latest) latest = d;
        anyFlags |= flags[row];
        if (batch[row] < threadFirst) threadFirst = batch[row];
        if (batch[row] > threadLast) threadLast = batch[row];
      }
      const d = dayByRank[latest];
      if (dayId[d] < 0) dayId[d] = dayNames.id(dayStrings[d]);
      pairContact[p] = c;
      pairDay[p] = dayId[d];
      pairFlags[p] = anyFlags;
      p++;
    }
    firstBatch[t] = threadFirst;
    lastBatch[t] = threadLast;
  }
  const n = keys.length;
  threadStart[n] = p;
  return {
    keys,
    threadStart: threadStart.slice(0, n + 1),
    firstBatch: firstBatch.slice(0, n),
    lastBatch: lastBatch.slice(0, n),
    contact: pairContact.slice(0, p),
    day: pairDay.slice(0, p),
    flags: pairFlags.slice(0, p),
  };
}

/** Sorts order[from … to - 1] by contact: insertion for a thread's few rows, the engine's sort for a long thread. */
function sortByContact(order: Int32Array, from: number, to: number, contact: Int32Array): void {
  if (to - from > 32) {
    order.set(Array.from(order.subarray(from, to)).sort((a, b) => contact[a] - contact[b]), from);
    return;
  }
  for (let k = from + 1; k < to; k++) {
    const row = order[k];
    let j = k - 1;
    for (; j >= from && contact[order[j]] > contact[row]; j--) order[j + 1] = order[j];
    order[j + 1] = row;
  }
}
