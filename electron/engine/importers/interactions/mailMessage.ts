// Turning one mail message's headers into an email interaction record (participants, thread, automation).
import { createHash } from 'node:crypto';
import type { InteractionRecord, ParticipantRecord } from '../../../../shared/domain/records';
import { parseInstant } from '../../../../shared/parse/dates';
import { parseAddressList, type MailAddress } from './mailAddresses';
import { MailThreads, parseMessageIds } from './mailThreads';
import { decodeEncodedWords } from './rfc2047';

/** Lower-case header names whose values the parser reads; every other header is skipped undecoded. */
export const WANTED_HEADERS = new Set([
  'from', 'sender', 'to', 'cc', 'date', 'subject', 'message-id', 'in-reply-to', 'references',
  'x-gm-thrid', 'x-gmail-labels', 'delivered-to', 'list-id', 'list-unsubscribe', 'precedence', 'auto-submitted',
]);

export type MailHeaders = Map<string, string>;

export type MailOutcome = { record: InteractionRecord } | { skip: string };

const ROBOT_LOCAL =
  /(?:^|[._+-])(?:no-?reply|do-?not-?reply|donotreply|notifications?|notify|mailer-daemon|bounces?|postmaster)(?:[._+-]|$)|^bounce/i;

function gmailLabels(raw: string | undefined): string[] {
  if (!raw) return [];
  return raw.split(',').map((l) => l.trim().replace(/^"|"$/g, '').toLowerCase());
}

export function isRobotAddress(email: string | undefined): boolean {
  if (!email) return false;
  const local = email.slice(0, email.lastIndexOf('@'));
  return ROBOT_LOCAL.test(local);
}

function isAutomated(h: MailHeaders, from: MailAddress[]): boolean {
  if (h.has('list-id') || h.has('list-unsubscribe')) return true;
  const precedence = h.get('precedence')?.trim().toLowerCase();
  if (precedence === 'bulk' || precedence === 'list' || precedence === 'junk') return true;
  const auto = h.get('auto-submitted')?.trim().toLowerCase();
  if (auto && !auto.startsWith('no')) return true;
  return from.some((a) => isRobotAddress(a.email));
}

function participantsOf(from: MailAddress[], to: MailAddress[], cc: MailAddress[]): ParticipantRecord[] {
  const out: ParticipantRecord[] = [];
  const seen = new Set<string>();
  const add = (list: MailAddress[], role: 'from' | 'to' | 'cc'): void => {
    for (const a of list) {
      const key = a.email ? a.email.toLowerCase() : `name:${a.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const p: ParticipantRecord = { role, isSender: role === 'from' };
      if (a.name) p.name = a.name;
      if (a.email) p.email = a.email;
      out.push(p);
    }
  };
  add(from, 'from');
  add(to, 'to');
  add(cc, 'cc');
  return out;
}

/** The date on the `From ` separator line: `From sender Fri Jan 26 17:31:47 +0000 2024`. */
function envelopeDate(envelope: string): string | null {
  const rest = envelope.replace(/^From\s+\S+\s+/, '');
  return rest ? parseInstant(rest) : null;
}

export function buildMailRecord(h: MailHeaders, envelope: string, line: number, threads: MailThreads): MailOutcome {
  const labels = gmailLabels(h.get('x-gmail-labels'));
  if (labels.includes('spam') || labels.includes('trash')) return { skip: 'spam or trash' };
  if (labels.includes('draft') || labels.includes('drafts')) return { skip: 'draft' };
  const dateRaw = h.get('date');
  const occurredAt = (dateRaw ? parseInstant(dateRaw) : null) ?? envelopeDate(envelope);
  if (!occurredAt) return { skip: dateRaw ? `unreadable date "${dateRaw.slice(0, 60)}"` : 'no date' };

  let from = parseAddressList(h.get('from'));
  if (from.length === 0) from = parseAddressList(h.get('sender'));
  const to = parseAddressList(h.get('to'));
  const cc = parseAddressList(h.get('cc'));
  if (from.length + to.length + cc.length === 0) return { skip: 'no sender or recipient' };

  const messageId = parseMessageIds(h.get('message-id'))[0];
  if (messageId && threads.has(messageId)) return { skip: 'duplicate Message-ID' };
  const subject = h.has('subject') ? decodeEncodedWords(h.get('subject')!).replace(/\s+/g, ' ').trim() : undefined;
  const participants = participantsOf(from, to, cc);
  const ancestors = [...parseMessageIds(h.get('references'))];
  const parent = parseMessageIds(h.get('in-reply-to'))[0];
  if (parent && ancestors[ancestors.length - 1] !== parent) ancestors.push(parent);
  const threadKey = threads.assign({
    messageId,
    gmailThreadId: h.get('x-gm-thrid')?.trim() || undefined,
    ancestors,
    subject,
    addresses: participants.map((p) => p.email ?? p.name ?? ''),
  });
  const sourceKey = messageId
    ? `mbox:${messageId}`
    : `mbox:h:${createHash('sha1').update(`${occurredAt}\n${h.get('from') ?? ''}\n${subject ?? ''}`).digest('hex').slice(0, 24)}`;

  const record: InteractionRecord = {
    line,
    sourceKey,
    kind: labels.includes('chat') ? 'message' : 'email',
    occurredAt,
    threadKey,
    participants,
  };
  if (subject) record.subject = subject.length > 500 ? subject.slice(0, 500) : subject;
  if (isAutomated(h, from)) record.automated = true;
  return { record };
}
