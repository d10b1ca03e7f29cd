// Thread keys for mail: Gmail's X-GM-THRID, else the reply chain's root, else normalised subject and people.
import { createHash } from 'node:crypto';

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

/** Short fresh string: keeps map keys from pinning whole header strings in memory. */
function digest(text: string): string {
  return createHash('sha1').update(text).digest('base64url').slice(0, 20);
}

/**
 * 52 bits of the same hash as a number: a million message-ids fit in a Map<number, number> at a
 * fraction of the memory strings take (a collision, about one in 10^9 per pair, only merges two threads).
 */
function digestNumber(text: string): number {
  return parseInt(createHash('sha1').update(text).digest('hex').slice(0, 13), 16);
}

/** Message-ids between angle brackets, in order; a bare id when no brackets are written. */
export function parseMessageIds(raw: string | undefined): string[] {
  if (!raw) return [];
  const ids = [...raw.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]);
  if (ids.length === 0 && raw.trim() && !/\s/.test(raw.trim())) ids.push(raw.trim());
  return ids;
}

/**
 * Remembers each message-id's thread key while a mailbox streams past. A reply whose parent was
 * seen takes the parent's key; one whose ancestors were never seen is keyed by the oldest
 * ancestor, so later siblings and the ancestor itself agree with it. (A reply that arrives before its parent, with only
 * In-Reply-To, can start a second thread: accepted, it needs the whole file in memory to avoid.)
 */
export class MailThreads {
  /** Every message-id seen (as a number), for duplicates: a 2 GB mailbox holds a million of them. */
  private readonly seen = new Set<number>();
  /**
   * message-id digest → index of its thread key in `keys`, only for messages without Gmail's thread
   * id: a Gmail reply carries the thread id itself, so a Takeout archive needs none of this.
   */
  private readonly byId = new Map<number, number>();
  private readonly keys: string[] = [];
  private readonly keyIndex = new Map<string, number>();
  /** Oldest ancestors that keyed a thread before the ancestor itself was seen. */
  private readonly pendingRoots = new Set<number>();

  has(messageId: string): boolean {
    return this.seen.has(digestNumber(messageId));
  }

  private threadOf(messageId: string): string | undefined {
    const index = this.byId.get(digestNumber(messageId));
    return index === undefined ? undefined : this.keys[index];
  }

  private remember(messageId: string, key: string): void {
    let index = this.keyIndex.get(key);
    if (index === undefined) {
      index = this.keys.push(key) - 1;
      this.keyIndex.set(key, index);
    }
    this.byId.set(digestNumber(messageId), index);
  }

  assign(clues: ThreadClues): string {
    let key: string | undefined;
    if (clues.gmailThreadId) key = `mbox:gm:${clues.gmailThreadId.trim()}`;
    if (!key) {
      for (let i = clues.ancestors.length - 1; i >= 0 && !key; i--) key = this.threadOf(clues.ancestors[i]);
      if (!key && clues.ancestors.length > 0) {
        this.pendingRoots.add(digestNumber(clues.ancestors[0]));
        key = `mbox:ref:${digest(clues.ancestors[0])}`;
      }
    }
    if (!key && clues.messageId && this.pendingRoots.has(digestNumber(clues.messageId))) key = `mbox:ref:${digest(clues.messageId)}`;
    if (!key) {
      const people = [...new Set(clues.addresses.map((a) => a.toLowerCase()))].sort().join(',');
      key = `mbox:subj:${digest(`${normaliseSubject(clues.subject ?? '')}|${people}`)}`;
    }
    if (clues.messageId) {
      this.seen.add(digestNumber(clues.messageId));
      if (!clues.gmailThreadId) this.remember(clues.messageId, key);
    }
    return key;
  }
}
