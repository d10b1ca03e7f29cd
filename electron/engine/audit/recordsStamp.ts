// A cheap picture of the records (interactions and their participants) as a thread summary was read: the import
// batches (id, when, undone) and how many interactions each batch holds. The engine writes records only by whole
// batches: an import appends a new batch's interactions (with their participants) and never edits older ones, an undo
// deletes one batch's interactions and marks it undone. Comparing two stamps tells whether the records changed only so,
// and which batches came and went; any other difference (a restore, another program's edit) means "read them again".
import type { Db } from '../db/openDatabase';

export interface RecordsStamp {
  /** Batch id → created_at and undone_at, as import_batches holds them. */
  readonly batches: Map<number, Batch>;
  /** Batch id (0 for interactions in no batch) → how many interactions hold it. */
  readonly counts: Map<number, number>;
  /** Every interaction (the sum of `counts`). */
  readonly total: number;
}

interface Batch {
  createdAt: string;
  undoneAt: string | null;
}

/** What changed between two stamps, when only whole batches were imported or undone. */
export interface BatchChange {
  imported: number[];
  undone: number[];
}

function readBatches(db: Db): Map<number, Batch> {
  const batches = new Map<number, Batch>();
  for (const [id, createdAt, undoneAt] of db.prepare(`SELECT id, created_at, undone_at FROM import_batches`).raw(true).iterate() as Iterable<[number, string, string | null]>) {
    batches.set(id, { createdAt, undoneAt });
  }
  return batches;
}

/** ~40 ms for half a million interactions: one pass over the batch index, no table row read. */
export function readStamp(db: Db): RecordsStamp {
  const counts = new Map<number, number>();
  let total = 0;
  for (const [id, n] of db.prepare(`SELECT coalesce(batch_id, 0), count(*) FROM interactions GROUP BY batch_id`).raw(true).iterate() as Iterable<[number, number]>) {
    counts.set(id, (counts.get(id) ?? 0) + n);
    total += n;
  }
  return { batches: readBatches(db), counts, total };
}

/**
 * The batches imported and undone since `before`, and the stamp now, or null when the records may have changed in
 * any other way (or in none the stamps show: a change the caller was told of but cannot see is not trusted either).
 * Every earlier batch is as it was or newly undone (and then holds no interaction), a new batch has a higher id than
 * every earlier one, and the interactions add up: as many as before, less the undone batches' and plus the new
 * ones'. Counts only the batches that came or went (index ranges) and the table (its b-tree's count), ~1 ms.
 */
export function changeSince(db: Db, before: RecordsStamp): { stamp: RecordsStamp; change: BatchChange } | null {
  const batches = readBatches(db);
  const imported: number[] = [];
  const undone: number[] = [];
  let lastBefore = 0;
  for (const [id, b] of before.batches) {
    lastBefore = Math.max(lastBefore, id);
    const a = batches.get(id);
    if (!a || a.createdAt !== b.createdAt) return null;
    if (a.undoneAt === b.undoneAt) continue;
    if (b.undoneAt !== null) return null;
    undone.push(id);
  }
  for (const id of batches.keys()) {
    if (before.batches.has(id)) continue;
    if (id <= lastBefore) return null;
    imported.push(id);
  }
  if (imported.length === 0 && undone.length === 0) return null;
  const countOf = db.prepare(`SELECT count(*) FROM interactions WHERE batch_id = ?`).pluck();
  const counts = new Map(before.counts);
  for (const id of undone) {
    if (countOf.get(id) !== 0) return null;
    counts.delete(id);
  }
  for (const id of imported) counts.set(id, countOf.get(id) as number);
  let total = 0;
  for (const n of counts.values()) total += n;
  if (db.prepare(`SELECT count(*) FROM interactions`).pluck().get() !== total) return null;
  return { stamp: { batches, counts, total }, change: { imported, undone } };
}

/** Whether two stamps picture the same records (two connections' snapshots, threadScanBeside.ts). */
export function sameStamp(a: RecordsStamp, b: RecordsStamp): boolean {
  if (a.total !== b.total || a.batches.size !== b.batches.size || a.counts.size !== b.counts.size) return false;
  for (const [id, n] of a.counts) if (b.counts.get(id) !== n) return false;
  for (const [id, x] of a.batches) {
    const y = b.batches.get(id);
    if (!y || y.createdAt !== x.createdAt || y.undoneAt !== x.undoneAt) return false;
  }
  return true;
}
