// Byte-level text encodings the writers need without Node or DOM: UTF-8 lengths, Base64, RFC 2047 words, CSV cells, iCalendar folding.

/** UTF-8 byte length of a string. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? B64[n & 63] : '=';
  }
  return out;
}

const isAscii = (text: string): boolean => /^[\x20-\x7e]*$/.test(text);

/** An RFC 2047 encoded word (`=?UTF-8?B?…?=` or `=?UTF-8?Q?…?=`) for non-ASCII text; ASCII stays as is. */
export function encodedWord(text: string, form: 'B' | 'Q'): string {
  if (isAscii(text)) return text;
  const bytes = utf8Bytes(text);
  if (form === 'B') return `=?UTF-8?B?${base64(bytes)}?=`;
  let q = '';
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    if (b === 0x20) q += '_';
    else if (b < 0x80 && /[A-Za-z0-9!*+\-/]/.test(ch)) q += ch;
    else q += '=' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return `=?UTF-8?Q?${q}?=`;
}

/** A mailbox for From/To headers: encoded word for non-ASCII names, a quoted string when the name has specials. */
export function mailbox(name: string, email: string, form: 'B' | 'Q'): string {
  if (name === '') return email;
  if (!isAscii(name)) return `${encodedWord(name, form)} <${email}>`;
  if (/[(),.:;<>@[\]"\\]/.test(name)) return `"${name.replace(/(["\\])/g, '\\$1')}" <${email}>`;
  return `${name} <${email}>`;
}

/** Minimal CSV quoting: only cells holding a comma, a quote or a line break are quoted. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvRow(cells: readonly string[]): string {
  return cells.map(csvCell).join(',');
}

/** iCalendar TEXT escaping (RFC 5545 §3.3.11). */
export function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets with CRLF + space, never inside a UTF-8 sequence. */
export function foldIcsLine(line: string): string {
  if (utf8Length(line) <= 75) return line + '\r\n';
  let out = '';
  let width = 0;
  let limit = 75;
  for (const ch of line) {
    const w = utf8Length(ch);
    if (width + w > limit) {
      out += '\r\n ';
      width = 1;
      limit = 75;
    }
    out += ch;
    width += w;
  }
  return out + '\r\n';
}

/** Percent-encodes the non-ASCII characters of a profile slug, as Connections.csv writes them. */
export function percentEncodeSlug(slug: string): string {
  let out = '';
  for (const ch of slug) {
    if (/^[A-Za-z0-9\-_.~]$/.test(ch)) out += ch;
    else for (const b of utf8Bytes(ch)) out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}
