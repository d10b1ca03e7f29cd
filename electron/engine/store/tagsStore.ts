// Tags on persons: bulk add/remove as one undoable operation, and the tag list with counts.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/openDatabase';

export interface TagChange {
  changed: number;
  operationId: string;
}

/** Adds or removes `tag` on every person given, in one transaction; only real changes are recorded. */
export function applyTag(db: Db, action: 'add' | 'remove', tag: string, personIds: string[]): TagChange {
  return db.transaction(() => {
    const now = new Date().toISOString();
    const ids = JSON.stringify(personIds);
    // Set-wise statements over a JSON array: 30,000 persons in a few statements, not 30,000.
    const changedIds = (
      action === 'add'
        ? db
            .prepare(
              `SELECT DISTINCT j.value FROM json_each(?) j JOIN persons p ON p.id = j.value
                WHERE NOT EXISTS (SELECT 1 FROM tags t WHERE t.person_id = j.value AND t.tag = ?)`,
            )
            .pluck()
            .all(ids, tag)
        : db.prepare(`SELECT DISTINCT j.value FROM json_each(?) j JOIN tags t ON t.person_id = j.value AND t.tag = ?`).pluck().all(ids, tag)
    ) as string[];
    const changed = JSON.stringify(changedIds);
    if (action === 'add') db.prepare(`INSERT OR IGNORE INTO tags (person_id, tag, added_at) SELECT value, ?, ? FROM json_each(?)`).run(tag, now, changed);
    else db.prepare(`DELETE FROM tags WHERE tag = ? AND person_id IN (SELECT value FROM json_each(?))`).run(tag, changed);
    const operationId = `t_${randomUUID().slice(0, 13)}`;
    db.prepare(`INSERT INTO tag_operations (id, action, tag, person_ids_json, created_at) VALUES (?, ?, ?, ?, ?)`).run(
      operationId,
      action,
      tag,
      JSON.stringify(changedIds),
      now,
    );
    return { changed: changedIds.length, operationId };
  })();
}

/** Reverses an operation exactly (only the persons it changed). Undoing twice is a no-op. */
export function undoTagOperation(db: Db, operationId: string): number {
  return db.transaction(() => {
    const op = db.prepare(`SELECT action, tag, person_ids_json AS ids, undone_at AS undoneAt FROM tag_operations WHERE id = ?`).get(operationId) as
      | { action: 'add' | 'remove'; tag: string; ids: string; undoneAt: string | null }
      | undefined;
    if (!op || op.undoneAt) return 0;
    const ids = JSON.parse(op.ids) as string[];
    const now = new Date().toISOString();
    const add = db.prepare(`INSERT OR IGNORE INTO tags (person_id, tag, added_at) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM persons WHERE id = ?)`);
    const remove = db.prepare(`DELETE FROM tags WHERE person_id = ? AND tag = ?`);
    let changed = 0;
    for (const id of ids) changed += (op.action === 'add' ? remove.run(id, op.tag) : add.run(id, op.tag, now, id)).changes;
    db.prepare(`UPDATE tag_operations SET undone_at = ? WHERE id = ?`).run(now, operationId);
    return changed;
  })();
}

export function listTags(db: Db): { tag: string; count: number }[] {
  return db.prepare(`SELECT tag, count(*) AS count FROM tags GROUP BY tag ORDER BY count DESC, tag`).all() as { tag: string; count: number }[];
}

/**
 * Renames (or merges, when `to` exists) a tag on every person who has it, removed connections included,
 * as one undoable pair of operations; returns both so the caller can undo them together.
 */
export function renameTag(db: Db, from: string, to: string): { changed: number; operationIds: string[] } {
  return db.transaction(() => {
    const ids = db.prepare(`SELECT person_id FROM tags WHERE tag = ?`).pluck().all(from) as string[];
    const added = applyTag(db, 'add', to, ids);
    const removed = applyTag(db, 'remove', from, ids);
    return { changed: ids.length, operationIds: [added.operationId, removed.operationId] };
  })();
}

/** Removes a tag from everyone who has it (removed connections included), undoable. */
export function deleteTag(db: Db, tag: string): TagChange {
  const ids = db.prepare(`SELECT person_id FROM tags WHERE tag = ?`).pluck().all(tag) as string[];
  return applyTag(db, 'remove', tag, ids);
}
