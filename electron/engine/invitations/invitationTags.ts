// Your tags on invitation senders (accept, decline, …), filed under the sender's key: they are not
// persons, so the persons' tags (and the audit) never see them.
import type { Db } from '../db/openDatabase';

export function readInvitationTags(db: Db): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [key, tag] of db.prepare(`SELECT sender_key, tag FROM invitation_tags ORDER BY tag`).raw(true).iterate() as Iterable<[string, string]>) {
    map.set(key, [...(map.get(key) ?? []), tag]);
  }
  return map;
}

/** Adds or removes `tag` on every sender key given, in one transaction; returns how many changed. */
export function applyInvitationTag(db: Db, action: 'add' | 'remove', tag: string, keys: string[]): number {
  return db.transaction(() => {
    const json = JSON.stringify([...new Set(keys)]);
    if (action === 'add') {
      return db.prepare(`INSERT OR IGNORE INTO invitation_tags (sender_key, tag, added_at) SELECT value, ?, ? FROM json_each(?)`).run(tag, new Date().toISOString(), json).changes;
    }
    return db.prepare(`DELETE FROM invitation_tags WHERE tag = ? AND sender_key IN (SELECT value FROM json_each(?))`).run(tag, json).changes;
  })();
}
