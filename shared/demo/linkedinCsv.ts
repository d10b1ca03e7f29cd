// LinkedIn archive files of a generated network: Connections.csv (every era's layout) and messages.csv.
import type { GeneratedNetwork, Message } from './model';
import { csvRow, percentEncodeSlug } from './encoding';
import { Random } from './random';

export type ConnectionsEra = '2018' | '2021' | '2023' | 'current';
export type MessagesEra = '2021' | '2023' | 'current';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const CHUNK_ROWS = 1000;

export const CONNECTIONS_PREAMBLE =
  'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\n\n';

/** `27 Nov 2023`. */
export function linkedInDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d} ${MONTHS[Number(m) - 1]} ${y}`;
}

/** `1/8/18, 6:14 PM` (2018 exports). */
function linkedIn2018Stamp(day: string, rng: Random): string {
  const [y, m, d] = day.split('-').map(Number);
  const hour = rng.int(0, 23);
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${m}/${d}/${String(y % 100).padStart(2, '0')}, ${h12}:${String(rng.int(0, 59)).padStart(2, '0')} ${hour < 12 ? 'AM' : 'PM'}`;
}

/**
 * Connections.csv as LinkedIn writes it: the "Notes:" preamble (2021 on), header on line 4, rows newest first,
 * `27 Nov 2023` dates, URL column empty in 2023 and percent-encoded now, Email Address mostly empty, blank rows
 * for hidden members, minimal quoting, LF, and no newline after the last row.
 */
export function* writeLinkedInConnectionsCsv(net: GeneratedNetwork, opts: { era?: ConnectionsEra } = {}): Iterable<string> {
  const era = opts.era ?? 'current';
  const withUrl = era === '2023' || era === 'current';
  const rng = new Random(net.seed ^ 0x2018);
  const header = withUrl
    ? 'First Name,Last Name,URL,Email Address,Company,Position,Connected On'
    : 'First Name,Last Name,Email Address,Company,Position,Connected On';
  const rows: { day: string; order: number; cells: string[] | null }[] = [
    ...net.persons.map((p) => ({ day: p.connectedOn, order: p.index, cells: [
      p.rowFirstName, p.rowLastName,
      ...(withUrl ? [era === 'current' ? `https://www.linkedin.com/in/${percentEncodeSlug(p.slug)}` : ''] : []),
      p.listedEmail, p.company, p.position,
    ] })),
    ...net.blankRows.map((day, k) => ({ day, order: net.persons.length + k, cells: null })),
  ];
  rows.sort((a, b) => (a.day !== b.day ? (a.day < b.day ? 1 : -1) : a.order - b.order));
  let chunk = era === '2018' ? header : CONNECTIONS_PREAMBLE + header;
  const width = withUrl ? 7 : 6;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k];
    const date = era === '2018' ? linkedIn2018Stamp(row.day, rng) : linkedInDay(row.day);
    chunk += '\n' + (row.cells ? csvRow([...row.cells, date]) : ','.repeat(width - 1) + csvRow([date]));
    if ((k + 1) % CHUNK_ROWS === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/** `2021-06-15 16:37:00 UTC`. */
export function linkedInMessageDate(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/**
 * messages.csv: one row per message, newest first, raw Unicode profile URLs, group chats with comma-joined names and
 * URLs, system senders with an empty URL; headers of 2021 (no RECIPIENT PROFILE URLS), 2023, and now (IS MESSAGE DRAFT).
 */
export function* writeLinkedInMessagesCsv(net: GeneratedNetwork, opts: { era?: MessagesEra } = {}): Iterable<string> {
  const era = opts.era ?? 'current';
  const rng = new Random(net.seed ^ 0x11e55);
  const columns = ['CONVERSATION ID', 'CONVERSATION TITLE', 'FROM', 'SENDER PROFILE URL', 'TO',
    ...(era === '2021' ? [] : ['RECIPIENT PROFILE URLS']), 'DATE', 'SUBJECT', 'CONTENT', 'FOLDER', ...(era === 'current' ? ['IS MESSAGE DRAFT'] : [])];
  const rows: { at: string; thread: { conversationId: string; title: string; system: boolean }; message: Message; folder: string }[] = [];
  for (const t of net.linkedin) {
    const folder = t.system ? '' : rng.weighted([['INBOX', 8], ['ARCHIVE', 2], ['', 1]]);
    for (const message of t.messages) rows.push({ at: message.at, thread: t, message, folder });
  }
  rows.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  let chunk = csvRow(columns) + '\n';
  let count = 0;
  for (const { at, thread, message, folder } of rows) {
    const m = message;
    chunk += csvRow([
      thread.conversationId, thread.title, m.from.name, m.from.profileUrl ?? '', m.to.map((p) => p.name).join(','),
      ...(era === '2021' ? [] : [m.to.map((p) => p.profileUrl ?? '').join(',')]),
      linkedInMessageDate(at), '', m.body.join(' '), folder, ...(era === 'current' ? ['No'] : []),
    ]) + '\n';
    if (++count % CHUNK_ROWS === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

export function writeLinkedInConnectionsText(net: GeneratedNetwork, opts: { era?: ConnectionsEra } = {}): string {
  return [...writeLinkedInConnectionsCsv(net, opts)].join('');
}

export function writeLinkedInMessagesText(net: GeneratedNetwork, opts: { era?: MessagesEra } = {}): string {
  return [...writeLinkedInMessagesCsv(net, opts)].join('');
}
