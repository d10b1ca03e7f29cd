// A Gmail Takeout mbox of a generated network, streamed in chunks, optionally padded with filler mail to a target size.
import type { GeneratedNetwork, MailThread, Message, Party } from './model';
import { encodedWord, mailbox, utf8Bytes, utf8Length } from './encoding';
import { coarseNameKey, companyPool } from './names';
import { Random } from './random';
import { NEWSLETTERS, NEWSLETTER_SUBJECTS } from './texts';
import { StrangerMaker } from './variants';

export interface MboxOptions {
  /** Keep adding filler mail (newsletters, one-way mail from strangers) until the archive has at least this many bytes. */
  targetBytes?: number;
  /** Add exactly this many filler messages (on top of any targetBytes padding). */
  fillerMessages?: number;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ZONES = [0, 60, 120, -480, -300, 330, 420];
const pad = (n: number): string => String(n).padStart(2, '0');

/** `Fri Jan 26 17:31:47 +0000 2024`: the separator's ctime with the zone before the year. */
function separatorDate(iso: string): string {
  const d = new Date(iso);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000 ${d.getUTCFullYear()}`;
}

/** RFC 5322 date in the sender's zone: `Fri, 26 Jan 2024 18:31:47 +0100`. */
function headerDate(iso: string, offsetMin: number): string {
  const d = new Date(Date.parse(iso) + offsetMin * 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

function quotedPrintable(line: string): string {
  let out = '';
  let width = 0;
  for (const b of utf8Bytes(line)) {
    const piece = b === 0x3d || b > 0x7e || (b < 0x20 && b !== 0x09) ? '=' + b.toString(16).toUpperCase().padStart(2, '0') : String.fromCharCode(b);
    if (width + piece.length > 75) {
      out += '=\r\n';
      width = 0;
    }
    out += piece;
    width += piece.length;
  }
  return out;
}

/** mboxrd escaping: a body line starting with "From " (or ">From ") gains one more ">". */
const escapeBody = (body: string): string => body.replace(/^(>*From )/gm, '>$1');

function addressList(parties: readonly Party[], form: 'B' | 'Q'): string {
  return parties.map((p) => mailbox(p.name, p.email ?? '', form)).join(',\r\n ');
}

class MessageWriter {
  constructor(private readonly rng: Random, private readonly owner: string) {}

  write(thread: MailThread, message: Message, ids: string[], index: number): string {
    const rng = this.rng;
    const mine = message.from.who === 'me';
    const form = rng.bool(0.5) ? 'B' : 'Q';
    const domain = mine ? 'mail.gmail.com' : (message.from.email ?? 'x@example.com').split('@')[1];
    const messageId = mine ? `<CA${rng.hex(10).toUpperCase()}+${rng.hex(24)}@mail.gmail.com>` : `<${rng.hex(16)}.${rng.hex(8)}@${domain}>`;
    ids.push(messageId);
    const labels = thread.automated
      ? rng.pick(['Inbox,Category Updates,Unread', 'Category Promotions,Unread', 'Archived,Category Updates,Opened'])
      : mine ? 'Sent' : rng.pick(['Inbox,Category Personal,Opened', 'Archived,Opened', 'Important,Inbox,Opened']);
    const subject = (index > 0 ? 'Re: ' : '') + thread.subject;
    const h: string[] = [
      `From ${message.id}@xxx ${separatorDate(message.at)}`,
      `X-GM-THRID: ${thread.threadId}`,
      `X-Gmail-Labels: ${labels}`,
    ];
    if (!mine) h.push(`Delivered-To: ${this.owner}`, `Received: by 2002:a05:6a10:${rng.hex(4)}:b0:${rng.hex(3)}:${rng.hex(4)} with SMTP id ${rng.hex(10)};`, `        ${headerDate(message.at, 0)} (UTC)`);
    h.push('MIME-Version: 1.0', `Date: ${headerDate(message.at, rng.pick(ZONES))}`, `Message-ID: ${messageId}`);
    if (index > 0) h.push(`In-Reply-To: ${ids[index - 1]}`, `References: ${ids.slice(Math.max(0, index - 3), index).join('\r\n ')}`);
    h.push(`Subject: ${encodedWord(subject, form)}`, `From: ${mailbox(message.from.name, message.from.email ?? '', form)}`, `To: ${addressList(message.to, form)}`);
    if (message.cc.length > 0) h.push(`Cc: ${addressList(message.cc, form)}`);
    if (thread.automated && thread.listId) h.push(`List-Id: <${thread.listId}>`, `List-Unsubscribe: <mailto:unsubscribe@${thread.listId}>, <https://${thread.listId}/unsubscribe>`);
    const lines = message.body;
    if (!thread.automated && rng.bool(0.3)) {
      const boundary = `000000000000${rng.hex(12)}`;
      h.push(`Content-Type: multipart/alternative; boundary="${boundary}"`);
      const text = lines.map(quotedPrintable).join('\r\n');
      const html = quotedPrintable(`<div dir="ltr">${message.body.join('<br>')}</div>`);
      return `${h.join('\r\n')}\r\n\r\n${escapeBody(`--${boundary}\r\nContent-Type: text/plain; charset="UTF-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${text}\r\n\r\n--${boundary}\r\nContent-Type: text/html; charset="UTF-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${html}\r\n\r\n--${boundary}--`)}\r\n\r\n`;
    }
    h.push('Content-Type: text/plain; charset="UTF-8"', 'Content-Transfer-Encoding: 8bit');
    return `${h.join('\r\n')}\r\n\r\n${escapeBody(lines.join('\r\n'))}\r\n\r\n`;
  }
}

/** Filler mail that links to nobody: newsletters and one-way mail from strangers whose names no connection has. */
function* fillerThreads(net: GeneratedNetwork, rng: Random): Generator<MailThread> {
  const keys = new Set(net.persons.map((p) => p.nameKey));
  const meName = net.me.name.split(' ');
  keys.add(coarseNameKey(meName[0], meName[meName.length - 1]));
  const strangers = new StrangerMaker(rng, keys, companyPool());
  const me: Party = { who: 'me', name: net.me.name, email: net.me.email };
  const end = Date.parse(net.asOf + 'T12:00:00Z');
  for (;;) {
    const at = new Date(end - rng.int(0, 5 * 365 * 86_400) * 1000).toISOString().replace('.000Z', 'Z');
    const id = String(BigInt(Date.parse(at)) * 1_048_576n + BigInt(rng.int(0, 1_048_575)));
    const newsletter = rng.bool(0.6);
    const letter = rng.pick(NEWSLETTERS);
    const from: Party = newsletter ? { who: 'stranger', name: letter.name, email: letter.email } : strangers.make();
    const body = newsletter
      ? Array.from({ length: rng.int(8, 30) }, () => 'Read the full story on our site. Top picks for you this week, curated by our editors.')
      : ['Hello,', '', 'I would like to introduce our services to your team.', 'From our experience, teams like yours save 20% of their time.', '', 'Best regards,', from.name];
    yield {
      type: 'mail', threadId: id, subject: newsletter ? rng.pick(NEWSLETTER_SUBJECTS) : 'Partnership opportunity', automated: newsletter,
      listId: newsletter ? letter.list : undefined,
      messages: [{ id, at, from, to: [me], cc: [], body }],
    };
  }
}

/**
 * Gmail Takeout style: CRLF, `From <id>@xxx <ctime +0000 year>` separators, X-GM-THRID, X-Gmail-Labels, Delivered-To,
 * RFC 2047 names (B or Q), Message-ID / In-Reply-To / References, newsletters with List-Id, `>From ` escaping.
 * Streams one chunk per ~64 kB.
 */
export function* writeMbox(net: GeneratedNetwork, opts: MboxOptions = {}): Iterable<string> {
  const rng = new Random(net.seed ^ 0x3b0c);
  const writer = new MessageWriter(rng, net.me.email);
  const threads = [...net.mail].sort((a, b) => (a.messages[0].at < b.messages[0].at ? -1 : a.messages[0].at > b.messages[0].at ? 1 : 0));
  let bytes = 0;
  let chunk = '';
  for (const thread of threads) {
    const ids: string[] = [];
    thread.messages.forEach((m, i) => (chunk += writer.write(thread, m, ids, i)));
    if (chunk.length >= 65_536) {
      bytes += utf8Length(chunk);
      yield chunk;
      chunk = '';
    }
  }
  bytes += utf8Length(chunk);
  const target = opts.targetBytes ?? 0;
  let extra = opts.fillerMessages ?? 0;
  const filler = fillerThreads(net, new Random(net.seed ^ 0xf111e4));
  while (extra > 0 || bytes < target) {
    const thread = filler.next().value as MailThread;
    const text = writer.write(thread, thread.messages[0], [], 0);
    chunk += text;
    bytes += utf8Length(text);
    extra--;
    if (chunk.length >= 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

export function writeMboxText(net: GeneratedNetwork, opts: MboxOptions = {}): string {
  return [...writeMbox(net, opts)].join('');
}
