// Applies interaction records to the database inside the caller's transaction: one row per record
// (idempotent by source key), participants through distinct contacts.
import type { Db } from '../db/openDatabase';
import type { InteractionRecord, ParticipantRecord, SkippedRow } from '../../../shared/domain/records';
import { contactOfParticipant } from '../store/identityKeys';
import { DigestMap, StringDigest } from '../importers/interactions/digestTable';

/** Distinct identities a contact cache holds before it starts again (12 bytes a slot, in typed arrays). */
const CONTACT_CACHE_LIMIT = 1 << 16;

export interface InteractionCounts {
  added: number;
  duplicate: number;
  skipped: number;
}

export class InteractionSession {
  readonly counts: InteractionCounts = { added: 0, duplicate: 0, skipped: 0 };
  readonly skippedRows: SkippedRow[] = [];
  /**
   * What to (re)link afterwards: contacts created by this import (ids from here on) and the few
   * existing ones it taught something new (a name or address they lacked). A record adds nothing
   * else a link depends on, so a million messages need no million-entry set.
   */
  readonly firstNewContactId: number;
  readonly enrichedContacts = new Set<number>();
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
  private readonly stmt;

  constructor(
    private readonly db: Db,
    readonly batchId: number | null,
  ) {
    this.firstNewContactId = (db.prepare(`SELECT coalesce(max(id), 0) + 1 FROM contacts`).pluck().get() as number) ?? 1;
    this.stmt = {
      interaction: db.prepare(
        `INSERT INTO interactions (batch_id, source_key, kind, occurred_at, day, thread_key, subject, location, duration_sec, connected,
                others_count, automated, manual, note)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(source_key) DO NOTHING`,
      ),
      // New contacts are the common case: one statement, and the look-up only when the key exists.
      contactInsert: db
        .prepare(`INSERT INTO contacts (key, name, email, profile_url, phone, name_key) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING RETURNING id`)
        .pluck(),
      contactRow: db.prepare(`SELECT id, name, email, profile_url AS profileUrl, phone, name_key AS nameKey FROM contacts WHERE key = ?`),
      contactFill: db.prepare(
        `UPDATE contacts SET name = CASE WHEN name = '' THEN ? ELSE name END, email = CASE WHEN email = '' THEN ? ELSE email END,
                profile_url = CASE WHEN profile_url = '' THEN ? ELSE profile_url END, phone = CASE WHEN phone = '' THEN ? ELSE phone END,
                name_key = CASE WHEN name_key = '' THEN ? ELSE name_key END WHERE id = ?`,
      ),
      participant: db.prepare(
        `INSERT OR IGNORE INTO participants (interaction_id, contact_id, role, is_sender, declined) VALUES (?, ?, ?, ?, ?)`,
      ),
    };
  }

  addSkipped(rows: SkippedRow[]): void {
    this.skippedRows.push(...rows);
    this.counts.skipped += rows.length;
  }

  add(records: InteractionRecord[], manual = false): number[] {
    const ids: number[] = [];
    for (const r of records) {
      const id = this.addOne(r, manual);
      if (id !== null) ids.push(id);
    }
    return ids;
  }

  private addOne(r: InteractionRecord, manual: boolean): number | null {
    const day = r.occurredAt.slice(0, 10);
    const result = this.stmt.interaction.run(
      this.batchId,
      r.sourceKey,
      r.kind,
      r.occurredAt,
      day,
      r.threadKey ?? null,
      r.subject ?? '',
      r.location ?? '',
      r.durationSec ?? null,
      r.connected === false ? 0 : 1,
      r.othersCount ?? null,
      r.automated ? 1 : 0,
      manual ? 1 : 0,
      r.note ?? '',
    );
    if (result.changes === 0) {
      this.counts.duplicate += 1;
      return null;
    }
    const interactionId = Number(result.lastInsertRowid);
    for (const p of r.participants) {
      const contactId = this.contactIdOf(p);
      if (contactId === null) continue;
      this.stmt.participant.run(interactionId, contactId, p.role, p.isSender ? 1 : 0, p.declined ? 1 : 0);
    }
    this.counts.added += 1;
    return interactionId;
  }

  /** The same sender appears on thousands of messages: normalise each raw identity once. */
  private contactIdOf(p: ParticipantRecord): number | null {
    const raw = this.digest.of(`${p.name ?? ''}\u0001${p.email ?? ''}\u0001${p.profileUrl ?? ''}\u0001${p.phone ?? ''}`);
    let id = this.rawContacts.get(raw);
    if (id === undefined) {
      const hi = raw.hi;
      const lo = raw.lo;
      const contact = contactOfParticipant(p);
      id = contact ? this.contactId(contact) : 0;
      remember(this.rawContacts, this.digest.set(hi, lo), id);
    }
    return id === 0 ? null : id;
  }

  private contactId(c: NonNullable<ReturnType<typeof contactOfParticipant>>): number {
    let id = this.contactIds.get(this.digest.of(c.key));
    if (id === undefined) {
      id = this.stmt.contactInsert.get(c.key, c.name, c.email, c.profileUrl, c.phone, c.nameKey) as number | undefined;
      if (id === undefined) {
        const row = this.stmt.contactRow.get(c.key) as { id: number; name: string; email: string; profileUrl: string; phone: string; nameKey: string };
        id = row.id;
        const learns = (!row.name && c.name) || (!row.email && c.email) || (!row.profileUrl && c.profileUrl) || (!row.phone && c.phone) || (!row.nameKey && c.nameKey);
        if (learns) {
          this.stmt.contactFill.run(c.name, c.email, c.profileUrl, c.phone, c.nameKey, id);
          if (id < this.firstNewContactId) this.enrichedContacts.add(id);
        }
      }
      remember(this.contactIds, this.digest.of(c.key), id);
    }
    return id;
  }
}

/** A cache, not a record: past its limit it starts again rather than grow with every one-off sender. */
function remember(cache: DigestMap, key: StringDigest, id: number): void {
  if (cache.size >= CONTACT_CACHE_LIMIT) cache.clear();
  cache.set(key, id);
}
