// Turning one mail message's headers into an email interaction record (participants, thread, automation).
import { createHash } from 'node:crypto';
import type { InteractionRecord, ParticipantRecord } from '../../../../shared/domain/records';
import { parseInstant } from '../../../../shared/parse/dates';
import { parseAddressList, type MailAddress } from './mailAddresses';
import { firstMessageId, MailThreads, parseMessageIds } from './mailThreads';
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

const FLAG_LABELS = ['spam', 'trash', 'draft', 'drafts', 'chat'];
const FLAG_HINT = /spam|trash|draft|chat/i;

/** The few Gmail labels that decide anything (spam, trash, draft(s), chat), lower case; [] for the rest. */
function gmailFlags(raw: string | undefined): string[] {
  if (!raw || !FLAG_HINT.test(raw)) return [];
  return raw
    .split(',')
    .map((l) => l.trim().replace(/^"|"$/g, '').toLowerCase())
    .filter((l) => FLAG_LABELS.includes(l));
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

function addParticipants(out: ParticipantRecord[], seen: Set<string>, list: MailAddress[], role: 'from' | 'to' | 'cc'): void {
  for (const a of list) {
    const key = a.email ? a.email.toLowerCase() : `name:${a.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const p: ParticipantRecord = { role, isSender: role === 'from' };
    if (a.name) p.name = a.name;
    if (a.email) p.email = a.email;
    out.push(p);
  }
}

function participantsOf(from: MailAddress[], to: MailAddress[], cc: MailAddress[]): ParticipantRecord[] {
  const out: ParticipantRecord[] = [];
  const seen = new Set<string>();
  addParticipants(out, seen, from, 'from');
  addParticipants(out, seen, to, 'to');
  addParticipants(out, seen, cc, 'cc');
  return out;
}

const MONTH_NAMES = 'JanFebMarAprMayJunJulAugSepOctNovDec';
const RFC5322_DATE =
  /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})(?: \([A-Za-z0-9 +:-]*\))?$/;
const DAY_MS = 86_400_000;

function daysInMonth(y: number, mo: number): number {
  if (mo === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** `YYYY-MM-DDTHH:MM:SSZ` of epoch milliseconds in 1900–2999, without a Date (civil-from-days, H. Hinnant). */
function isoSeconds(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  let rest = (ms - days * DAY_MS) / 1000;
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const mi = Math.floor(rest / 60);
  const sec = rest - mi * 60;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mo = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (mo <= 2 ? 1 : 0);
  return `${y}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(sec)}Z`;
}

/**
 * The instant of a Date header, reading the form nearly every mailer writes
 * (`Sat, 20 Mar 2004 19:09:55 +0700 (ICT)`) directly and anything else with `parseInstant`;
 * both give the same answer where both apply.
 */
export function mailInstant(raw: string): string | null {
  const m = raw.length <= 100 ? RFC5322_DATE.exec(raw) : null;
  if (!m) return parseInstant(raw);
  const d = +m[1], mo = MONTH_NAMES.indexOf(m[2]) / 3 + 1, y = +m[3], h = +m[4], mi = +m[5], sec = +m[6], oh = +m[8], om = +m[9];
  if (y < 1900 || y > 2998 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || sec > 59 || oh > 14 || om > 59) {
    return parseInstant(raw);
  }
  const offset = (m[7] === '-' ? -1 : 1) * (oh * 60 + om);
  return isoSeconds(Date.UTC(y, mo - 1, d, h, mi, sec) - offset * 60_000);
}

/** The date on the `From ` separator line: `From sender Fri Jan 26 17:31:47 +0000 2024`. */
function envelopeDate(envelope: string): string | null {
  const rest = envelope.replace(/^From\s+\S+\s+/, '');
  return rest ? parseInstant(rest) : null;
}

function addressOf(p: ParticipantRecord): string {
  return p.email ?? p.name ?? '';
}

/** References then In-Reply-To, oldest first. */
function ancestorsOf(h: MailHeaders): string[] {
  const ancestors = parseMessageIds(h.get('references'));
  const parent = firstMessageId(h.get('in-reply-to'));
  if (parent && ancestors[ancestors.length - 1] !== parent) ancestors.push(parent);
  return ancestors;
}

export function buildMailRecord(h: MailHeaders, envelope: string, line: number, threads: MailThreads): MailOutcome {
  const labels = gmailFlags(h.get('x-gmail-labels'));
  if (labels.includes('spam') || labels.includes('trash')) return { skip: 'spam or trash' };
  if (labels.includes('draft') || labels.includes('drafts')) return { skip: 'draft' };
  const dateRaw = h.get('date');
  const occurredAt = (dateRaw ? mailInstant(dateRaw) : null) ?? envelopeDate(envelope);
  if (!occurredAt) return { skip: dateRaw ? `unreadable date "${dateRaw.slice(0, 60)}"` : 'no date' };

  let from = parseAddressList(h.get('from'));
  if (from.length === 0) from = parseAddressList(h.get('sender'));
  const to = parseAddressList(h.get('to'));
  const cc = parseAddressList(h.get('cc'));
  if (from.length + to.length + cc.length === 0) return { skip: 'no sender or recipient' };

  const messageId = firstMessageId(h.get('message-id'));
  if (messageId && threads.has(messageId)) return { skip: 'duplicate Message-ID' };
  const subject = h.has('subject') ? decodeEncodedWords(h.get('subject')!).replace(/\s+/g, ' ').trim() : undefined;
  const participants = participantsOf(from, to, cc);
  const gmailThreadId = h.get('x-gm-thrid')?.trim() || undefined;
  // Gmail's own thread id decides alone: no reply chain or people to gather.
  const threadKey = threads.assign(
    gmailThreadId
      ? { messageId, gmailThreadId, ancestors: [], addresses: [] }
      : { messageId, ancestors: ancestorsOf(h), subject, addresses: participants.map(addressOf) },
  );
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
