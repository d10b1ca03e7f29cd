// vCard 2.1/3.0/4.0 address books: unfolding, quoted-printable with charsets, escapes, item groups → connection records.
import iconv from 'iconv-lite';
import type { ConnectionRecord, ParsedConnections, SkippedRow } from '../../../../shared/domain/records';
import { ImportError } from '../importError';
import { buildRecord, DateProblems, type RawPerson } from './connectionRecord';

interface LogicalLine {
  line: number;
  text: string;
}

interface Property {
  name: string;
  params: Map<string, string[]>;
  value: string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isQuotedPrintable(head: string): boolean {
  return /(^|;)(ENCODING=)?QUOTED-PRINTABLE(;|$)/i.test(head);
}

/** Joins folded lines (a leading space or tab) and quoted-printable soft breaks (a trailing `=`). */
function logicalLines(text: string): LogicalLine[] {
  const physical = text.split(/\r\n|\r|\n/);
  const out: LogicalLine[] = [];
  let current: LogicalLine | null = null;
  let qp = false;
  physical.forEach((raw, index) => {
    if (current && (raw.startsWith(' ') || raw.startsWith('\t')) && !(qp && current.text.endsWith('='))) {
      current.text += raw.slice(1);
      return;
    }
    if (current && qp && current.text.endsWith('=')) {
      current.text = current.text.slice(0, -1) + raw;
      return;
    }
    if (raw.trim() === '') {
      current = null;
      qp = false;
      return;
    }
    current = { line: index + 1, text: raw };
    out.push(current);
    const colon = raw.indexOf(':');
    qp = colon > 0 && isQuotedPrintable(raw.slice(0, colon));
  });
  return out;
}

/** Splits on a separator that is not escaped with a backslash (and, for parameters, not inside quotes). */
function splitUnescaped(s: string, sep: string, quotes = false): string[] {
  const parts: string[] = [];
  let cur = '';
  let inQuote = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length && !quotes) {
      cur += c + s[i + 1];
      i++;
    } else if (c === '"' && quotes) {
      inQuote = !inQuote;
      cur += c;
    } else if (c === sep && !inQuote) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}

function unescapeValue(s: string): string {
  return s.replace(/\\([nN,;:\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? ' ' : c));
}

function decodeQuotedPrintable(value: string, charset: string | undefined): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === '=' && i === value.length - 1) {
      break;
    } else {
      for (const b of Buffer.from(c, 'utf8')) bytes.push(b);
    }
  }
  const buf = Buffer.from(bytes);
  const cs = charset?.toLowerCase();
  if (cs && cs !== 'utf-8' && cs !== 'utf8' && iconv.encodingExists(cs)) return iconv.decode(buf, cs);
  try {
    return strictUtf8.decode(buf);
  } catch {
    return iconv.decode(buf, 'windows-1252');
  }
}

function parseProperty(text: string): Property | null {
  let colon = -1;
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') inQuote = !inQuote;
    else if (text[i] === ':' && !inQuote) {
      colon = i;
      break;
    }
  }
  if (colon <= 0) return null;
  const [nameWithGroup, ...rawParams] = splitUnescaped(text.slice(0, colon), ';', true);
  const name = nameWithGroup.replace(/^.*\./, '').trim().toUpperCase();
  const params = new Map<string, string[]>();
  for (const p of rawParams) {
    const eq = p.indexOf('=');
    const key = (eq < 0 ? 'TYPE' : p.slice(0, eq)).trim().toUpperCase();
    const values = (eq < 0 ? p : p.slice(eq + 1)).split(',').map((v) => v.replace(/^"|"$/g, '').trim());
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  let value = text.slice(colon + 1);
  const encoding = (params.get('ENCODING') ?? []).concat(params.get('TYPE') ?? []).map((v) => v.toUpperCase());
  if (encoding.includes('QUOTED-PRINTABLE')) value = decodeQuotedPrintable(value, params.get('CHARSET')?.[0]);
  else if (encoding.includes('B') || encoding.includes('BASE64')) value = '';
  return { name, params, value };
}

function person(line: number): RawPerson {
  return { line, emails: [], urls: [], phones: [] };
}

function applyProperty(p: RawPerson, prop: Property): void {
  const whole = () => unescapeValue(prop.value).trim();
  switch (prop.name) {
    case 'FN':
      p.name = whole();
      break;
    case 'N': {
      // Unescaped commas separate several values of one component; `\,` is a comma in a name.
      const [family = '', given = '', additional = ''] = splitUnescaped(prop.value, ';').map((part) =>
        splitUnescaped(part, ',').map(unescapeValue).join(' ').trim(),
      );
      p.lastName = family;
      p.firstName = given;
      p.middleName = additional;
      break;
    }
    case 'ORG':
      p.company = unescapeValue(splitUnescaped(prop.value, ';')[0] ?? '');
      break;
    case 'TITLE':
      p.position = whole();
      break;
    case 'EMAIL':
      p.emails.push(whole().replace(/^mailto:/i, ''));
      break;
    case 'TEL':
      p.phones.push(whole().replace(/^tel:/i, ''));
      break;
    case 'URL':
    case 'X-SOCIALPROFILE':
      p.urls.push(whole());
      break;
  }
}

export function parseVcard(text: string, file: string): ParsedConnections {
  const lines = logicalLines(text);
  const records: ConnectionRecord[] = [];
  const skipped: SkippedRow[] = [];
  const warnings: string[] = [];
  const dates = new DateProblems();
  let current: RawPerson | null = null;
  let cards = 0;
  const finish = (p: RawPerson) => {
    const built = buildRecord(p, 'empty card (no name, e-mail, URL or phone)', dates);
    if ('skip' in built) skipped.push({ line: p.line, reason: built.skip });
    else records.push(built.record);
  };
  for (const { line, text: logical } of lines) {
    const upper = logical.trim().toUpperCase();
    if (upper === 'BEGIN:VCARD') {
      if (current) {
        warnings.push(`line ${current.line}: a card without END:VCARD`);
        finish(current);
      }
      current = person(line);
      cards++;
      continue;
    }
    if (upper === 'END:VCARD') {
      if (current) finish(current);
      current = null;
      continue;
    }
    if (!current) continue;
    const prop = parseProperty(logical);
    // Every line of the card (its UID, REV, notes and labels too): what "every field equal" compares.
    current.rawRow = current.rawRow === undefined ? logical : `${current.rawRow}\n${logical}`;
    if (prop) applyProperty(current, prop);
  }
  if (current) {
    warnings.push(`line ${(current as RawPerson).line}: the last card has no END:VCARD`);
    finish(current);
  }
  if (cards === 0) throw new ImportError(file, null, 'not a vCard file (no BEGIN:VCARD)');
  return { format: 'vcard', network: 'vcard', records, skipped, warnings };
}
