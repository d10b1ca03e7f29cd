// Turning export bytes into text: BOM and encoding detection, binary refusal, incremental decoding.
import iconv from 'iconv-lite';
import { ImportError } from '../importError';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  hadBom: boolean;
}

export interface EncodingGuess {
  encoding: TextEncodingName;
  /** Bytes of byte-order mark to skip (0 when there is none). */
  bomLength: number;
}

/** How much of a file decides its encoding when it is read in pieces. */
export const ENCODING_SAMPLE_BYTES = 64 * 1024;

/** Guesses the encoding from the first bytes (up to 64 KiB are enough). */
export function detectEncoding(head: Uint8Array, complete = true): EncodingGuess {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const sixteen = guessUtf16(head);
  if (sixteen) return { encoding: sixteen, bomLength: 0 };
  return { encoding: isUtf8(head, complete) ? 'utf-8' : 'windows-1252', bomLength: 0 };
}

/** UTF-16 without a BOM shows as NULs on one of the two byte positions of almost every ASCII character. */
function guessUtf16(head: Uint8Array): TextEncodingName | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.4 && evenNul <= pairs * 0.05) return 'utf-16le';
  if (evenNul >= pairs * 0.4 && oddNul <= pairs * 0.05) return 'utf-16be';
  return null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

interface PieceDecoder {
  decode(bytes?: Uint8Array, options?: { stream?: boolean }): string;
}

/** Node's own TextDecoder('windows-1252') reads 0x80–0x9F as Latin-1 controls (€ “ ” – lost); iconv-lite does not. */
const windows1252: PieceDecoder = {
  decode: (bytes) => (bytes && bytes.length ? iconv.decode(bytes, 'windows-1252') : ''),
};

function pieceDecoder(encoding: TextEncodingName): PieceDecoder {
  return encoding === 'windows-1252' ? windows1252 : new TextDecoder(encoding);
}

/** Valid UTF-8; when the sample is only the start of a file, a sequence cut at its end is allowed. */
function isUtf8(bytes: Uint8Array, complete: boolean): boolean {
  const end = complete ? bytes.length : completeUtf8Length(bytes);
  try {
    strictUtf8.decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** Length of the prefix that does not end inside a multi-byte UTF-8 sequence. */
function completeUtf8Length(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back];
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

/**
 * Refuses text that is not text: NUL characters (binary renamed .csv) or a high share of control
 * characters. Tab, line ends, form feed and the odd stray control in a field are fine.
 */
export function assertTextLike(text: string, file: string): void {
  const n = Math.min(text.length, ENCODING_SAMPLE_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) throw new ImportError(file, null, 'not a text file (it contains NUL bytes)');
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) controls++;
  }
  if (n > 0 && (controls / n > 0.1 || (controls > 32 && controls / n > 0.02))) {
    throw new ImportError(file, null, 'not a text file (too many control characters)');
  }
}

/**
 * Decodes a whole file's bytes, refusing binary content. With `cutShort` the bytes may be only the
 * head of a file: a multi-byte character cut at the end does not make UTF-8 look like Windows-1252.
 */
export function decodeText(buf: Uint8Array, file = 'file', options: { cutShort?: boolean } = {}): DecodedText {
  const guess = detectEncoding(buf, !options.cutShort);
  let body = buf.subarray(guess.bomLength);
  if (options.cutShort && guess.encoding === 'utf-8') body = body.subarray(0, completeUtf8Length(body));
  if (options.cutShort && guess.encoding.startsWith('utf-16')) body = body.subarray(0, body.length & ~1);
  const text = pieceDecoder(guess.encoding).decode(body);
  assertTextLike(text, file);
  return { text, encoding: guess.encoding, hadBom: guess.bomLength > 0 };
}

/** Decodes a file piece by piece once its encoding is known; pieces may split multi-byte characters. */
export class TextStreamDecoder {
  private encoding: TextEncodingName;
  private decoder: PieceDecoder;
  private held: Uint8Array = new Uint8Array(0);
  private skipBom: number;
  /** Set when a file that began as valid UTF-8 turned out not to be, and the rest was read as Windows-1252. */
  switchedTo1252 = false;

  constructor(guess: EncodingGuess) {
    this.encoding = guess.encoding;
    this.skipBom = guess.bomLength;
    this.decoder = pieceDecoder(guess.encoding);
  }

  get currentEncoding(): TextEncodingName {
    return this.encoding;
  }

  write(chunk: Uint8Array): string {
    let bytes = chunk;
    if (this.skipBom > 0) {
      const drop = Math.min(this.skipBom, bytes.length);
      bytes = bytes.subarray(drop);
      this.skipBom -= drop;
    }
    if (this.encoding !== 'utf-8') return this.decoder.decode(bytes, { stream: true });
    const joined = this.held.length ? concatBytes(this.held, bytes) : bytes;
    const end = completeUtf8Length(joined);
    // A copy: Buffer#slice shares memory, and the caller reuses its read buffer.
    this.held = Uint8Array.from(joined.subarray(end));
    try {
      return strictUtf8.decode(joined.subarray(0, end));
    } catch {
      // The sample was clean UTF-8 (often pure ASCII) but this part is not: read the rest as 1252.
      this.encoding = 'windows-1252';
      this.switchedTo1252 = true;
      this.decoder = windows1252;
      this.held = new Uint8Array(0);
      return this.decoder.decode(joined);
    }
  }

  end(): string {
    if (this.encoding !== 'utf-8') return this.decoder.decode();
    const rest = this.held;
    this.held = new Uint8Array(0);
    return rest.length ? new TextDecoder('utf-8').decode(rest) : '';
  }
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
