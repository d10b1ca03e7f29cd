// Brings a thread summary up to date after whole import batches were imported or undone, reading only the threads
// those batches hold: an import of a few thousand messages costs a query over its own batch, not the million
// participant rows a fresh summary sorts. Any other change to the records (recordsStamp.ts) gives null: read again.
import type { Db } from '../db/openDatabase';
import { changeSince, type BatchChange } from './recordsStamp';
import { pairsSql, readMeetingIds, THREAD_KEY, ThreadSummary, type DayNames, type MeetingIds, type PairRow, type SavedThread, type ThreadColumns } from './threadSummary';

/** A (thread, contact) pair while it is being merged: latest day, flag bits, first and last batch. */
interface Pair {
  day: string;
  flags: number;
  first: number;
  last: number;
}

const READ_THREADS = pairsSql(`AND ${THREAD_KEY} IN (SELECT value FROM json_each(:keys))`);
// The same, looking only at the batches those threads span (through the batch index, not every interaction).
const READ_THREADS_IN_BATCHES = `${READ_THREADS.replace('WHERE', 'WHERE i.batch_id IN (SELECT value FROM json_each(:batches)) AND')}`;
const READ_BATCHES = pairsSql(`AND i.batch_id IN (SELECT value FROM json_each(:batches))`);

function merge(pairs: Map<number, Pair>, contact: number, day: string, flags: number, first: number, last: number): void {
  const p = pairs.get(contact);
  if (!p) pairs.set(contact, { day, flags, first, last });
  else {
    if (day > p.day) p.day = day;
    p.flags |= flags;
    if (first < p.first) p.first = first;
    if (last > p.last) p.last = last;
  }
}

/**
 * The summary as the records stand now, or null when they changed otherwise than by whole batches imported or undone.
 * A thread an undone batch held records of is dropped when they were all its records, else read again whole; the pairs
 * of imported batches are merged into their threads (latest day, flags or-ed), as the GROUP BY would have counted them.
 */
export function refreshedSummary(summary: ThreadSummary, db: Db): ThreadSummary | null {
  return db.transaction(() => {
    const since = changeSince(db, summary.stamp);
    if (!since) return null;
    const { stamp, change } = since;
    const { asOf, days } = summary;
    const { keys, threadStart, firstBatch, lastBatch, contact, day, flags } = summary.columns;
    // Threads whose pairs are replaced (1) by `patch`: key → contact → pair.
    const replaced = new Uint8Array(keys.length);
    const patch = new Map<string, Map<number, Pair>>();
    const reread = new Set<string>();
    // The undo of one batch alone, the usual undo of the latest import, may find its threads in the undo log.
    const restorable = change.undone.length === 1 && change.imported.length === 0 ? summary.undoLogs.get(change.undone[0]) : undefined;
    const joinedBefore = new Map<string, SavedThread>();
    if (change.undone.length) {
      for (let t = 0; t < keys.length; t++) {
        if (!change.undone.some((b) => firstBatch[t] <= b && b <= lastBatch[t])) continue;
        replaced[t] = 1;
        const pairs = new Map<number, Pair>();
        patch.set(keys[t], pairs);
        // A thread held by the undone batch alone is gone; one it joined is put back as it was before, when the
        // undo log holds it; one that other batches share is otherwise read again.
        if (firstBatch[t] === lastBatch[t]) continue;
        const saved = restorable?.get(keys[t]);
        if (saved) for (const [c, d, f] of saved.pairs) pairs.set(c, { day: d, flags: f, first: saved.first, last: saved.last });
        else reread.add(keys[t]);
      }
    }
    const add = (rows: Iterable<PairRow>, skip?: Set<string>) => {
      for (const [t, c, d, f, b0, b1] of rows) {
        if (skip?.has(t)) continue;
        let pairs = patch.get(t);
        if (!pairs) patch.set(t, (pairs = new Map()));
        merge(pairs, c, d, f, b0, b1);
      }
    };
    if (reread.size) add(readThreads(db, summary, reread, change, [...stamp.batches.keys()]));
    if (change.imported.length) {
      // Read again, a thread already holds the imported records; otherwise they join the pairs it has.
      const rows = db.prepare(READ_BATCHES).raw(true).all({ asOf, batches: JSON.stringify(change.imported) }) as PairRow[];
      const joined = new Set(rows.map((r) => r[0]).filter((t) => !patch.has(t)));
      if (joined.size) {
        for (let t = 0; t < keys.length; t++) {
          if (!joined.has(keys[t])) continue;
          replaced[t] = 1;
          const pairs = new Map<number, Pair>();
          const saved: SavedThread = { first: firstBatch[t], last: lastBatch[t], pairs: [] };
          for (let k = threadStart[t]; k < threadStart[t + 1]; k++) {
            merge(pairs, contact[k], days.names[day[k]], flags[k], firstBatch[t], lastBatch[t]);
            saved.pairs.push([contact[k], days.names[day[k]], flags[k]]);
          }
          patch.set(keys[t], pairs);
          joinedBefore.set(keys[t], saved);
        }
      }
      add(rows, reread);
    }
    // A batch of connections, or of records past the audit date, leaves the threads as they were.
    const columns = patch.size === 0 ? summary.columns : rebuilt(summary.columns, replaced, patch, days);
    const logs = undoLogs(summary.undoLogs, patch, change, joinedBefore);
    return new ThreadSummary(asOf, stamp, columns, days, meetingsNow(db, summary.meetings, change.imported, change.undone), logs);
  })();
}

/** Undo logs of this many recent imports are kept. */
const LOGGED_IMPORTS = 3;

/**
 * The undo logs after this change: a thread it changed leaves every log (its saved state is no longer what undoing
 * that batch would leave), an undone batch's log goes, and the one imported batch's joined threads are logged.
 */
function undoLogs(before: Map<number, Map<string, SavedThread>>, patch: Map<string, unknown>, change: BatchChange, joined: Map<string, SavedThread>): Map<number, Map<string, SavedThread>> {
  const logs = new Map<number, Map<string, SavedThread>>();
  for (const [batch, threads] of before) {
    if (change.undone.includes(batch)) continue;
    logs.set(batch, new Map([...threads].filter(([key]) => !patch.has(key))));
  }
  // Several batches at once: which one a joined thread's saved state precedes is not known.
  if (change.imported.length === 1 && change.undone.length === 0) logs.set(change.imported[0], joined);
  while (logs.size > LOGGED_IMPORTS) logs.delete(logs.keys().next().value!);
  return logs;
}

/** The meeting ids without those of undone batches, with those of imported ones. */
function meetingsNow(db: Db, meetings: MeetingIds, imported: number[], undone: number[]): MeetingIds {
  const kept: number[] = [];
  for (let k = 0; k < meetings.id.length; k++) if (!undone.includes(meetings.batch[k])) kept.push(k);
  const added = imported.length
    ? readMeetingIds(db, `AND batch_id IN (SELECT value FROM json_each(:batches))`, { batches: JSON.stringify(imported) })
    : { id: new Int32Array(0), batch: new Int32Array(0) };
  if (kept.length === meetings.id.length && added.id.length === 0) return meetings;
  return {
    id: Int32Array.from([...kept.map((k) => meetings.id[k]), ...added.id]),
    batch: Int32Array.from([...kept.map((k) => meetings.batch[k]), ...added.batch]),
  };
}

/** Every pair of the given threads, as they stand now (with the records of batches imported since, too). */
function readThreads(db: Db, summary: ThreadSummary, keys: Set<string>, change: BatchChange, batches: number[]): Iterable<PairRow> {
  const { asOf, columns } = summary;
  // The batches of these threads' records lie in [first, last]: unless some of them are in no batch (0), read those batches only.
  let first = 0x7fffffff;
  let last = 0;
  for (let t = 0; t < columns.keys.length; t++) {
    if (!keys.has(columns.keys[t])) continue;
    first = Math.min(first, columns.firstBatch[t]);
    last = Math.max(last, columns.lastBatch[t]);
  }
  const params = { asOf, keys: JSON.stringify([...keys]) };
  if (first === 0) return db.prepare(READ_THREADS).raw(true).iterate(params) as Iterable<PairRow>;
  const spanned = batches.filter((b) => (first <= b && b <= last && !change.undone.includes(b)) || change.imported.includes(b));
  return db.prepare(READ_THREADS_IN_BATCHES).raw(true).iterate({ ...params, batches: JSON.stringify(spanned) }) as Iterable<PairRow>;
}

/**
 * The columns without the replaced threads, then the patched ones: the kept threads are copied run by run as typed
 * arrays (a million pairs in a few milliseconds), not pair by pair.
 */
function rebuilt(columns: ThreadColumns, replaced: Uint8Array, patch: Map<string, Map<number, Pair>>, days: DayNames): ThreadColumns {
  const { keys, threadStart, firstBatch, lastBatch, contact, day, flags } = columns;
  const fresh = [...patch].filter(([, pairs]) => pairs.size > 0);
  let threads = fresh.length;
  let pairs = fresh.reduce((n, [, p]) => n + p.size, 0);
  for (let t = 0; t < keys.length; t++) {
    if (replaced[t]) continue;
    threads++;
    pairs += threadStart[t + 1] - threadStart[t];
  }
  const out: ThreadColumns = {
    keys: new Array<string>(threads),
    threadStart: new Int32Array(threads + 1),
    firstBatch: new Int32Array(threads),
    lastBatch: new Int32Array(threads),
    contact: new Int32Array(pairs),
    day: new Int32Array(pairs),
    flags: new Uint8Array(pairs),
  };
  let nt = 0;
  let np = 0;
  for (let t = 0; t < keys.length; ) {
    if (replaced[t]) {
      t++;
      continue;
    }
    let u = t;
    while (u < keys.length && !replaced[u]) u++;
    const from = threadStart[t];
    const to = threadStart[u];
    out.contact.set(contact.subarray(from, to), np);
    out.day.set(day.subarray(from, to), np);
    out.flags.set(flags.subarray(from, to), np);
    for (let k = t; k < u; k++, nt++) {
      out.keys[nt] = keys[k];
      out.threadStart[nt] = threadStart[k] - from + np;
      out.firstBatch[nt] = firstBatch[k];
      out.lastBatch[nt] = lastBatch[k];
    }
    np += to - from;
    t = u;
  }
  for (const [key, threadPairs] of fresh) {
    out.keys[nt] = key;
    out.threadStart[nt] = np;
    let first = 0x7fffffff;
    let last = 0;
    for (const [c, p] of threadPairs) {
      out.contact[np] = c;
      out.day[np] = days.id(p.day);
      out.flags[np] = p.flags;
      first = Math.min(first, p.first);
      last = Math.max(last, p.last);
      np++;
    }
    out.firstBatch[nt] = first;
    out.lastBatch[nt] = last;
    nt++;
  }
  out.threadStart[nt] = np;
  return out;
}
