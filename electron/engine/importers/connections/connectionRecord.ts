// Turning the raw values of one exported person into a ConnectionRecord, or the reason it is skipped.
import type { ConnectionRecord } from '../../../../shared/domain/records';
import { parseDay } from '../../../../shared/parse/dates';
import { remembered } from '../../../../shared/identity/remembered';

/** Spreadsheet round trips fill blanks with these. Only the exact forms: "Na" is a Vietnamese name. */
const BLANKS = new Set(['NA', 'N/A', '#N/A', 'null', 'NULL', '(null)']);

/** True when the text has a character `cleanField` replaces or removes: most fields have none and are only trimmed. */
function isUnclean(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || c === 0x2028 || c === 0x2029 || c === 0xfeff || c === 0x200b) return true;
  }
  return false;
}

/** Control characters (a 0x10 in a Position) and stray BOMs go; line breaks and tabs become spaces; ends are trimmed. */
export function cleanField(raw: string | undefined | null): string {
  if (!raw) return '';
  const s = isUnclean(raw)
    ? raw
        .replace(/[\t\r\n\u2028\u2029]+/g, ' ')
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufeff\u200b]/g, '')
        .trim()
    : raw.trim();
  return BLANKS.has(s) ? '' : s;
}

/** Google joins several values in one cell with " ::: "; people also write "a@x; b@y". */
export function splitValues(raw: string, alsoCommas = false): string[] {
  const parts = raw.includes(':::') ? raw.split(/\s*:::\s*/) : [raw];
  const out: string[] = [];
  for (const part of parts) {
    const pieces = alsoCommas && (part.includes(';') || part.includes(',')) ? part.split(/\s*[;,]\s*/) : [part];
    for (const piece of pieces) {
      const v = cleanField(piece);
      if (v) out.push(v);
    }
  }
  return out;
}

function pushUnique(list: string[], values: string[]): void {
  for (const v of values) if (!list.includes(v)) list.push(v);
}

/** The values of every cell (split as `splitValues` does), each once, in order; `urn:` member ids left out when asked. */
function uniqueValues(cells: string[], alsoCommas: boolean, dropUrns = false): string[] {
  const out: string[] = [];
  for (const cell of cells) {
    if (!cell) continue;
    for (const v of splitValues(cell, alsoCommas)) if (!(dropUrns && URN.test(v)) && !out.includes(v)) out.push(v);
  }
  return out;
}

const URN = /^urn:/i;

export interface RawPerson {
  line: number;
  name?: string;
  firstName?: string;
  middleName?: string;
  lastName?: string;
  emails: string[];
  urls: string[];
  phones: string[];
  company?: string;
  position?: string;
  connectedOn?: string;
  /** Already a day (`YYYY-MM-DD`), for sources that give a timestamp. */
  connectedDay?: string | null;
  /** Every field of the source row as read: see ConnectionRecord.rawRow. */
  rawRow?: string;
}

export type BuiltRow = { record: ConnectionRecord } | { skip: string };

const PHONE_ONLY = /^[+(]?[\d\s().\-/]{5,}$/;

/** Reads connection dates, remembering the texts already read (a file holds a few thousand distinct days at most), and collects unreadable ones into one warning. */
export class DateProblems {
  private count = 0;
  private first: { line: number; raw: string } | null = null;
  /** The day a date text means, or null. */
  readonly day = remembered(parseDay);

  note(line: number, raw: string): void {
    this.count++;
    this.first ??= { line, raw };
  }

  warning(): string | null {
    if (!this.first) return null;
    return `${this.count} connection date(s) could not be read and were left empty (first at line ${this.first.line}: "${this.first.raw}")`;
  }
}

/** The non-empty parts joined by spaces. */
function joinName(first: string, middle: string, last: string): string {
  let out = first;
  if (middle) out = out ? `${out} ${middle}` : middle;
  if (last) out = out ? `${out} ${last}` : last;
  return out;
}

/**
 * `blankReason` names why a row with nobody in it is skipped: LinkedIn writes such rows for hidden
 * or deleted members.
 */
export function buildRecord(raw: RawPerson, blankReason: string, dates: DateProblems): BuiltRow {
  const firstName = cleanField(raw.firstName);
  const middleName = cleanField(raw.middleName);
  const lastName = cleanField(raw.lastName);
  let name = cleanField(raw.name);
  const phones = uniqueValues(raw.phones, false);
  // A contact saved without a name gets its phone number (or address) as its Name.
  if (name && !firstName && !lastName && PHONE_ONLY.test(name) && /\d{5}/.test(name.replace(/\D/g, ''))) {
    pushUnique(phones, [name]);
    name = '';
  }
  const emails = uniqueValues(raw.emails, true, true);
  if (name && !firstName && !lastName && emails.includes(name)) name = '';
  const urls = uniqueValues(raw.urls, false);
  const fullName = name || joinName(firstName, middleName, lastName);
  const company = splitValues(cleanField(raw.company))[0] ?? '';
  // A card with only an organisation (a shop, a service line) is in the address book too: kept, shown by it.
  if (!fullName && emails.length === 0 && urls.length === 0 && phones.length === 0 && !company) return { skip: blankReason };
  let connectedOn: string | null = raw.connectedDay ?? null;
  const dateText = cleanField(raw.connectedOn);
  if (dateText) {
    connectedOn = dates.day(dateText);
    if (connectedOn === null && !/^0+([/.-]0+)*$/.test(dateText)) dates.note(raw.line, dateText);
  }
  return {
    record: {
      line: raw.line,
      firstName,
      lastName,
      fullName,
      emails,
      profileUrls: urls,
      phones,
      company,
      position: splitValues(cleanField(raw.position))[0] ?? '',
      connectedOn,
      ...(raw.rawRow !== undefined ? { rawRow: raw.rawRow } : {}),
    },
  };
}
