// Parsing of every date and instant form found in the exports Tiecheck reads, into UTC days and instants.

/**
 * Conventions (see FORMATS.md):
 * - `a/b/yy` and `a/b/yyyy` are US month/day (LinkedIn writes US English); `dd.mm.yyyy` and
 *   `dd-mm-yyyy` are European day/month.
 * - Two-digit years: 00–69 → 2000–2069, 70–99 → 1970–1999.
 * - A time written without a zone is UTC. An explicit zone (`Z`, `UTC`, `GMT`, `+0100`, `+01:00`,
 *   RFC 2822 names like `EST`) is honoured, and `parseDay` then returns the UTC calendar day.
 * - `0/0/00`, `NA`, `N/A`, `null`, `-` and empty text mean "no date" (null).
 * - A pure 12–13 digit number is epoch milliseconds; an 8-digit number is `YYYYMMDD`.
 * Neither function ever throws.
 */

interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  /** Minutes east of UTC, or null when the text names no zone (taken as UTC). */
  offset: number | null;
  hasTime: boolean;
}

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: [number, string[]][] = [
  [1, ['jan', 'january', 'janv', 'janvier', 'januar', 'ene', 'enero', 'gen', 'gennaio']],
  [2, ['feb', 'february', 'fév', 'févr', 'fev', 'fevr', 'février', 'februar', 'febrero', 'febbraio']],
  [3, ['mar', 'march', 'mars', 'mär', 'märz', 'marz', 'marts', 'marzo', 'maart']],
  [4, ['apr', 'april', 'avr', 'avril', 'abr', 'abril', 'aprile']],
  [5, ['may', 'mai', 'maj', 'mei', 'mayo', 'mag', 'maggio']],
  [6, ['jun', 'june', 'juin', 'juni', 'junio', 'giu', 'giugno']],
  [7, ['jul', 'july', 'juil', 'juillet', 'juli', 'julio', 'lug', 'luglio']],
  [8, ['aug', 'august', 'août', 'aout', 'ago', 'agosto', 'augustus']],
  [9, ['sep', 'sept', 'september', 'septembre', 'septiembre', 'set', 'settembre']],
  [10, ['oct', 'october', 'octobre', 'okt', 'oktober', 'octubre', 'ott', 'ottobre']],
  [11, ['nov', 'november', 'novembre', 'noviembre']],
  [12, ['dec', 'december', 'déc', 'décembre', 'decembre', 'dez', 'dezember', 'dic', 'diciembre', 'dicembre']],
];
for (const [n, names] of MONTH_NAMES) for (const name of names) MONTHS[name] = n;

/** RFC 2822 obsolete zone names and a few common ones, in minutes east of UTC. */
const ZONES: Record<string, number> = {
  Z: 0, UT: 0, UTC: 0, GMT: 0, WET: 0,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  CET: 60, CEST: 120, MET: 60, MEST: 120, BST: 60, EET: 120, EEST: 180,
};

const NO_DATE = new Set(['', 'na', 'n/a', 'null', 'none', '-', '--', '0', '0/0/00', '0/0/0000', '00/00/0000', '0000-00-00']);

const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;
const TIME =
  /^(?:T|\s*,?\s*(?:at\s+|à\s+|um\s+)?)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([ap]\.?m\.?)?\s*(?:(Z|[A-Za-z]{1,5})?\s*([+-]\d{1,2}(?::?\d{2})?)?)?\s*(?:\([^)]*\))?$/i;

function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS[w] ?? null;
}

function fullYear(text: string): number {
  const n = Number(text);
  if (text.length > 2) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function daysIn(y: number, mo: number): number {
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function offsetOf(sign: string): number | null {
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(sign);
  if (!m) return null;
  const h = Number(m[2]);
  const mi = Number(m[3] ?? '0');
  if (h > 14 || mi > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (h * 60 + mi);
}

/** Reads an optional time-and-zone tail; `undefined` when the tail is not a time. */
function readTime(rest: string): Pick<Parts, 'h' | 'mi' | 's' | 'offset' | 'hasTime'> | undefined {
  const tail = rest.replace(/\s*\([^)]*\)\s*$/, '').trim();
  if (tail === '' || tail === ',') return { h: 0, mi: 0, s: 0, offset: null, hasTime: false };
  const m = TIME.exec(rest.startsWith('T') ? rest : ' ' + rest.trim());
  if (!m) return undefined;
  let h = Number(m[1]);
  const mi = Number(m[2]);
  let s = Number(m[3] ?? '0');
  const ampm = m[4]?.toLowerCase().replace(/\./g, '');
  if (ampm) {
    if (h < 1 || h > 12) return undefined;
    if (ampm === 'am' && h === 12) h = 0;
    else if (ampm === 'pm' && h !== 12) h += 12;
  }
  if (h > 23 || mi > 59 || s > 60) return undefined;
  if (s === 60) s = 59;
  let offset: number | null = null;
  const name = m[5];
  const num = m[6];
  if (name) {
    const key = name.toUpperCase();
    if (key in ZONES) offset = ZONES[key];
    else offset = 0;
  }
  if (num) {
    const o = offsetOf(num);
    if (o === null) return undefined;
    offset = (offset ?? 0) + o;
  }
  return { h, mi, s, offset, hasTime: true };
}

function valid(y: number, mo: number, d: number): boolean {
  return Number.isInteger(y) && y >= 1000 && y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo);
}

function withTime(y: number, mo: number, d: number, rest: string): Parts | null {
  if (!valid(y, mo, d)) return null;
  const t = readTime(rest);
  return t ? { y, mo, d, ...t } : null;
}

function fromEpochMs(ms: number): Parts | null {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return null;
  return {
    y: date.getUTCFullYear(), mo: date.getUTCMonth() + 1, d: date.getUTCDate(),
    h: date.getUTCHours(), mi: date.getUTCMinutes(), s: date.getUTCSeconds(), offset: 0, hasTime: true,
  };
}

function clean(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  let s = raw.replace(/[\u0000-\u001f\u00a0\u200b\u202f\ufeff]+/g, ' ').trim();
  if (s.length >= 2 && ((s[0] === '"' && s.endsWith('"')) || (s[0] === "'" && s.endsWith("'")))) s = s.slice(1, -1).trim();
  return s.replace(/\s+/g, ' ');
}

function readParts(raw: unknown): Parts | null {
  let s = clean(raw);
  if (s.length > 100 || NO_DATE.has(s.toLowerCase())) return null;
  if (/^\d{12,13}$/.test(s)) return fromEpochMs(Number(s));
  let m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z)?)?$/.exec(s);
  if (m) {
    if (!valid(+m[1], +m[2], +m[3])) return null;
    const h = Number(m[4] ?? 0), mi = Number(m[5] ?? 0), sec = Number(m[6] ?? 0);
    if (h > 23 || mi > 59 || sec > 59) return null;
    return { y: +m[1], mo: +m[2], d: +m[3], h, mi, s: sec, offset: m[7] ? 0 : null, hasTime: m[4] !== undefined };
  }
  s = s.replace(WEEKDAY, '');
  // ISO 8601 and its space-separated variant.
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[T\s,])(.*)$/.exec(s))) return withTime(+m[1], +m[2], +m[3], m[4]);
  // 2024/12/07 14:51:07 UTC
  if ((m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?=$|[T\s,])(.*)$/.exec(s))) return withTime(+m[1], +m[2], +m[3], m[4]);
  // US month/day/year: 1/8/18, 6:14 PM
  if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?=$|[\s,])(.*)$/.exec(s))) return withTime(fullYear(m[3]), +m[1], +m[2], m[4]);
  // European day.month.year: 16.09.2021, and day-month-year with digits.
  if ((m = /^(\d{1,2})[.-](\d{1,2})[.-](\d{4}|\d{2})\.?(?=$|[\s,])(.*)$/.exec(s))) return withTime(fullYear(m[3]), +m[2], +m[1], m[4]);
  // 27 Nov 2023, 23-Apr-23, 5. März 2021, 27 November 2023 10:00
  if ((m = /^(\d{1,2})\.?[-\s]([^\d\s,.-]+)\.?[-\s,]+(\d{4}|\d{2})(?=$|[\s,T])(.*)$/.exec(s))) {
    const mo = monthOf(m[2]);
    return mo ? withTime(fullYear(m[3]), mo, +m[1], m[4]) : null;
  }
  // ctime as mbox writes it: Jan 26 17:31:47 +0000 2024, Mar  6 16:49:40 2002
  if ((m = /^([^\d\s,.]+)\s+(\d{1,2})\s+(\d{1,2}:\d{2}(?::\d{2})?)\s+(?:([+-]\d{4}|[A-Za-z]{1,5})\s+)?(\d{4})$/.exec(s))) {
    const mo = monthOf(m[1]);
    return mo ? withTime(+m[5], mo, +m[2], `${m[3]}${m[4] ? ' ' + m[4] : ''}`) : null;
  }
  // Nov 27, 2023 and November 27 2023 6:14 PM
  if ((m = /^([^\d\s,.]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?=$|[\s,])(.*)$/i.exec(s))) {
    const mo = monthOf(m[1]);
    return mo ? withTime(+m[3], mo, +m[2], m[4]) : null;
  }
  return null;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function toUtc(p: Parts): Date {
  return new Date(Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s) - (p.offset ?? 0) * 60_000);
}

/** The calendar day (`YYYY-MM-DD`, UTC when the text names a zone) a date text means, or null. */
export function parseDay(raw: string): string | null {
  try {
    const p = readParts(raw);
    if (!p) return null;
    if (p.offset === null || p.offset === 0 || !p.hasTime) return `${pad(p.y, 4)}-${pad(p.mo)}-${pad(p.d)}`;
    const t = toUtc(p);
    if (Number.isNaN(t.getTime())) return null;
    return t.toISOString().slice(0, 10);
  } catch {
    return null;
  }
}

/** The UTC instant (`YYYY-MM-DDTHH:MM:SSZ`) a date-time text means, or null; a date alone is midnight UTC. */
export function parseInstant(raw: string): string | null {
  try {
    const p = readParts(raw);
    if (!p) return null;
    const t = toUtc(p);
    if (Number.isNaN(t.getTime())) return null;
    const iso = t.toISOString();
    if (!/^\d{4}-/.test(iso)) return null;
    return iso.slice(0, 19) + 'Z';
  } catch {
    return null;
  }
}
