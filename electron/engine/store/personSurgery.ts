// Merging two persons into one and splitting connections off into a new person (SPEC §5.5): the
// user's word, kept by the connections themselves across re-imports, and undoable as one step.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/openDatabase';
import { newPersonId } from '../imports/connectionSession';
import { identitiesOfConnection } from './identityKeys';
import { relinkContacts } from '../linking/relinkContacts';
import { UserFacingError } from '../handlers/handlerTypes';

interface PersonRow {
  id: string;
  display_name: string;
  company: string;
  position: string;
  note: string;
  created_batch_id: number | null;
  created_at: string;
}

/** Everything a merge or split may change, captured before it, so undo puts it back exactly. */
interface Snapshot {
  persons: PersonRow[];
  connections: { id: number; person_id: string }[];
  identities: { person_id: string; kind: string; value: string; batch_id: number | null }[];
  tags: { person_id: string; tag: string; added_at: string }[];
  contacts: { id: number; person_id: string | null; status: string; method: string | null; evidence_json: string }[];
  created: string[];
}

function snapshot(db: Db, ids: string[]): Snapshot {
  const list = ids.map(() => '?').join(',');
  return {
    persons: db.prepare(`SELECT * FROM persons WHERE id IN (${list})`).all(...ids) as PersonRow[],
    connections: db.prepare(`SELECT id, person_id FROM connections WHERE person_id IN (${list})`).all(...ids) as Snapshot['connections'],
    identities: db.prepare(`SELECT person_id, kind, value, batch_id FROM identities WHERE person_id IN (${list})`).all(...ids) as Snapshot['identities'],
    tags: db.prepare(`SELECT person_id, tag, added_at FROM tags WHERE person_id IN (${list})`).all(...ids) as Snapshot['tags'],
    contacts: db.prepare(`SELECT id, person_id, status, method, evidence_json FROM contacts WHERE person_id IN (${list})`).all(...ids) as Snapshot['contacts'],
    created: [],
  };
}

function record(db: Db, kind: 'merge' | 'split', before: Snapshot): string {
  const id = `o_${randomUUID().slice(0, 13)}`;
  db.prepare(`INSERT INTO person_operations (id, kind, before_json, created_at) VALUES (?, ?, ?, ?)`).run(id, kind, JSON.stringify(before), new Date().toISOString());
  return id;
}

function requirePerson(db: Db, id: string): PersonRow {
  const row = db.prepare(`SELECT * FROM persons WHERE id = ?`).get(id) as PersonRow | undefined;
  if (!row) throw new UserFacingError('not_found', `no person with id ${id}`);
  return row;
}

/** Moves everything of `mergeId` onto `keepId` and deletes `mergeId`. */
export function mergePersons(db: Db, keepId: string, mergeId: string): { operationId: string } {
  if (keepId === mergeId) throw new UserFacingError('invalid_request', 'a person cannot be merged with themselves');
  return db.transaction(() => {
    requirePerson(db, keepId);
    requirePerson(db, mergeId);
    const before = snapshot(db, [keepId, mergeId]);
    db.prepare(`UPDATE connections SET person_id = ? WHERE person_id = ?`).run(keepId, mergeId);
    db.prepare(`INSERT OR IGNORE INTO identities (person_id, kind, value, batch_id) SELECT ?, kind, value, batch_id FROM identities WHERE person_id = ?`).run(keepId, mergeId);
    db.prepare(`INSERT OR IGNORE INTO tags (person_id, tag, added_at) SELECT ?, tag, added_at FROM tags WHERE person_id = ?`).run(keepId, mergeId);
    db.prepare(`UPDATE contacts SET person_id = ? WHERE person_id = ?`).run(keepId, mergeId);
    db.prepare(`UPDATE link_decisions SET person_id = ? WHERE person_id = ? AND NOT EXISTS (SELECT 1 FROM link_decisions d WHERE d.contact_key = link_decisions.contact_key AND d.person_id = ?)`).run(keepId, mergeId, keepId);
    db.prepare(`DELETE FROM persons WHERE id = ?`).run(mergeId);
    const operationId = record(db, 'merge', before);
    relinkContacts(db);
    return { operationId };
  })();
}

/** Moves the given connections of a person onto a new person of their own. */
export function splitPerson(db: Db, personId: string, connectionIds: number[]): { operationId: string; newPersonId: string } {
  return db.transaction(() => {
    requirePerson(db, personId);
    const all = db.prepare(`SELECT * FROM connections WHERE person_id = ?`).all(personId) as {
      id: number;
      first_name: string;
      last_name: string;
      full_name: string;
      emails_json: string;
      profile_url: string;
      phones_json: string;
      company: string;
      position: string;
      connected_on: string | null;
    }[];
    const moving = all.filter((c) => connectionIds.includes(c.id));
    if (moving.length === 0 || moving.length === all.length) {
      throw new UserFacingError('invalid_request', 'choose some, not all, of the person’s connections to split off');
    }
    const before = snapshot(db, [personId]);
    const id = newPersonId();
    const first = moving[0];
    db.prepare(`INSERT INTO persons (id, display_name, company, position, created_at) VALUES (?, ?, ?, ?, ?)`).run(
      id,
      first.full_name || `${first.first_name} ${first.last_name}`.trim() || 'Unnamed',
      first.company,
      first.position,
      new Date().toISOString(),
    );
    const move = db.prepare(`UPDATE connections SET person_id = ? WHERE id = ?`);
    const identity = db.prepare(`INSERT OR IGNORE INTO identities (person_id, kind, value) VALUES (?, ?, ?)`);
    const drop = db.prepare(`DELETE FROM identities WHERE person_id = ? AND kind = ? AND value = ?`);
    const keep = new Set<string>();
    for (const c of all.filter((c) => !connectionIds.includes(c.id))) {
      const ids = identitiesOfConnection(toRecord(c));
      for (const [kind, values] of [['email', ids.emails], ['url', ids.urls], ['phone', ids.phones], ['name', [ids.nameKey]]] as const) for (const v of values) keep.add(`${kind}:${v}`);
    }
    for (const c of moving) {
      move.run(id, c.id);
      const ids = identitiesOfConnection(toRecord(c));
      for (const [kind, values] of [['email', ids.emails], ['url', ids.urls], ['phone', ids.phones], ['name', [ids.nameKey]]] as const) {
        for (const v of values) {
          if (!v) continue;
          identity.run(id, kind, v);
          if (!keep.has(`${kind}:${v}`)) drop.run(personId, kind, v);
        }
      }
    }
    before.created.push(id);
    const operationId = record(db, 'split', before);
    relinkContacts(db);
    return { operationId, newPersonId: id };
  })();
}

function toRecord(c: { first_name: string; last_name: string; full_name: string; emails_json: string; profile_url: string; phones_json: string; company: string; position: string; connected_on: string | null }) {
  return {
    line: 0,
    firstName: c.first_name,
    lastName: c.last_name,
    fullName: c.full_name,
    emails: JSON.parse(c.emails_json) as string[],
    profileUrls: c.profile_url ? [c.profile_url] : [],
    phones: JSON.parse(c.phones_json) as string[],
    company: c.company,
    position: c.position,
    connectedOn: c.connected_on,
  };
}

/** Puts the persons, connections, identities, tags and links back as they were before the operation. */
export function undoPersonOperation(db: Db, operationId: string): boolean {
  return db.transaction(() => {
    const op = db.prepare(`SELECT before_json AS json, undone_at AS undoneAt FROM person_operations WHERE id = ?`).get(operationId) as { json: string; undoneAt: string | null } | undefined;
    if (!op || op.undoneAt) return false;
    const s = JSON.parse(op.json) as Snapshot;
    const ids = s.persons.map((p) => p.id);
    // An upsert, never REPLACE: replacing a row would cascade-delete the person's connections.
    const insertPerson = db.prepare(
      `INSERT INTO persons (id, display_name, company, position, note, created_batch_id, created_at)
       VALUES (@id, @display_name, @company, @position, @note, @created_batch_id, @created_at)
       ON CONFLICT(id) DO UPDATE SET display_name = excluded.display_name, company = excluded.company, position = excluded.position, note = excluded.note`,
    );
    for (const p of s.persons) insertPerson.run(p);
    for (const c of s.connections) db.prepare(`UPDATE connections SET person_id = ? WHERE id = ?`).run(c.person_id, c.id);
    const list = ids.map(() => '?').join(',');
    db.prepare(`DELETE FROM identities WHERE person_id IN (${list})`).run(...ids);
    const identity = db.prepare(`INSERT OR IGNORE INTO identities (person_id, kind, value, batch_id) VALUES (?, ?, ?, ?)`);
    for (const i of s.identities) identity.run(i.person_id, i.kind, i.value, i.batch_id);
    db.prepare(`DELETE FROM tags WHERE person_id IN (${list})`).run(...ids);
    const tag = db.prepare(`INSERT OR IGNORE INTO tags (person_id, tag, added_at) VALUES (?, ?, ?)`);
    for (const t of s.tags) tag.run(t.person_id, t.tag, t.added_at);
    for (const created of s.created) db.prepare(`DELETE FROM persons WHERE id = ? AND NOT EXISTS (SELECT 1 FROM connections WHERE person_id = ?)`).run(created, created);
    const contact = db.prepare(`UPDATE contacts SET person_id = ?, status = ?, method = ?, evidence_json = ? WHERE id = ?`);
    for (const c of s.contacts) contact.run(c.person_id, c.status, c.method, c.evidence_json, c.id);
    db.prepare(`UPDATE person_operations SET undone_at = ? WHERE id = ?`).run(new Date().toISOString(), operationId);
    relinkContacts(db);
    return true;
  })();
}
