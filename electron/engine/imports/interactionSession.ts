// Applies interaction records to the database inside the caller's transaction: one row per record
// (idempotent by source key), participants through distinct contacts, written many rows a statement.
import type { Db } from '../db/openDatabase';
import type { InteractionRecord, SkippedRow } from '../../../shared/domain/records';
import { ContactResolver, CONTACT_CACHE_LIMIT } from './contactResolver';
import {
  AUTOMATED,
  DECLINED,
  HAS_THREAD,
  InteractionEncoder,
  NOT_CONNECTED,
  RECORD_STRINGS,
  SENDER,
  stringAt,
  type EncodedInteractions,
} from './interactionBatch';
import { RowChunks, rows } from './rowChunks';
import { FoundCounter } from './foundCounter';
import { NewContactLinker } from '../linking/newContactLinker';

export interface InteractionCounts {
  added: number;
  duplicate: number;
  skipped: number;
}

export interface InteractionSessionOptions {
  /** Rows per INSERT statement (the tests use small ones to cross chunk boundaries). */
  chunk?: number;
  /** Entries of each identity cache before it starts again. */
  contactCacheLimit?: number;
  /** Count what the records hold as they are written (`found`), for the import's summary. */
  countFound?: boolean;
  /**
   * Link each contact the session creates as it inserts it (NewContactLinker), so that the relink
   * afterwards leaves them (`createdLinked`). Only while nothing a link depends on (persons, decisions,
   * your identities) changes before that relink.
   */
  linkNewContacts?: boolean;
}

/** Rows per statement (a power of two, see RowChunks.each): 25 to 200 ran alike on the bench mbox, 10 slower. */
const CHUNK = 64;

export class InteractionSession {
  readonly counts: InteractionCounts = { added: 0, duplicate: 0, skipped: 0 };
  readonly skippedRows: SkippedRow[] = [];
  /**
   * What to (re)link afterwards: contacts created by this import (ids from here on; unless linked as
   * they were created) and the few existing ones it taught something new (a name or address they
   * lacked). A record adds nothing else a link depends on, so a million messages need no million-entry set.
   */
  readonly firstNewContactId: number;
  readonly enrichedContacts = new Set<number>();
  /** The found summary being counted, when asked for. */
  readonly found: FoundCounter | null;
  private readonly contacts: ContactResolver;
  private readonly interactions: RowChunks;
  private readonly participants: RowChunks;
  private readonly keysOf;
  /** For records handed over as objects (the in-thread parse, a meeting logged by hand). */
  private encoder: InteractionEncoder | null = null;

  constructor(
    db: Db,
    readonly batchId: number | null,
    options: InteractionSessionOptions = {},
  ) {
    const chunk = options.chunk ?? CHUNK;
    this.firstNewContactId = (db.prepare(`SELECT coalesce(max(id), 0) + 1 FROM contacts`).pluck().get() as number) ?? 1;
    this.found = options.countFound ? new FoundCounter(this.firstNewContactId) : null;
    // Built when the first contact is created: reading every person costs nothing for a file that creates none,
    // and the parse goes on meanwhile.
    let linker: NewContactLinker | null = null;
    const linkerOf = () => (linker ??= new NewContactLinker(db));
    this.contacts = new ContactResolver(
      db,
      this.firstNewContactId,
      this.enrichedContacts,
      options.contactCacheLimit ?? CONTACT_CACHE_LIMIT,
      chunk,
      options.linkNewContacts ? linkerOf : null,
    );
    this.interactions = new RowChunks(
      db,
      chunk,
      (n) => `INSERT INTO interactions (batch_id, source_key, kind, occurred_at, day, thread_key, subject, location, duration_sec, connected,
                others_count, automated, manual, note) VALUES ${rows(n, 14)} ON CONFLICT(source_key) DO NOTHING`,
    );
    this.participants = new RowChunks(db, chunk * 2, (n) => `INSERT OR IGNORE INTO participants (interaction_id, contact_id, role, is_sender, declined) VALUES ${rows(n, 5)}`);
    this.keysOf = db.prepare(`SELECT source_key FROM interactions WHERE id BETWEEN ? AND ? ORDER BY id`).pluck();
  }

  addSkipped(rows: SkippedRow[]): void {
    this.skippedRows.push(...rows);
    this.counts.skipped += rows.length;
  }

  /** Stores records given as objects; returns the ids of the interactions added. */
  add(records: InteractionRecord[], manual = false): number[] {
    this.encoder ??= new InteractionEncoder();
    return this.addBatch(this.encoder.encode(records), manual);
  }

  /** Stores a batch of records (the first of equal source keys wins); returns the ids of the interactions added. */
  addBatch(b: EncodedInteractions, manual = false): number[] {
    const written: number[] = [];
    const ids: number[] = [];
    this.interactions.each(b.count, (start, n) => this.insertInteractions(b, start, n, manual, written, ids));
    this.counts.added += written.length;
    this.counts.duplicate += b.count - written.length;
    if (written.length === 0) return ids;
    const contactIds = this.contacts.resolve(b, written);
    this.found?.add(b, written, contactIds);
    const params: (number | string)[] = [];
    let k = 0;
    for (let w = 0; w < written.length; w++) {
      const r = written[w];
      for (let p = b.firstParticipant[r]; p < b.firstParticipant[r + 1]; p++) {
        const contactId = contactIds[k++];
        if (contactId === 0) continue;
        const f = b.participantFlags[p];
        params.push(ids[w], contactId, b.roles[b.role[p]], f & SENDER ? 1 : 0, f & DECLINED ? 1 : 0);
      }
    }
    this.participants.each(params.length / 5, (start, n) => this.participants.statement(n).run(params.slice(start * 5, (start + n) * 5)));
    return ids;
  }

  /**
   * Records start … start + n - 1 in one statement. Its new rows take consecutive ids (a plain
   * INTEGER PRIMARY KEY gives each the largest id + 1); when some were already there, the ids' source
   * keys tell which records went in.
   */
  private insertInteractions(b: EncodedInteractions, start: number, n: number, manual: boolean, written: number[], ids: number[]): void {
    const params: (number | string | null)[] = [];
    for (let r = start; r < start + n; r++) {
      const s = r * RECORD_STRINGS;
      const occurredAt = stringAt(b, s + 2);
      const flags = b.flags[r];
      const duration = b.numbers[r * 2];
      const others = b.numbers[r * 2 + 1];
      params.push(
        this.batchId,
        stringAt(b, s),
        stringAt(b, s + 1),
        occurredAt,
        occurredAt.slice(0, 10),
        flags & HAS_THREAD ? stringAt(b, s + 3) : null,
        stringAt(b, s + 4),
        stringAt(b, s + 5),
        Number.isNaN(duration) ? null : duration,
        flags & NOT_CONNECTED ? 0 : 1,
        Number.isNaN(others) ? null : others,
        flags & AUTOMATED ? 1 : 0,
        manual ? 1 : 0,
        stringAt(b, s + 6),
      );
    }
    const { changes, lastInsertRowid } = this.interactions.statement(n).run(params);
    const first = Number(lastInsertRowid) - changes + 1;
    if (changes === n) {
      for (let i = 0; i < n; i++) {
        written.push(start + i);
        ids.push(first + i);
      }
      return;
    }
    // A re-import, or a source key met twice: the rows added follow in the order of their records.
    const keys = changes === 0 ? [] : (this.keysOf.all(first, first + changes - 1) as string[]);
    let next = 0;
    for (let r = start; r < start + n && next < keys.length; r++) {
      if (stringAt(b, r * RECORD_STRINGS) !== keys[next]) continue;
      written.push(r);
      ids.push(first + next++);
    }
  }
}
