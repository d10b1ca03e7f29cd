// The found summary of an interaction import counted as its records are written, rather than queried back afterwards.
import type { Db } from '../db/openDatabase';
import { AUTOMATED, HAS_THREAD, KIND, RECORD_STRINGS, SENDER, THREAD_KEY, stringAt, type EncodedInteractions } from './interactionBatch';
import { DigestMap, StringDigest } from '../importers/interactions/digestTable';
import type { FoundSummary } from './foundSummary';
import { RowChunks } from './rowChunks';

/** A typed array that doubles as it fills: a few bytes per record instead of an object each. */
class Growing {
  length = 0;
  constructor(public items: Uint32Array = new Uint32Array(1024)) {}

  push(value: number): void {
    if (this.length === this.items.length) {
      const items = new Uint32Array(this.items.length * 2);
      items.set(this.items);
      this.items = items;
    }
    this.items[this.length++] = value;
  }
}

/** Bits of a contact's final link, for the summary. */
const OWN = 1;
const HAS_PERSON = 2;
/** A participant that sent the record, in the top bit of its stored contact id. */
const SENT = 0x80000000;
/** A record that is not an e-mail or a message: part of no thread. */
const NO_THREAD = 0xffffffff;

/**
 * Records, meetings and calls are counted as they are written. Threads and unlinked records depend on
 * each participant's link, which is final only after the import's relink (a contact created early
 * may be completed, and so relinked, later; your identities may change at the end): for those the
 * counter keeps each written record's thread (one number, threads keyed by digest so no thread key
 * string stays behind) and its participants' contact ids, and settles them from the contacts' final
 * links, read back only for the few linked ones. The same numbers as `summariseFound`'s queries.
 */
export class FoundCounter {
  records = 0;
  meetings = 0;
  calls = 0;
  private threads = 0;
  private readonly digest = new StringDigest();
  private readonly threadOf = new DigestMap();
  /** Per written record: its thread (or NO_THREAD), whether it is automated, where its participants end. */
  private readonly recordThread = new Growing();
  private readonly recordAutomated = new Growing();
  private readonly participantsEnd = new Growing();
  /** Per participant with a contact: the contact id, SENT when it sent the record. */
  private readonly participants = new Growing();
  /** Contacts older than the import met in its records: their links are read back at the end. */
  private readonly older = new Set<number>();

  constructor(private readonly firstNewContactId: number) {}

  /** Counts records `written` of the batch, whose participants' contacts are `contactIds` (0: none), in order. */
  add(b: EncodedInteractions, written: number[], contactIds: Uint32Array): void {
    let k = 0;
    for (const r of written) {
      const s = r * RECORD_STRINGS;
      const kind = stringAt(b, s + KIND);
      this.records += 1;
      if (kind === 'in_person' || kind === 'video' || kind === 'event') this.meetings += 1;
      else if (kind === 'call') this.calls += 1;
      let thread = NO_THREAD;
      if (kind === 'email' || kind === 'message') {
        if (b.flags[r] & HAS_THREAD) {
          const d = this.digest.of(stringAt(b, s + THREAD_KEY));
          const known = this.threadOf.get(d);
          if (known === undefined) this.threadOf.set(d, (thread = this.threads++));
          else thread = known;
        } else thread = this.threads++;
      }
      this.recordThread.push(thread);
      this.recordAutomated.push(b.flags[r] & AUTOMATED ? 1 : 0);
      for (let p = b.firstParticipant[r]; p < b.firstParticipant[r + 1]; p++) {
        const id = contactIds[k++];
        if (id === 0) continue;
        if (id < this.firstNewContactId) this.older.add(id);
        this.participants.push(b.participantFlags[p] & SENDER ? id | SENT : id);
      }
      this.participantsEnd.push(this.participants.length);
    }
  }

  /** The summary, from the contacts' links as they now stand (call it after the import's relink). */
  summary(db: Db): FoundSummary {
    const links = this.finalLinks(db);
    const linkOf = (id: number) => links.get(id) ?? 0;
    const threadBits = new Uint8Array(this.threads);
    let unlinked = 0;
    let start = 0;
    for (let r = 0; r < this.recordThread.length; r++) {
      const end = this.participantsEnd.items[r];
      const automated = this.recordAutomated.items[r] === 1;
      const thread = this.recordThread.items[r];
      let linked = false;
      for (let p = start; p < end; p++) {
        const entry = this.participants.items[p];
        const link = linkOf((entry & ~SENT) >>> 0);
        if (link & HAS_PERSON) linked = true;
        // A thread is two-way when your side and theirs each sent one of its records written by a person.
        if (thread !== NO_THREAD && !automated && entry & SENT) threadBits[thread] |= link & OWN ? 1 : 2;
      }
      if (!automated && !linked) unlinked += 1;
      start = end;
    }
    let twoWay = 0;
    for (let t = 0; t < this.threads; t++) if (threadBits[t] === 3) twoWay += 1;
    return { records: this.records, threads: this.threads, twoWayThreads: twoWay, meetings: this.meetings, calls: this.calls, unlinked };
  }

  /**
   * OWN / HAS_PERSON of every contact met that has either: the import's own contacts, found among
   * its id range (nearly all are linked to no one), and the older ones it met, by id.
   */
  private finalLinks(db: Db): Map<number, number> {
    const links = new Map<number, number>();
    const bits = (own: number, person: number) => (own ? OWN : 0) | (person ? HAS_PERSON : 0);
    const created = db
      .prepare(`SELECT id, status = 'own', person_id IS NOT NULL FROM contacts WHERE id >= ? AND (status = 'own' OR person_id IS NOT NULL)`)
      .raw()
      .all(this.firstNewContactId) as [number, number, number][];
    for (const [id, own, person] of created) links.set(id, bits(own, person));
    // A later export of the same mailbox meets tens of thousands of them: read a chunk a statement.
    const older = [...this.older];
    const byIds = new RowChunks(db, 64, (n) => `SELECT id, status = 'own', person_id IS NOT NULL FROM contacts WHERE id IN (${new Array(n).fill('?').join(', ')})`);
    byIds.each(older.length, (start, n) => {
      for (const [id, own, person] of byIds.statement(n).raw().all(older.slice(start, start + n)) as [number, number, number][]) links.set(id, bits(own, person));
    });
    return links;
  }
}
