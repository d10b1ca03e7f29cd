// The contact ids of a batch's participants: the import's identity caches, and the contacts they miss
// created (or completed) with a few multi-row statements per batch instead of one statement each.
import type { Db } from '../db/openDatabase';
import type { ContactIdentity } from '../store/identityKeys';
import { contactAt, type EncodedInteractions } from './interactionBatch';
import { DigestMap, StringDigest } from '../importers/interactions/digestTable';
import { RowChunks, rows } from './rowChunks';
import { sameLink } from '../linking/relinkContacts';
import { UNLINKED, type NewContactLinker, type StoredContact } from '../linking/newContactLinker';

/** Distinct identities a contact cache holds before it starts again (12 bytes a slot, in typed arrays). */
export const CONTACT_CACHE_LIMIT = 1 << 16;
/** A cache value not yet known: the contact of the batch's miss (value - PENDING), resolved at the batch's end. */
const PENDING = 0x80000000;

interface ContactRow extends StoredContact {
  id: number;
}

export class ContactResolver {
  /**
   * Caches keyed by 63-bit digests rather than strings: an archive's hundreds of thousands of
   * one-off senders leave no strings behind for the garbage collector. A digest collision (about
   * one in 10^8 for a whole archive) would file one participant under another's contact.
   */
  private readonly digest = new StringDigest();
  /** Normalised contact key → contact id. */
  private readonly contactIds = new DigestMap();
  /** A participant's identity as written → contact id (0: no usable identity). */
  private readonly rawContacts = new DigestMap();
  private readonly inserts: RowChunks;
  private readonly keysOf;
  private readonly rowsOf: RowChunks;
  private readonly fill;
  private readonly relink;
  /** This batch's cache misses (contact table refs), and the cache entries holding their PENDING value. */
  private misses: number[] = [];
  private pendingEntries: number[] = [];

  constructor(
    db: Db,
    /** Contacts from this id on were created by this import; an older one it completes is "enriched". */
    private readonly firstNewContactId: number,
    private readonly enriched: Set<number>,
    private readonly cacheLimit = CONTACT_CACHE_LIMIT,
    chunk = 64,
    /** Links the contacts this import creates as they are inserted; without it they are inserted unlinked, for a relink to decide. */
    private readonly linker: (() => NewContactLinker) | null = null,
  ) {
    this.inserts = new RowChunks(
      db,
      chunk,
      (n) => `INSERT INTO contacts (key, name, email, profile_url, phone, name_key, status, person_id, method, evidence_json) VALUES ${rows(n, 10)} ON CONFLICT(key) DO NOTHING`,
    );
    this.keysOf = db.prepare(`SELECT key FROM contacts WHERE id BETWEEN ? AND ? ORDER BY id`).pluck();
    this.rowsOf = new RowChunks(
      db,
      chunk,
      (n) =>
        `SELECT key, id, name, email, profile_url AS profileUrl, phone, name_key AS nameKey, status, person_id AS personId, method, evidence_json AS evidenceJson
           FROM contacts WHERE key IN (${new Array(n).fill('?').join(', ')})`,
    );
    this.relink = db.prepare(`UPDATE contacts SET status = ?, person_id = ?, method = ?, evidence_json = ? WHERE id = ?`);
    this.fill = db.prepare(
      `UPDATE contacts SET name = CASE WHEN name = '' THEN ? ELSE name END, email = CASE WHEN email = '' THEN ? ELSE email END,
              profile_url = CASE WHEN profile_url = '' THEN ? ELSE profile_url END, phone = CASE WHEN phone = '' THEN ? ELSE phone END,
              name_key = CASE WHEN name_key = '' THEN ? ELSE name_key END WHERE id = ?`,
    );
  }

  /**
   * The contact id (0: none) of each participant of the batch's records `written` (the records this
   * import stored; a duplicate's participants are not looked at), in order, as the row-by-row
   * session decided them: the same cache hits and misses, the same contacts created in the same order.
   */
  resolve(b: EncodedInteractions, written: number[]): Uint32Array {
    let total = 0;
    for (const r of written) total += b.firstParticipant[r + 1] - b.firstParticipant[r];
    const ids = new Uint32Array(total);
    let k = 0;
    for (const r of written) {
      for (let p = b.firstParticipant[r]; p < b.firstParticipant[r + 1]; p++) ids[k++] = this.contactOf(b, p);
    }
    if (this.misses.length === 0) return ids;
    const resolved = this.writeMisses(b);
    for (let i = 0; i < ids.length; i++) if (ids[i] >= PENDING) ids[i] = resolved[ids[i] - PENDING];
    // The caches forget no entry within a batch unless they start again, so each PENDING entry still
    // there is found where it was put.
    for (let i = 0; i < this.pendingEntries.length; i += 3) {
      const cache = this.pendingEntries[i] === 0 ? this.rawContacts : this.contactIds;
      const d = this.digest.set(this.pendingEntries[i + 1], this.pendingEntries[i + 2]);
      const v = cache.get(d);
      if (v !== undefined && v >= PENDING) cache.set(d, resolved[v - PENDING]);
    }
    this.misses = [];
    this.pendingEntries = [];
    return ids;
  }

  /** The same sender appears on thousands of messages: each identity as written is looked up once. */
  private contactOf(b: EncodedInteractions, p: number): number {
    const hi = b.rawDigest[p * 2];
    const lo = b.rawDigest[p * 2 + 1];
    let id = this.rawContacts.get(this.digest.set(hi, lo));
    if (id === undefined) {
      const ref = b.contactRef[p];
      id = ref < 0 ? 0 : this.contactIdOf(b, ref);
      this.remember(0, hi, lo, id);
    }
    return id;
  }

  private contactIdOf(b: EncodedInteractions, ref: number): number {
    const hi = b.keyDigest[ref * 2];
    const lo = b.keyDigest[ref * 2 + 1];
    let id = this.contactIds.get(this.digest.set(hi, lo));
    if (id === undefined) {
      id = PENDING + this.misses.length;
      this.misses.push(ref);
      this.remember(1, hi, lo, id);
    }
    return id;
  }

  /** A cache, not a record: past its limit it starts again rather than grow with every one-off sender. */
  private remember(which: 0 | 1, hi: number, lo: number, id: number): void {
    const cache = which === 0 ? this.rawContacts : this.contactIds;
    if (cache.size >= this.cacheLimit) cache.clear();
    cache.set(this.digest.set(hi, lo), id);
    if (id >= PENDING) this.pendingEntries.push(which, hi, lo);
  }

  /**
   * The misses' contacts in the database, in order: a key not there yet is inserted with the miss's
   * values; one already there (stored before, or by an earlier miss) gets those of its empty fields
   * the miss knows. Inserted in chunks whose ids follow one another; the few that conflict are then
   * completed one by one, in order.
   */
  private writeMisses(b: EncodedInteractions): number[] {
    const contacts = this.misses.map((ref) => contactAt(b, ref));
    const resolved = new Array<number>(contacts.length).fill(0);
    const conflicts: number[] = [];
    this.inserts.each(contacts.length, (start, n) => {
      const params: (string | null)[] = [];
      for (let i = start; i < start + n; i++) {
        const c = contacts[i];
        // A miss whose key is already stored is decided for nothing (the insert keeps the stored row): few are.
        const link = this.linker ? this.linker().linkOfInserted(c) : UNLINKED;
        params.push(c.key, c.name, c.email, c.profileUrl, c.phone, c.nameKey, link.status, link.personId, link.method, link.evidenceJson);
      }
      const { changes, lastInsertRowid } = this.inserts.statement(n).run(params);
      const first = Number(lastInsertRowid) - changes + 1;
      if (changes === n) {
        for (let i = 0; i < n; i++) resolved[start + i] = first + i;
        return;
      }
      // Which rows went in: the new ones follow in the order of their first occurrence.
      const keys = changes === 0 ? [] : (this.keysOf.all(first, first + changes - 1) as string[]);
      let next = 0;
      for (let i = start; i < start + n; i++) {
        if (next < keys.length && contacts[i].key === keys[next]) resolved[i] = first + next++;
        else conflicts.push(i);
      }
    });
    if (conflicts.length > 0) this.complete(contacts, conflicts, resolved);
    return resolved;
  }

  private complete(contacts: ContactIdentity[], conflicts: number[], resolved: number[]): void {
    const rows = new Map<string, ContactRow>();
    const keys = [...new Set(conflicts.map((i) => contacts[i].key))];
    this.rowsOf.each(keys.length, (start, n) => {
      for (const row of this.rowsOf.statement(n).all(keys.slice(start, start + n)) as (ContactRow & { key: string })[]) rows.set(row.key, row);
    });
    for (const i of conflicts) {
      const c = contacts[i];
      const row = rows.get(c.key)!;
      resolved[i] = row.id;
      const learns = (!row.name && c.name) || (!row.email && c.email) || (!row.profileUrl && c.profileUrl) || (!row.phone && c.phone) || (!row.nameKey && c.nameKey);
      if (!learns) continue;
      this.fill.run(c.name, c.email, c.profileUrl, c.phone, c.nameKey, row.id);
      row.name ||= c.name;
      row.email ||= c.email;
      row.profileUrl ||= c.profileUrl;
      row.phone ||= c.phone;
      row.nameKey ||= c.nameKey;
      if (row.id < this.firstNewContactId) this.enriched.add(row.id);
      else if (this.linker) this.relinkCompleted(row);
    }
  }

  /** A contact this import created, and linked then, now knows more: decided again, as relink would decide it now. */
  private relinkCompleted(row: ContactRow): void {
    const link = this.linker!().linkOfStored(row);
    if (sameLink(link, row)) return;
    this.relink.run(link.status, link.personId, link.method, link.evidenceJson, row.id);
    Object.assign(row, link);
  }
}
