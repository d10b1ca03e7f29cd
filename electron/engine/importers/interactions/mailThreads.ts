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
  private readonly byId = new Map<string, string>();
  /** Oldest ancestors that keyed a thread before the ancestor itself was seen. */
  private readonly pendingRoots = new Set<string>();

  has(messageId: string): boolean {
    return this.byId.has(digest(messageId));
  }

  assign(clues: ThreadClues): string {
    let key: string | undefined;
    if (clues.gmailThreadId) key = `mbox:gm:${clues.gmailThreadId.trim()}`;
    if (!key) {
      for (let i = clues.ancestors.length - 1; i >= 0 && !key; i--) key = this.byId.get(digest(clues.ancestors[i]));
      if (!key && clues.ancestors.length > 0) {
        const root = digest(clues.ancestors[0]);
        this.pendingRoots.add(root);
        key = `mbox:ref:${root}`;
      }
    }
    if (!key && clues.messageId) {
      const own = digest(clues.messageId);
      if (this.pendingRoots.has(own)) key = `mbox:ref:${own}`;
    }
    if (!key) {
      const people = [...new Set(clues.addresses.map((a) => a.toLowerCase()))].sort().join(',');
      key = `mbox:subj:${digest(`${normaliseSubject(clues.subject ?? '')}|${people}`)}`;
    }
    if (clues.messageId) this.byId.set(digest(clues.messageId), key);
    return key;
  }
}
