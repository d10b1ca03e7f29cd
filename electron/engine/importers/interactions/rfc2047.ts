// Decoding of RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?ISO-8859-1?Q?…?=`) in mail header text.
import iconv from 'iconv-lite';

const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;
const ONLY_SPACE = /^[ \t\r\n]*$/;

interface Word {
  charset: string;
  bytes: Buffer;
}

function wordBytes(encoding: string, text: string): Buffer {
  if (encoding === 'b' || encoding === 'B') return Buffer.from(text.replace(/[^A-Za-z0-9+/]/g, ''), 'base64');
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5f) out.push(0x20);
    else if (c === 0x3d && i + 2 < text.length && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(c & 0xff);
  }
  return Buffer.from(out);
}

function charsetName(raw: string): string {
  // RFC 2231 allows a language after `*`: `UTF-8*en`.
  const name = raw.split('*')[0].toLowerCase();
  if (name === 'utf8') return 'utf-8';
  if (name === 'us-ascii' || name === 'ascii') return 'utf-8';
  // Mail clients label Windows-1252 text as Latin-1; decoding as 1252 is the superset browsers use.
  if (name === 'iso-8859-1' || name === 'latin1' || name === 'latin-1') return 'windows-1252';
  return name;
}

function decodeWord(word: Word): string | null {
  if (word.charset === 'utf-8') return word.bytes.toString('utf8');
  if (!iconv.encodingExists(word.charset)) return null;
  return iconv.decode(word.bytes, word.charset);
}

/**
 * Decodes every encoded word in `text`. Whitespace between adjacent encoded words is dropped,
 * and adjacent words in one charset are joined as bytes first, so a multi-byte character split
 * across two words survives. Unknown charsets leave the word as written.
 */
export function decodeEncodedWords(text: string): string {
  if (!text.includes('=?')) return text;
  let out = '';
  let last = 0;
  let run: Word | null = null;
  let runRaw = '';
  const closeRun = (): void => {
    if (!run) return;
    const decoded = decodeWord(run);
    out += decoded ?? runRaw;
    run = null;
    runRaw = '';
  };
  ENCODED_WORD.lastIndex = 0;
  for (let m = ENCODED_WORD.exec(text); m; m = ENCODED_WORD.exec(text)) {
    const between = text.slice(last, m.index);
    const charset = charsetName(m[1]);
    const bytes = wordBytes(m[2], m[3]);
    if (run && ONLY_SPACE.test(between)) {
      const open: Word = run;
      if (open.charset === charset) {
        open.bytes = Buffer.concat([open.bytes, bytes]);
        runRaw += m[0];
      } else {
        closeRun();
        run = { charset, bytes };
        runRaw = m[0];
      }
    } else {
      closeRun();
      out += between;
      run = { charset, bytes };
      runRaw = m[0];
    }
    last = m.index + m[0].length;
  }
  closeRun();
  return out + text.slice(last);
}
