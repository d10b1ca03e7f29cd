// A cheap picture of the records (interactions and their participants) as a thread summary was read: the import
// batches (id, when, undone) and how many interactions each batch holds. The engine writes records only by whole
// batches: an import appends a new batch's interactions (with their participants) and never edits older ones, an undo
// deletes one batch's interactions and marks it undone. Comparing two stamps tells whether the records changed only so,
// and which batches came and went; any other difference (a restore, another program's edit) means "read them again".
import type { Db } from '../db/openDatabase';

export interface RecordsStamp {
  /** Batch id → created_at and undone_at, as import_batches holds them. */
  readonly batches: Map<number, { createdAt: string; undoneAt: string | null }>;
  /** Batch id (0 for interactions in no batch) → how many interactions hold it. */
  readonly counts: Map<number, number>;
}

/** What changed between two stamps, when only whole batches were imported or undone. */
export interface BatchChange {
  imported: number[];
  undone: number[];
}

/** ~40 ms for half a million interactions: one pass over the batch index, no table row read. */
export function readStamp(db: Db): RecordsStamp {
  const batches = new Map<number, { createdAt: string; undoneAt: string | null }>();
  for (const [id, createdAt, undoneAt] of db.prepare(`SELECT id, created_at, undone_at FROM import_batches`).raw(true).iterate() as Iterable<[number, string, string | null]>) {
    batches.set(id, { createdAt, undoneAt });
  }
  const counts = new Map<number, number>();
  for (const [id, n] of db.prepare(`SELECT coalesce(batch_id, 0), count(*) FROM interactions GROUP BY batch_id`).raw(true).iterate() as Iterable<[number, number]>) {
    counts.set(id, (counts.get(id) ?? 0) + n);
  }
  return { batches, counts };
}

/**
 * The batches imported and undone from `before` to `after`, or null when the records may have changed in any other
 * way (or in none the stamps show: a change the caller was told of but cannot see is not trusted either).
 * A batch kept its interactions unless it was undone since, and then holds none; a new batch has a higher id than
 * every earlier one; interactions in no batch are as many as before.
 */
export function batchChange(before: RecordsStamp, after: RecordsStamp): BatchChange | null {
  const imported: number[] = [];
  const undone: number[] = [];
  const count = (s: RecordsStamp, id: number): number => s.counts.get(id) ?? 0;
  let lastBefore = 0;
  for (const [id, b] of before.batches) {
    lastBefore = Math.max(lastBefore, id);
    const a = after.batches.get(id);
    if (!a || a.createdAt !== b.createdAt) return null;
    if (b.undoneAt !== null) {
      if (a.undoneAt !== b.undoneAt || count(after, id) !== 0) return null;
    } else if (a.undoneAt === null) {
      if (count(after, id) !== count(before, id)) return null;
    } else {
      if (count(after, id) !== 0) return null;
      undone.push(id);
    }
  }
  for (const id of after.batches.keys()) {
    if (before.batches.has(id)) continue;
    if (id <= lastBefore) return null;
    imported.push(id);
  }
  // Interactions under no batch, or under a batch id import_batches does not hold, must not have moved.
  for (const id of new Set([...before.counts.keys(), ...after.counts.keys()])) {
    if ((id === 0 || !after.batches.has(id)) && count(after, id) !== count(before, id)) return null;
  }
  if (imported.length === 0 && undone.length === 0) return null;
  return { imported, undone };
}
