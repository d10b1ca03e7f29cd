// Interaction records as the writing thread takes them: a few typed arrays and one string per batch
// (InteractionEncoder builds it where the file is parsed), each participant already normalised to
// its contact, so that the writer only binds values and looks up ids.
import type { InteractionRecord } from '../../../shared/domain/records';
import { contactOfParticipant, type ContactIdentity } from '../store/identityKeys';
import { DigestMap, StringDigest } from '../importers/interactions/digestTable';

/** Strings of a record in `text`, in this order. */
export const RECORD_STRINGS = 7;
export const SOURCE_KEY = 0;
export const KIND = 1;
export const OCCURRED_AT = 2;
export const THREAD_KEY = 3;
export const SUBJECT = 4;
export const LOCATION = 5;
export const NOTE = 6;
/** Strings of a contact in `text`, after every record's: key, name, email, profile URL, phone, name key. */
export const CONTACT_STRINGS = 6;

/** Bits of `flags`. */
export const HAS_THREAD = 1;
export const NOT_CONNECTED = 2;
export const AUTOMATED = 4;
/** Bits of `participantFlags`. */
export const SENDER = 1;
export const DECLINED = 2;

/**
 * A batch of interaction records. Posted between threads it is a flat copy of one string and a
 * transfer of its buffers, where JSON (or a structured clone of one object per record) had the
 * writing thread rebuild every record field by field.
 */
export interface EncodedInteractions {
  count: number;
  /** Every string, back to back: the records' (RECORD_STRINGS each), then the contacts' (CONTACT_STRINGS each). */
  text: string;
  /** Where each string of `text` ends (it starts where the previous one ends). */
  ends: Int32Array;
  /** Per record: durationSec, othersCount (NaN: absent). */
  numbers: Float64Array;
  /** Per record: HAS_THREAD, NOT_CONNECTED, AUTOMATED bits. */
  flags: Uint8Array;
  /** Record r's participants are firstParticipant[r] … firstParticipant[r + 1] - 1. */
  firstParticipant: Int32Array;
  /** Per participant: the digest of its identity as written (hi, lo), the writer's cache key. */
  rawDigest: Uint32Array;
  /** Per participant: its contact in this batch's contact table, -1 when it has no usable identity. */
  contactRef: Int32Array;
  /** Per participant: its role, an index into `roles`. */
  role: Uint8Array;
  /** Per participant: SENDER, DECLINED bits. */
  participantFlags: Uint8Array;
  roles: string[];
  /** Per contact of the table: the digest of its key (hi, lo). */
  keyDigest: Uint32Array;
}

/** The buffer to transfer with a batch: every array of it is a view of one (not used again where it was built). */
export function transferablesOf(b: EncodedInteractions): ArrayBuffer[] {
  return [b.numbers.buffer as ArrayBuffer];
}

/** String `i` of a batch. */
export function stringAt(b: EncodedInteractions, i: number): string {
  return b.text.slice(i === 0 ? 0 : b.ends[i - 1], b.ends[i]);
}

export function contactAt(b: EncodedInteractions, ref: number): ContactIdentity {
  const base = b.count * RECORD_STRINGS + ref * CONTACT_STRINGS;
  return {
    key: stringAt(b, base),
    name: stringAt(b, base + 1),
    email: stringAt(b, base + 2),
    profileUrl: stringAt(b, base + 3),
    phone: stringAt(b, base + 4),
    nameKey: stringAt(b, base + 5),
  };
}

/** Raw identities whose normalised contact the encoder keeps before it starts again: 8,192 took the bench mbox import to 246 MB RSS, 65,536 to 294 MB. */
const NORMALISED_LIMIT = 1 << 13;

/**
 * Builds EncodedInteractions from records. Each distinct identity as written is normalised once
 * (an archive's senders repeat on thousands of messages) and enters a batch's contact table once.
 */
export class InteractionEncoder {
  private readonly digest = new StringDigest();
  private readonly normalisedIndex = new DigestMap();
  private normalised: (ContactIdentity | null)[] = [];
  /** Per normalised index: the batch (by number) whose table holds it, and where. */
  private readonly inBatch = new Int32Array(NORMALISED_LIMIT).fill(-1);
  private readonly tableSlot = new Int32Array(NORMALISED_LIMIT);
  private batchNumber = 0;

  encode(records: InteractionRecord[]): EncodedInteractions {
    this.batchNumber++;
    const count = records.length;
    let participants = 0;
    for (const r of records) participants += r.participants.length;
    // One buffer holds every array (one allocation, one transfer); the contact table's share is sized
    // for a contact per participant and cut to what it holds.
    const strings = count * RECORD_STRINGS + participants * CONTACT_STRINGS;
    let size = 0;
    const take = (bytes: number) => {
      const at = size;
      size += Math.ceil(bytes / 8) * 8;
      return at;
    };
    const at = [count * 16, strings * 4, (count + 1) * 4, participants * 8, participants * 4, participants * 8, count, participants, participants].map(take);
    const buffer = new ArrayBuffer(size);
    const numbers = new Float64Array(buffer, at[0], count * 2);
    const ends = new Int32Array(buffer, at[1], strings);
    const firstParticipant = new Int32Array(buffer, at[2], count + 1);
    const rawDigest = new Uint32Array(buffer, at[3], participants * 2);
    const contactRef = new Int32Array(buffer, at[4], participants);
    const keyDigest = new Uint32Array(buffer, at[5], participants * 2);
    const flags = new Uint8Array(buffer, at[6], count);
    const role = new Uint8Array(buffer, at[7], participants);
    const participantFlags = new Uint8Array(buffer, at[8], participants);
    const parts: string[] = [];
    let end = 0;
    const push = (s: string) => {
      ends[parts.length] = end += s.length;
      parts.push(s);
    };
    const roles: string[] = [];
    const table: ContactIdentity[] = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
      const r = records[i];
      push(r.sourceKey);
      push(r.kind);
      push(r.occurredAt);
      push(r.threadKey ?? '');
      push(r.subject ?? '');
      push(r.location ?? '');
      push(r.note ?? '');
      numbers[i * 2] = r.durationSec ?? Number.NaN;
      numbers[i * 2 + 1] = r.othersCount ?? Number.NaN;
      flags[i] = (r.threadKey != null ? HAS_THREAD : 0) | (r.connected === false ? NOT_CONNECTED : 0) | (r.automated ? AUTOMATED : 0);
      firstParticipant[i] = p;
      for (const x of r.participants) {
        // The writer's cache key for an identity as written (contactResolver.ts keeps the caches it always had).
        this.digest.ofJoined(x.name ?? '', x.email ?? '', x.profileUrl ?? '', x.phone ?? '');
        rawDigest[p * 2] = this.digest.hi;
        rawDigest[p * 2 + 1] = this.digest.lo;
        let n = this.normalisedIndex.get(this.digest);
        if (n === undefined) {
          if (this.normalised.length >= NORMALISED_LIMIT) this.startAgain();
          n = this.normalised.length;
          this.normalised.push(contactOfParticipant(x));
          this.normalisedIndex.set(this.digest, n);
        }
        const contact = this.normalised[n];
        if (contact === null) contactRef[p] = -1;
        else {
          if (this.inBatch[n] !== this.batchNumber) {
            this.inBatch[n] = this.batchNumber;
            this.tableSlot[n] = table.length;
            this.digest.of(contact.key);
            keyDigest[table.length * 2] = this.digest.hi;
            keyDigest[table.length * 2 + 1] = this.digest.lo;
            table.push(contact);
          }
          contactRef[p] = this.tableSlot[n];
        }
        let roleIndex = roles.indexOf(x.role);
        if (roleIndex < 0) roleIndex = roles.push(x.role) - 1;
        role[p] = roleIndex;
        participantFlags[p] = (x.isSender ? SENDER : 0) | (x.declined ? DECLINED : 0);
        p++;
      }
    }
    firstParticipant[count] = p;
    for (const c of table) {
      push(c.key);
      push(c.name);
      push(c.email);
      push(c.profileUrl);
      push(c.phone);
      push(c.nameKey);
    }
    return {
      count,
      text: parts.join(''),
      ends: ends.subarray(0, parts.length),
      numbers,
      flags,
      firstParticipant,
      rawDigest,
      contactRef,
      role,
      participantFlags,
      roles,
      keyDigest: keyDigest.subarray(0, table.length * 2),
    };
  }

  /** Forgets every normalised identity; this batch's table slots are forgotten with them (an identity may then enter it twice). */
  private startAgain(): void {
    this.normalisedIndex.clear();
    this.normalised = [];
    this.inBatch.fill(-1);
  }
}
