// Mail header values as text: raw 8-bit bytes read as UTF-8, or as Latin-1 when they are not valid UTF-8.

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

/** The value `buf[s, e)` as trim() then headerText would give it: trimming the bytes trim() would drop from the Latin-1 text trims the text. */
export function trimmedHeaderValue(buf: Buffer, s: number, e: number): string {
  while (s < e && isSpace(buf[s])) s++;
  while (e > s && isSpace(buf[e - 1])) e--;
  return s === e ? '' : headerValue(buf, s, e);
}
