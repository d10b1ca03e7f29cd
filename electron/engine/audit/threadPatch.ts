// Brings a thread summary up to date after whole import batches were imported or undone, reading only the threads
// those batches hold: an import of a few thousand messages costs a query over its own batch, not the million
// participant rows a fresh summary sorts. Any other change to the records (recordsStamp.ts) gives null: read again.
import type { Db } from '../db/openDatabase';
import { batchChange, readStamp } from './recordsStamp';
import { ColumnsBuilder, pairsSql, THREAD_KEY, ThreadSummary, type PairRow } from './threadSummary';

/** A (thread, contact) pair while it is being merged: latest day, flag bits, first and last batch. */
interface Pair {
  day: string;
  flags: number;
  first: number;
  last: number;
}

const READ_THREADS = pairsSql(`AND ${THREAD_KEY} IN (SELECT value FROM json_each(:keys))`);
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
    const stamp = readStamp(db);
    const change = batchChange(summary.stamp, stamp);
    if (!change) return null;
    const { asOf, days } = summary;
    const { keys, threadStart, firstBatch, lastBatch, contact, day, flags } = summary.columns;
    // Threads whose pairs are replaced (1) by `patch`: key → contact → pair.
    const replaced = new Uint8Array(keys.length);
    const patch = new Map<string, Map<number, Pair>>();
    const reread = new Set<string>();
    if (change.undone.length) {
      for (let t = 0; t < keys.length; t++) {
        if (!change.undone.some((b) => firstBatch[t] <= b && b <= lastBatch[t])) continue;
        replaced[t] = 1;
        patch.set(keys[t], new Map());
        // A thread held by the undone batch alone is gone; one that other batches share is read again.
        if (firstBatch[t] !== lastBatch[t]) reread.add(keys[t]);
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
    if (reread.size) add(db.prepare(READ_THREADS).raw(true).iterate({ asOf, keys: JSON.stringify([...reread]) }) as Iterable<PairRow>);
    if (change.imported.length) {
      // Read again, a thread already holds the imported records; otherwise they join the pairs it has.
      const rows = db.prepare(READ_BATCHES).raw(true).all({ asOf, batches: JSON.stringify(change.imported) }) as PairRow[];
      const joined = new Set(rows.map((r) => r[0]).filter((t) => !patch.has(t)));
      if (joined.size) {
        for (let t = 0; t < keys.length; t++) {
          if (!joined.has(keys[t])) continue;
          replaced[t] = 1;
          const pairs = new Map<number, Pair>();
          for (let k = threadStart[t]; k < threadStart[t + 1]; k++) merge(pairs, contact[k], days.names[day[k]], flags[k], firstBatch[t], lastBatch[t]);
          patch.set(keys[t], pairs);
        }
      }
      add(rows, reread);
    }
    const out = new ColumnsBuilder(days);
    for (let t = 0; t < keys.length; t++) {
      if (replaced[t]) continue;
      out.thread(keys[t]);
      for (let k = threadStart[t]; k < threadStart[t + 1]; k++) out.pair(contact[k], day[k], flags[k], firstBatch[t], lastBatch[t]);
    }
    for (const [key, pairs] of patch) {
      if (pairs.size === 0) continue;
      out.thread(key);
      for (const [c, p] of pairs) out.pair(c, days.id(p.day), p.flags, p.first, p.last);
    }
    return new ThreadSummary(asOf, stamp, out.finish(), days);
  })();
}
