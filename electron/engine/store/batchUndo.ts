// Undo of a whole import batch: what it created disappears, what it changed is restored, what the user decided stays.
import type { Db } from '../db/openDatabase';
import type { ExistingConnection } from '../imports/connectionSession';


export function undoBatch(db: Db, batchId: number): boolean {
  return db.transaction(() => {
    const batch = db.prepare(`SELECT undone_at AS undoneAt FROM import_batches WHERE id = ?`).get(batchId) as { undoneAt: string | null } | undefined;
    if (!batch || batch.undoneAt) return false;
    db.prepare(`DELETE FROM interactions WHERE batch_id = ?`).run(batchId);
    db.prepare(`DELETE FROM invitations WHERE batch_id = ?`).run(batchId);
    db.prepare(`DELETE FROM connections WHERE first_batch_id = ?`).run(batchId);
    const restore = db.prepare(
      `UPDATE connections SET first_name = ?, last_name = ?, full_name = ?, emails_json = ?, profile_url = ?, phones_json = ?, company = ?,
              position = ?, connected_on = ?, removed_at = ?, external_key = COALESCE(?, external_key) WHERE id = ?`,
    );
    const changes = db.prepare(`SELECT before_json AS json FROM batch_changes WHERE batch_id = ? AND table_name = 'connections'`).all(batchId) as { json: string }[];
    for (const { json } of changes) {
      const c = JSON.parse(json) as ExistingConnection;
      restore.run(c.firstName, c.lastName, c.fullName, c.emailsJson, c.profileUrl, c.phonesJson, c.company, c.position, c.connectedOn, c.removedAt, c.externalKey ?? null, c.id);
    }
    db.prepare(`UPDATE connections SET removed_at = NULL, removed_batch_id = NULL WHERE removed_batch_id = ?`).run(batchId);
    db.prepare(`DELETE FROM identities WHERE batch_id = ?`).run(batchId);
    // Persons this batch created go with it unless another import has since connected them too.
    db.prepare(
      `DELETE FROM persons WHERE created_batch_id = ? AND NOT EXISTS (SELECT 1 FROM connections c WHERE c.person_id = persons.id)`,
    ).run(batchId);
    db.prepare(`DELETE FROM contacts WHERE NOT EXISTS (SELECT 1 FROM participants p WHERE p.contact_id = contacts.id)`).run();
    db.prepare(`UPDATE import_batches SET undone_at = ? WHERE id = ?`).run(new Date().toISOString(), batchId);
    return true;
  })();
}

export function listBatches(db: Db) {
  return (
    db
      .prepare(
        `SELECT id, kind, file, format, network, created_at AS createdAt, counts_json AS counts, undone_at AS undoneAt FROM import_batches ORDER BY id DESC`,
      )
      .all() as { id: number; kind: string; file: string; format: string; network: string | null; createdAt: string; counts: string; undoneAt: string | null }[]
  ).map((b) => ({ ...b, counts: JSON.parse(b.counts) as Record<string, number> }));
}
