// Mail header values as text: raw 8-bit bytes read as UTF-8 or else Latin-1, trimmed, and repeated values served from a byte-keyed cache.

const HIGH_BYTE = /[\x80-\xff]/;

/** The bytes (or Latin-1 characters) JavaScript's `\s` and `trim()` treat as white space. */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
}

/** A header value read as Latin-1: raw 8-bit headers are nearly always UTF-8, so read as that when the bytes are valid UTF-8. */
export function headerText(latin1: string): string {
  if (!HIGH_BYTE.test(latin1)) return latin1;
  const utf8 = Buffer.from(latin1, 'latin1').toString('utf8');
  return utf8.includes('\uFFFD') ? latin1 : utf8;
}

/**
 * headerText of the Latin-1 text of `buf[s, e)`, read from the bytes: decoding them as UTF-8 unless
 * that is not valid (pure ASCII decodes the same either way) gives the same string without the
 * Latin-1 copy and the regex.
 */
function headerValue(buf: Buffer, s: number, e: number): string {
  const utf8 = buf.toString('utf8', s, e);
  return utf8.includes('\uFFFD') ? buf.toString('latin1', s, e) : utf8;
}

/** Longer values are read afresh each time. */
const CACHED_UP_TO_BYTES = 200;

/**
 * headerText of trimmed header bytes, with the values that come back served from a direct-mapped
 * cache keyed by their bytes: Delivered-To, the labels, the owner's address in To, a thread's
 * X-GM-THRID and subject, a frequent correspondent's From. A value found there costs no decoding and
 * no new string, and being the same string each time, the address cache finds it by its kept hash.
 * Only text whose character codes are its bytes is kept, so that the bytes compare with it directly.
 */
export class HeaderTextCache {
  private readonly texts: string[];
  private readonly hashes: Int32Array;
  private readonly mask: number;

  constructor(slots = 4096) {
    this.texts = new Array<string>(slots).fill('');
    this.hashes = new Int32Array(slots);
    this.mask = slots - 1;
  }

  /** The value `buf[s, e)` as trim() then headerText would give it. */
  text(buf: Buffer, s: number, e: number, cached: boolean): string {
    // Trimming the bytes trim() would drop from the Latin-1 text trims the text.
    while (s < e && isSpace(buf[s])) s++;
    while (e > s && isSpace(buf[e - 1])) e--;
    const n = e - s;
    if (n === 0) return '';
    if (!cached || n > CACHED_UP_TO_BYTES) return headerValue(buf, s, e);
    let h = 0x811c9dc5 ^ n;
    for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    const slot = (h ^ (h >>> 16)) & this.mask;
    const kept = this.texts[slot];
    if (this.hashes[slot] === h && kept.length === n) {
      let i = 0;
      while (i < n && buf[s + i] === kept.charCodeAt(i)) i++;
      if (i === n) return kept;
    }
    const text = headerValue(buf, s, e);
    // Text as long as its bytes has them as its character codes: UTF-8 text that long is ASCII,
    // and Latin-1 text (what headerValue reads bytes that are not UTF-8 as) is one byte a character.
    if (text.length === n) {
      this.texts[slot] = text;
      this.hashes[slot] = h;
    }
    return text;
  }
}
