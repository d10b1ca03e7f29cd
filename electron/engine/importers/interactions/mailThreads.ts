// Thread keys for mail: Gmail's X-GM-THRID, else the reply chain's root, else normalised subject and people.
import { createHash } from 'node:crypto';
import { DigestMap, DigestSet, StringDigest } from './digestTable';

export interface ThreadClues {
  messageId?: string;
  gmailThreadId?: string;
  /** References then In-Reply-To, oldest first. */
  ancestors: string[];
  subject?: string;
  addresses: string[];
}

const REPLY_PREFIX = /^\s*(?:\[[^\]]*\]\s*)?(?:re|fwd?|fw|aw|wg|sv|vs|tr|antw|rif|res|enc|ref)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*/i;

/** Strips reply/forward prefixes (Re:, Fwd:, AW:, SV:, TR:, …), case and extra whitespace. */
export function normaliseSubject(subject: string): string {
  let s = subject;
  for (let before = ''; before !== s; ) {
    before = s;
    s = s.replace(REPLY_PREFIX, '');
  }
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The 15 bytes of a SHA-1 that spell a thread key (`mbox:ref:` or `mbox:subj:` and 20 base64url characters). */
function keyBytes(text: string): Buffer {
  return createHash('sha1').update(text).digest().subarray(0, KEY_BYTES);
}

const KEY_BYTES = 15;
const REF = 0;
const SUBJ = 1;

/** Thread keys of mail without Gmail's thread id, 16 bytes each (kind, digest) instead of a string each. */
class ThreadKeyPool {
  private bytes = new Uint8Array(16 * 1024);
  private count = 0;

  add(kind: typeof REF | typeof SUBJ, digest: Buffer): number {
    if ((this.count + 1) * 16 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    const at = this.count * 16;
    this.bytes[at] = kind;
    this.bytes.set(digest, at + 1);
    return this.count++;
  }

  key(index: number): string {
    const at = index * 16;
    const digest = Buffer.from(this.bytes.buffer, this.bytes.byteOffset + at + 1, KEY_BYTES).toString('base64url');
    return `mbox:${this.bytes[at] === SUBJ ? 'subj' : 'ref'}:${digest}`;
  }
}

const BRACKETED_ID = /<[^<>\s]+>/;

/**
 * What `/<([^<>\s]+)>/` captures, found by `search` (no match array and capture strings): the match
 * ends at the first `>` after its start, as its middle cannot hold one.
 */
function firstBracketed(raw: string): string | undefined {
  const at = raw.search(BRACKETED_ID);
  return at === -1 ? undefined : raw.slice(at + 1, raw.indexOf('>', at));
}

/** The first of `parseMessageIds`, without gathering the rest. */
export function firstMessageId(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const bracketed = firstBracketed(raw);
  if (bracketed !== undefined) return bracketed;
  const bare = raw.trim();
  return bare && !/\s/.test(bare) ? bare : undefined;
}

/** Message-ids between angle brackets, in order; a bare id when no brackets are written. */
export function parseMessageIds(raw: string | undefined): string[] {
  if (!raw) return [];
  const ids = [...raw.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]);
  if (ids.length === 0 && raw.trim() && !/\s/.test(raw.trim())) ids.push(raw.trim());
  return ids;
}

/**
 * Remembers each message-id's thread while a mailbox streams past. A reply whose parent was seen
 * takes the parent's key; one whose ancestors were never seen is keyed by the oldest ancestor, so
 * later siblings and the ancestor itself agree with it. (A reply that arrives before its parent,
 * with only In-Reply-To, can start a second thread: accepted, it needs the whole file in memory to
 * avoid.) Message-ids are kept as 63-bit digests in typed arrays: a digest collision, about one in
 * 10^7 for a million messages, would skip one message as a duplicate or merge two threads.
 */
export class MailThreads {
  private readonly d = new StringDigest();
  /** Message-ids of the messages with Gmail's thread id, for duplicates: a 2 GB Takeout holds a million. */
  private readonly seen = new DigestSet();
  /**
   * message-id → its thread key in `keys`, for the messages without Gmail's thread id (a Gmail reply
   * carries the thread id itself); these count as seen too. Each id sits in one table only.
   */
  private readonly byId = new DigestMap();
  /** Oldest ancestors that keyed a thread before the ancestor itself was seen → that key. */
  private readonly pendingRoots = new DigestMap();
  private readonly keys = new ThreadKeyPool();

  has(messageId: string): boolean {
    const d = this.d.of(messageId);
    return this.seen.has(d) || this.byId.get(d) !== undefined;
  }

  assign(clues: ThreadClues): string {
    const { messageId, ancestors } = clues;
    const d = this.d;
    if (clues.gmailThreadId) {
      if (messageId) this.seen.add(d.of(messageId));
      return `mbox:gm:${clues.gmailThreadId.trim()}`;
    }
    let index: number | undefined;
    for (let i = ancestors.length - 1; i >= 0 && index === undefined; i--) index = this.byId.get(d.of(ancestors[i]));
    if (index === undefined && ancestors.length > 0) {
      index = this.pendingRoots.get(d.of(ancestors[0]));
      if (index === undefined) {
        index = this.keys.add(REF, keyBytes(ancestors[0]));
        this.pendingRoots.set(d, index);
      }
    }
    if (index === undefined && messageId) index = this.pendingRoots.get(d.of(messageId));
    if (index === undefined) {
      const people = [...new Set(clues.addresses.map((a) => a.toLowerCase()))].sort().join(',');
      index = this.keys.add(SUBJ, keyBytes(`${normaliseSubject(clues.subject ?? '')}|${people}`));
    }
    if (messageId) this.byId.set(d.of(messageId), index);
    return this.keys.key(index);
  }
}
