// The instant of a mail Date header: the form nearly every mailer writes read by hand, anything else by parseInstant.
import { parseInstant } from '../../../../shared/parse/dates';

const MONTH_NAMES = 'JanFebMarAprMayJunJulAugSepOctNovDec';
const DAY_NAMES = 'MonTueWedThuFriSatSun';
const RFC5322_DATE =
  /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})(?: \([A-Za-z0-9 +:-]*\))?$/;
const DAY_MS = 86_400_000;

/** The numbers of a Date header in RFC5322_DATE's form: d, mo (1–12), y, h, mi, sec, the offset's sign (±1), oh, om. */
interface DateFields {
  d: number;
  mo: number;
  y: number;
  h: number;
  mi: number;
  sec: number;
  sign: number;
  oh: number;
  om: number;
}

/** Reused from call to call: reading a date allocates nothing but its answer. */
const fields: DateFields = { d: 0, mo: 0, y: 0, h: 0, mi: 0, sec: 0, sign: 1, oh: 0, om: 0 };

function digitAt(raw: string, i: number): number {
  const c = raw.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** The two-digit number at `i`, or -1. */
function twoDigits(raw: string, i: number): number {
  const a = digitAt(raw, i);
  const b = digitAt(raw, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/** Index (0, 3, 6, …) of the three letters at `i` among `names`, or -1. */
function nameAt(names: string, raw: string, i: number): number {
  for (let k = 0; k < names.length; k += 3) {
    if (raw.charCodeAt(i) === names.charCodeAt(k) && raw.charCodeAt(i + 1) === names.charCodeAt(k + 1) && raw.charCodeAt(i + 2) === names.charCodeAt(k + 2)) return k;
  }
  return -1;
}

/** [A-Za-z0-9 +:-]: what the trailing zone comment may hold. */
function isCommentChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 32 || c === 43 || c === 58 || c === 45;
}

/**
 * Fills `fields` when `raw` matches RFC5322_DATE, read character by character (the regex's match
 * would be ten strings per message); false when it does not match.
 */
function readRfc5322(raw: string): boolean {
  const n = raw.length;
  let i = 0;
  if (n >= 5 && raw.charCodeAt(3) === 44 && raw.charCodeAt(4) === 32 && nameAt(DAY_NAMES, raw, 0) >= 0) i = 5;
  const d1 = digitAt(raw, i);
  if (d1 < 0) return false;
  const d2 = digitAt(raw, i + 1);
  fields.d = d2 < 0 ? d1 : d1 * 10 + d2;
  i += d2 < 0 ? 1 : 2;
  if (raw.charCodeAt(i) !== 32) return false;
  const month = nameAt(MONTH_NAMES, raw, i + 1);
  if (month < 0 || raw.charCodeAt(i + 4) !== 32) return false;
  fields.mo = month / 3 + 1;
  i += 5;
  const yHigh = twoDigits(raw, i);
  const yLow = twoDigits(raw, i + 2);
  if (yHigh < 0 || yLow < 0 || raw.charCodeAt(i + 4) !== 32) return false;
  fields.y = yHigh * 100 + yLow;
  i += 5;
  fields.h = twoDigits(raw, i);
  fields.mi = twoDigits(raw, i + 3);
  fields.sec = twoDigits(raw, i + 6);
  if (fields.h < 0 || fields.mi < 0 || fields.sec < 0 || raw.charCodeAt(i + 2) !== 58 || raw.charCodeAt(i + 5) !== 58 || raw.charCodeAt(i + 8) !== 32) return false;
  i += 9;
  const sign = raw.charCodeAt(i);
  if (sign !== 43 && sign !== 45) return false;
  fields.sign = sign === 45 ? -1 : 1;
  fields.oh = twoDigits(raw, i + 1);
  fields.om = twoDigits(raw, i + 3);
  if (fields.oh < 0 || fields.om < 0) return false;
  i += 5;
  if (i === n) return true;
  // ` (ZONE)` and the end: the comment cannot hold a parenthesis, so it closes on the last character.
  if (raw.charCodeAt(i) !== 32 || raw.charCodeAt(i + 1) !== 40 || n - 1 < i + 2 || raw.charCodeAt(n - 1) !== 41) return false;
  for (let k = i + 2; k < n - 1; k++) if (!isCommentChar(raw.charCodeAt(k))) return false;
  return true;
}

/** readRfc5322 by the regex itself: the same fields, for the rare header the hand reading refuses. */
function matchRfc5322(raw: string): boolean {
  const m = RFC5322_DATE.exec(raw);
  if (!m) return false;
  fields.d = +m[1];
  fields.mo = MONTH_NAMES.indexOf(m[2]) / 3 + 1;
  fields.y = +m[3];
  fields.h = +m[4];
  fields.mi = +m[5];
  fields.sec = +m[6];
  fields.sign = m[7] === '-' ? -1 : 1;
  fields.oh = +m[8];
  fields.om = +m[9];
  return true;
}

function daysInMonth(y: number, mo: number): number {
  if (mo === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
}

/** The character codes of the tens and units digits of `n` (0–99). */
function t(n: number): number {
  return 48 + Math.floor(n / 10);
}

function u(n: number): number {
  return 48 + (n % 10);
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
  if (y < 1000 || y > 9999) return `${y}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(sec)}Z`;
  // One flat string of its twenty characters, where the template builds a rope of eleven pieces.
  const yh = Math.floor(y / 100);
  const yl = y - yh * 100;
  return String.fromCharCode(t(yh), u(yh), t(yl), u(yl), 45, t(mo), u(mo), 45, t(d), u(d), 84, t(h), u(h), 58, t(mi), u(mi), 58, t(sec), u(sec), 90);
}

/**
 * The instant of a Date header, reading the form nearly every mailer writes
 * (`Sat, 20 Mar 2004 19:09:55 +0700 (ICT)`) directly and anything else with `parseInstant`;
 * both give the same answer where both apply.
 */
export function mailInstant(raw: string): string | null {
  if (raw.length > 100 || !(readRfc5322(raw) || matchRfc5322(raw))) return parseInstant(raw);
  const { d, mo, y, h, mi, sec, oh, om } = fields;
  if (y < 1900 || y > 2998 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || sec > 59 || oh > 14 || om > 59) {
    return parseInstant(raw);
  }
  const offset = fields.sign * (oh * 60 + om);
  return isoSeconds(Date.UTC(y, mo - 1, d, h, mi, sec) - offset * 60_000);
}
