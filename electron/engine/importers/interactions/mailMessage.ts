// Turning one mail message's headers into an email interaction record (participants, thread, automation).
import { createHash } from 'node:crypto';
import type { InteractionRecord, ParticipantRecord } from '../../../../shared/domain/records';
import { parseInstant } from '../../../../shared/parse/dates';
import { mailInstant } from './mailDate';
import type { AddressListCache, ParsedAddresses } from './mailAddresses';
import { firstMessageId, MailThreads, parseMessageIds } from './mailThreads';
import { decodeEncodedWords } from './rfc2047';

export { isRobotAddress } from './mailAddresses';
export { mailInstant } from './mailDate';

/** Lower-case header names whose values the parser reads; every other header is skipped undecoded. */
export const WANTED_HEADERS = [
  'from', 'sender', 'to', 'cc', 'date', 'subject', 'message-id', 'in-reply-to', 'references',
  'x-gm-thrid', 'x-gmail-labels', 'delivered-to', 'list-id', 'list-unsubscribe', 'precedence', 'auto-submitted',
] as const;

// Each wanted header's slot in MailHeaders: its place in WANTED_HEADERS.
const FROM = 0, SENDER = 1, TO = 2, CC = 3, DATE = 4, SUBJECT = 5, MESSAGE_ID = 6, IN_REPLY_TO = 7, REFERENCES = 8;
const GM_THRID = 9, GMAIL_LABELS = 10, LIST_ID = 12, LIST_UNSUBSCRIBE = 13, PRECEDENCE = 14, AUTO_SUBMITTED = 15;
export const DELIVERED_TO = 11;

/** One message's wanted header values by slot (undefined: the header is absent), reused from message to message. */
export type MailHeaders = (string | undefined)[];

export function newMailHeaders(): MailHeaders {
  return new Array<string | undefined>(WANTED_HEADERS.length).fill(undefined);
}

export type MailOutcome = { record: InteractionRecord } | { skip: string };

const FLAG_LABELS = ['spam', 'trash', 'draft', 'drafts', 'chat'];
const FLAG_HINT = /spam|trash|draft|chat/i;
const NO_FLAGS: readonly string[] = [];

/** The few Gmail labels that decide anything (spam, trash, draft(s), chat), lower case; [] for the rest. */
function gmailFlags(raw: string | undefined): readonly string[] {
  if (!raw || !FLAG_HINT.test(raw)) return NO_FLAGS;
  return raw
    .split(',')
    .map((l) => l.trim().replace(/^"|"$/g, '').toLowerCase())
    .filter((l) => FLAG_LABELS.includes(l));
}

function isAutomated(h: MailHeaders, from: ParsedAddresses): boolean {
  if (h[LIST_ID] !== undefined || h[LIST_UNSUBSCRIBE] !== undefined) return true;
  const precedence = h[PRECEDENCE]?.trim().toLowerCase();
  if (precedence === 'bulk' || precedence === 'list' || precedence === 'junk') return true;
  const auto = h[AUTO_SUBMITTED]?.trim().toLowerCase();
  if (auto && !auto.startsWith('no')) return true;
  return from.robot;
}

/**
 * `{ role, isSender, name?, email? }`, each shape written as one literal: properties added after
 * creation would each cost the object a separate, larger property store.
 */
function participant(role: 'from' | 'to' | 'cc', name: string | undefined, email: string | undefined): ParticipantRecord {
  const isSender = role === 'from';
  if (name) return email ? { role, isSender, name, email } : { role, isSender, name };
  return email ? { role, isSender, email } : { role, isSender };
}

/**
 * The participants and their keys so far, reused from message to message (a message names a
 * handful): counted here, as emptying an array by its length gives its room back.
 */
const seenKeys: string[] = [];
const taken: ParticipantRecord[] = [];
let takenCount = 0;

function addParticipants({ list, keys }: ParsedAddresses, role: 'from' | 'to' | 'cc'): void {
  next: for (let i = 0; i < list.length; i++) {
    const key = keys[i];
    for (let k = 0; k < takenCount; k++) if (seenKeys[k] === key) continue next;
    const a = list[i];
    seenKeys[takenCount] = key;
    taken[takenCount++] = participant(role, a.name, a.email);
  }
}

function participantsOf(from: ParsedAddresses, to: ParsedAddresses, cc: ParsedAddresses): ParticipantRecord[] {
  takenCount = 0;
  addParticipants(from, 'from');
  addParticipants(to, 'to');
  addParticipants(cc, 'cc');
  // An array of exactly their number (one grown by push keeps room for 17).
  return taken.slice(0, takenCount);
}

/** The date on the `From ` separator line: `From sender Fri Jan 26 17:31:47 +0000 2024`. */
function envelopeDate(envelope: string): string | null {
  const rest = envelope.replace(/^From\s+\S+\s+/, '');
  return rest ? parseInstant(rest) : null;
}

/** Whitespace other than a single space: the only text `replace(/\s+/g, ' ')` would change. */
const UNTIDY_SPACE = /\s\s|[^\S ]/;

function tidySubject(raw: string): string {
  const decoded = decodeEncodedWords(raw);
  return (UNTIDY_SPACE.test(decoded) ? decoded.replace(/\s+/g, ' ') : decoded).trim();
}

function addressOf(p: ParticipantRecord): string {
  return p.email ?? p.name ?? '';
}

/** References then In-Reply-To, oldest first. */
function ancestorsOf(h: MailHeaders): string[] {
  const ancestors = parseMessageIds(h[REFERENCES]);
  const parent = firstMessageId(h[IN_REPLY_TO]);
  if (parent && ancestors[ancestors.length - 1] !== parent) ancestors.push(parent);
  return ancestors;
}

/**
 * One message's record, or why it is skipped. `envelope` gives the `From ` line, read only when the
 * Date header does not do; `addresses` parses (and remembers) address headers.
 */
export function buildMailRecord(h: MailHeaders, envelope: () => string, line: number, threads: MailThreads, addresses: AddressListCache): MailOutcome {
  const labels = gmailFlags(h[GMAIL_LABELS]);
  if (labels.includes('spam') || labels.includes('trash')) return { skip: 'spam or trash' };
  if (labels.includes('draft') || labels.includes('drafts')) return { skip: 'draft' };
  const dateRaw = h[DATE];
  const occurredAt = (dateRaw ? mailInstant(dateRaw) : null) ?? envelopeDate(envelope());
  if (!occurredAt) return { skip: dateRaw ? `unreadable date "${dateRaw.slice(0, 60)}"` : 'no date' };

  let from = addresses.get(h[FROM]);
  if (from.list.length === 0) from = addresses.get(h[SENDER]);
  const to = addresses.get(h[TO]);
  const cc = addresses.get(h[CC]);
  if (from.list.length + to.list.length + cc.list.length === 0) return { skip: 'no sender or recipient' };

  const messageId = firstMessageId(h[MESSAGE_ID]);
  if (messageId && threads.has(messageId)) return { skip: 'duplicate Message-ID' };
  const subject = h[SUBJECT] !== undefined ? tidySubject(h[SUBJECT]) : undefined;
  const participants = participantsOf(from, to, cc);
  const gmailThreadId = h[GM_THRID]?.trim() || undefined;
  // Gmail's own thread id decides alone: no reply chain or people to gather.
  const threadKey = threads.assign(
    gmailThreadId
      ? { messageId, gmailThreadId, ancestors: [], addresses: [] }
      : { messageId, ancestors: ancestorsOf(h), subject, addresses: participants.map(addressOf) },
  );
  const sourceKey = messageId
    ? `mbox:${messageId}`
    : `mbox:h:${createHash('sha1').update(`${occurredAt}\n${h[FROM] ?? ''}\n${subject ?? ''}`).digest('hex').slice(0, 24)}`;

  const kind = labels.includes('chat') ? 'message' : 'email';
  const automated = isAutomated(h, from);
  // Each shape as one literal (see participant); the keys in the same order as ever.
  if (!subject) return { record: automated ? { line, sourceKey, kind, occurredAt, threadKey, participants, automated } : { line, sourceKey, kind, occurredAt, threadKey, participants } };
  const cut = subject.length > 500 ? subject.slice(0, 500) : subject;
  return {
    record: automated
      ? { line, sourceKey, kind, occurredAt, threadKey, participants, subject: cut, automated }
      : { line, sourceKey, kind, occurredAt, threadKey, participants, subject: cut },
  };
}
