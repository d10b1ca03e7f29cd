// The review queue: contacts the matcher would not link on its own, and the user's decisions about them.
import type { Db } from '../db/openDatabase';
import { relinkContacts } from './relinkContacts';
import { UserFacingError } from '../handlers/handlerTypes';

interface Candidate {
  personId: string;
  reasons: string[];
  against: string[];
}

export function listReviewItems(db: Db) {
  const rows = db
    .prepare(
      `SELECT c.id AS contactId, c.name, c.email, c.profile_url AS profileUrl, c.evidence_json AS json,
              (SELECT count(*) FROM participants p WHERE p.contact_id = c.id) AS records
         FROM contacts c WHERE c.status = 'review' ORDER BY records DESC, c.name LIMIT 500`,
    )
    .all() as { contactId: number; name: string; email: string; profileUrl: string; json: string; records: number }[];
  const person = db.prepare(`SELECT display_name AS name, company FROM persons WHERE id = ?`);
  return rows.map((r) => ({
    contactId: r.contactId,
    name: r.name,
    email: r.email,
    profileUrl: r.profileUrl,
    records: r.records,
    candidates: (JSON.parse(r.json) as Candidate[]).flatMap((c) => {
      const p = person.get(c.personId) as { name: string; company: string } | undefined;
      return p ? [{ personId: c.personId, name: p.name, company: p.company, reasons: c.reasons ?? [], against: c.against ?? [] }] : [];
    }),
  }));
}

/** Confirm links the contact to the person; reject keeps it away from them. Both survive every re-import. */
export function decideLink(db: Db, contactId: number, personId: string | null, verdict: 'confirm' | 'reject'): void {
  db.transaction(() => {
    const contact = db.prepare(`SELECT key FROM contacts WHERE id = ?`).get(contactId) as { key: string } | undefined;
    if (!contact) throw new UserFacingError('not_found', `no contact ${contactId}`);
    if (personId === null) {
      db.prepare(`DELETE FROM link_decisions WHERE contact_key = ?`).run(contact.key);
    } else {
      if (verdict === 'confirm') db.prepare(`DELETE FROM link_decisions WHERE contact_key = ? AND verdict = 'confirm'`).run(contact.key);
      db.prepare(
        `INSERT INTO link_decisions (contact_key, person_id, verdict, decided_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(contact_key, person_id) DO UPDATE SET verdict = excluded.verdict, decided_at = excluded.decided_at`,
      ).run(contact.key, personId, verdict, new Date().toISOString());
    }
    relinkContacts(db, { ids: [contactId] });
  })();
}
