// Reader of any CSV of interactions (a diary, a CRM export): columns recognised by name or given with `map`.
import { createHash } from 'node:crypto';
import type { InteractionKind, InteractionRecord, ParticipantRecord } from '../../../../shared/domain/records';
import { parseInstant } from '../../../../shared/parse/dates';
import { ImportError } from '../importError';
import type { ByteSource } from '../text/byteSource';
import { parseDuration, presentValue } from './callRecord';
import { findColumn, streamCsvRows } from './csvSource';
import { RecordBatcher, type BatchSink, type InteractionFileInfo, type InteractionParseOptions, type ProgressSink } from './interactionFile';
import { normaliseSubject } from './mailThreads';

export const INTERACTION_COLUMNS = {
  date: ['date', 'date time', 'datetime', 'when', 'occurred at', 'occurred', 'timestamp', 'time', 'start', 'started', 'start time', 'meeting date'],
  name: ['name', 'full name', 'person', 'contact', 'contact name', 'with', 'who', 'display name'],
  email: ['email', 'e-mail', 'email address', 'e-mail address', 'mail'],
  phone: ['phone', 'phone number', 'number', 'mobile', 'telephone'],
  url: ['url', 'profile', 'profile url', 'link', 'linkedin'],
  kind: ['kind', 'type', 'interaction', 'interaction type', 'channel', 'medium', 'how'],
  direction: ['direction', 'sent by'],
  duration: ['duration', 'duration (s)', 'duration (sec)', 'seconds', 'length'],
  /** Durations in minutes: a diary kept by hand says "45", meaning minutes. */
  minutes: ['minutes', 'mins', 'duration (min)', 'duration (minutes)'],
  subject: ['subject', 'title', 'topic', 'summary'],
  note: ['note', 'notes', 'comment', 'comments', 'description'],
} as const;

type Field = keyof typeof INTERACTION_COLUMNS;

const KIND_WORDS: [RegExp, InteractionKind, boolean?][] = [
  [/^(?:in[ _-]?person|meeting|met|meet|lunch|coffee|dinner|breakfast|drinks|visit|face[ -]to[ -]face|f2f)$/i, 'in_person'],
  [/^(?:missed|missed call|rejected|declined|voicemail|voice mail|no answer)$/i, 'call', false],
  [/^(?:call|phone|phone call|telephone|calls?|voice|voice call|incoming|outgoing)$/i, 'call'],
  [/^(?:video|video call|videocall|zoom|teams|google meet|meet|skype|facetime|webex|hangout|hangouts)$/i, 'video'],
  [/^(?:e-?mail|mail)$/i, 'email'],
  [/^(?:message|messages|msg|chat|text|sms|dm|im|whatsapp|signal|telegram|imessage|linkedin|linkedin message)$/i, 'message'],
  [/^(?:event|conference|gathering|party|seminar|meetup|wedding|workshop)$/i, 'event'],
];

/** The kind a cell names, and whether a call is known not to have connected. */
export function parseKind(raw: string): { kind: InteractionKind; connected?: boolean } | null {
  const v = raw.trim().replace(/\s+/g, ' ');
  for (const [re, kind, connected] of KIND_WORDS) if (re.test(v)) return connected === undefined ? { kind } : { kind, connected };
  return null;
}

/** true: they wrote / called; false: you did; undefined: the file does not say. */
function parseDirection(raw: string): boolean | undefined {
  const v = raw.trim().toLowerCase();
  if (/^(?:in|incoming|inbound|received|them|they|from them|theirs)$/.test(v)) return true;
  if (/^(?:out|outgoing|outbound|sent|me|i|from me|mine|you)$/.test(v)) return false;
  return undefined;
}

function listOf(raw: string, separators: RegExp): string[] {
  return raw.split(separators).map((s) => s.trim()).filter((s) => presentValue(s) !== undefined);
}

function digest(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 20);
}

interface Layout {
  cols: Record<Field, number>;
  /** `--map kind=call` where "call" is not a column: every row has that kind. */
  fixedKind: { kind: InteractionKind; connected?: boolean } | null;
}

function layoutOf(header: string[], map: Record<string, string> | undefined, file: string, line: number): Layout {
  const cols = {} as Record<Field, number>;
  for (const f of Object.keys(INTERACTION_COLUMNS) as Field[]) cols[f] = findColumn(header, [...INTERACTION_COLUMNS[f]]);
  let fixedKind: Layout['fixedKind'] = null;
  for (const [key, column] of Object.entries(map ?? {})) {
    if (!(key in INTERACTION_COLUMNS)) throw new ImportError(file, line, `unknown field "${key}" in --map (fields: ${Object.keys(INTERACTION_COLUMNS).join(', ')})`);
    // `--map note=` (no column): leave out a column that was recognised by its name.
    if (column.trim() === '') {
      cols[key as Field] = -1;
      continue;
    }
    const at = findColumn(header, [column]);
    if (at < 0 && key === 'kind' && parseKind(column)) {
      fixedKind = parseKind(column);
      cols.kind = -1;
      continue;
    }
    if (at < 0) throw new ImportError(file, line, `the mapped column "${column}" (for ${key}) is not in the header`);
    cols[key as Field] = at;
  }
  if (cols.kind < 0 && !fixedKind) {
    throw new ImportError(file, line, 'no column holds the kind of interaction: say which with --map kind=Column (or --map kind=call for a file of one kind)');
  }
  if (cols.date < 0) throw new ImportError(file, line, 'no date column: say which with --map date=Column');
  if (cols.name < 0 && cols.email < 0 && cols.phone < 0 && cols.url < 0) {
    throw new ImportError(file, line, 'no column names the people (name, email, phone or url): say which with --map name=Column');
  }
  return { cols, fixedKind };
}

/**
 * Each row is one interaction with the people it names (several per cell separated by `;`, or
 * commas for emails and URLs). Email and message rows are threaded by subject and people.
 */
export async function streamInteractionsCsv(
  source: ByteSource,
  opts: InteractionParseOptions,
  onBatch: BatchSink,
  onProgress?: ProgressSink,
): Promise<InteractionFileInfo> {
  const path = source.name;
  const batcher = new RecordBatcher(onBatch);
  let layout: Layout | null = null;
  const summary = await streamCsvRows(
    source,
    opts,
    (header, line) => {
      layout = layoutOf(header, opts.map, path, line);
    },
    (row) => {
      const { cols, fixedKind } = layout!;
      const cell = (i: number): string => (i >= 0 ? (row.cells[i] ?? '').trim() : '');
      if (row.cells.every((x) => x.trim() === '')) return;
      const kindOf = fixedKind ?? parseKind(cell(cols.kind));
      if (!kindOf) return batcher.skip(row.line, `unknown kind "${cell(cols.kind).slice(0, 30)}"`);
      const occurredAt = parseInstant(cell(cols.date));
      if (!occurredAt) return batcher.skip(row.line, `unreadable date "${cell(cols.date).slice(0, 40)}"`);
      const isSender = parseDirection(cell(cols.direction)) ?? false;
      const names = listOf(cell(cols.name), /;|\|/);
      const emails = listOf(cell(cols.email), /[;,|\s]+/);
      const phones = listOf(cell(cols.phone), /;|\|/);
      const urls = listOf(cell(cols.url), /[;,|\s]+/);
      const n = Math.max(names.length, emails.length, phones.length, urls.length);
      if (n === 0) return batcher.skip(row.line, 'names nobody');
      const pair = (list: string[], i: number): string | undefined => (list.length === n ? list[i] : n === 1 ? list[0] : undefined);
      const participants: ParticipantRecord[] = [];
      for (let i = 0; i < n; i++) {
        const p: ParticipantRecord = { role: 'with', isSender };
        const name = pair(names, i);
        const email = pair(emails, i);
        const phone = pair(phones, i);
        const url = pair(urls, i);
        if (name) p.name = name;
        if (email) p.email = email;
        if (phone) p.phone = phone;
        if (url) p.profileUrl = url;
        if (name || email || phone || url) participants.push(p);
      }
      // Values that could not be paired by position still name someone: keep them as separate people.
      for (const [list, key] of [[names, 'name'], [emails, 'email'], [phones, 'phone'], [urls, 'profileUrl']] as const) {
        if (list.length === n || n === 1) continue;
        for (const v of list) participants.push({ role: 'with', isSender, [key]: v });
      }
      const subject = cell(cols.subject);
      const people = participants.map((p) => p.email ?? p.profileUrl ?? p.phone ?? p.name ?? '').sort().join(',').toLowerCase();
      const record: InteractionRecord = {
        line: row.line,
        sourceKey: `csv:${digest(`${occurredAt}|${kindOf.kind}|${people}|${subject}`)}`,
        kind: kindOf.kind,
        occurredAt,
        participants: participants.filter((p) => p.name || p.email || p.phone || p.profileUrl),
      };
      if (kindOf.kind === 'email' || kindOf.kind === 'message') record.threadKey = `csv:${digest(`${normaliseSubject(subject)}|${people}`)}`;
      const minutes = Number(cell(cols.minutes).replace(',', '.'));
      const duration = cell(cols.duration)
        ? parseDuration(cell(cols.duration))
        : cell(cols.minutes) && Number.isFinite(minutes) ? Math.round(minutes * 60) : null;
      if (duration !== null) record.durationSec = duration;
      if (kindOf.kind === 'call' || kindOf.kind === 'video') record.connected = kindOf.connected ?? duration !== 0;
      if (kindOf.kind === 'in_person' || kindOf.kind === 'event') record.connected = true;
      if (kindOf.kind === 'in_person' || kindOf.kind === 'video' || kindOf.kind === 'event') record.othersCount = record.participants.length;
      if (subject) record.subject = subject;
      const note = cell(cols.note);
      if (note) record.note = note.length > 2000 ? note.slice(0, 2000) : note;
      batcher.push(record);
    },
    (read, total) => onProgress?.(read, total, batcher.count),
  );
  for (const w of summary.warnings) batcher.warn(w);
  return batcher.finish('csv');
}

/** The fields a mapping editor offers for a CSV of interactions, in the order a person thinks of them. */
export const INTERACTION_FIELDS = Object.keys(INTERACTION_COLUMNS) as Field[];

/**
 * Field → header cell as the parser would read this header with `map` (null: no column, also when
 * the map leaves a recognised one out with an empty name), for a preview. A `kind` mapped to a word that is not a column ("call") is returned as that word: every
 * row has that kind. Mapped columns missing from the header are left out, as the import would refuse them.
 */
export function recogniseInteractionColumns(header: string[], map?: Record<string, string>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const f of INTERACTION_FIELDS) {
    const at = findColumn(header, [...INTERACTION_COLUMNS[f]]);
    out[f] = at >= 0 ? header[at] : null;
  }
  for (const [key, column] of Object.entries(map ?? {})) {
    if (!(key in INTERACTION_COLUMNS)) continue;
    if (column.trim() === '') {
      out[key] = null;
      continue;
    }
    const at = findColumn(header, [column]);
    if (at >= 0) out[key] = header[at];
    else if (key === 'kind' && parseKind(column)) out.kind = column;
  }
  return out;
}

/** What a recognised mapping still lacks before rows can be read, in words for the person fixing it (empty: nothing). */
export function missingInteractionFields(mapping: Record<string, string | null>): string[] {
  const missing: string[] = [];
  if (!mapping.kind) missing.push('which column holds the kind of interaction (or what every row is: a call, a meeting…)');
  if (!mapping.date) missing.push('which column holds the date');
  if (!mapping.name && !mapping.email && !mapping.phone && !mapping.url) missing.push('which column names the people (name, email, phone or profile URL)');
  return missing;
}
