// Which rows of one connection file are the same connection (SPEC §6: a file is a list of people), and
// the key each distinct row is stored under within its network.
import type { ConnectionRecord } from '../../../shared/domain/records';
import { foldText } from '../../../shared/identity/fold';
import type { NormalisedIdentities } from '../store/identityKeys';
import { HashedLines } from './hashedLines';

/** A row of the file that is the same connection as an earlier row, and what joined them. */
export interface FileJoin {
  line: number;
  sameAs: number;
  /** In words: `same e-mail a@b.com`, `every field equal`. */
  why: string;
}

export type RowVerdict =
  | { join: FileJoin }
  /** `rowKey`: the row has no strong identifier and is keyed by its folded fields (see `connectionRowKey`). */
  | { key: string; rowKey: boolean; strongKeys: string[] };

const KIND_WORDS: Record<string, string> = { u: 'profile URL', e: 'e-mail', p: 'phone' };

/** The message a joined row is skipped with. */
export function joinReason(j: FileJoin): string {
  return `the same connection as line ${j.sameAs} (${j.why})`;
}

/** Every strong identifier of a row as a key, profile URLs first, then e-mails, then phones (the first is the row's key, as it always was). */
export function strongKeysOf(ids: NormalisedIdentities): string[] {
  const keys: string[] = [];
  for (const u of ids.urls) keys.push(`u:${u}`);
  for (const e of ids.emails) keys.push(`e:${e}`);
  for (const p of ids.phones) keys.push(`p:${p}`);
  return keys;
}

function fold(text: string): string {
  return foldText(text.trim()).replace(/\s+/g, ' ');
}

/** The folded full name of a row (or of a stored connection): what the row key and the re-export fallback compare. */
export function foldedName(fullName: string, firstName = '', lastName = ''): string {
  return fold(fullName || `${firstName} ${lastName}`);
}

/**
 * The key of a row without a profile URL, e-mail or phone: the whole folded name (not the name key,
 * which drops middle names and bracketed text: "Rodrigo Ribeiro da Silva (GAVB)" and "Rodrigo
 * Santos da Silva (Open Co)" have one name key), company, position and date. Phone numbers that
 * are not numbers in E.164 form (a service number such as 121, a local number without its country)
 * are not strong identifiers, but they tell two such rows apart, so their digits are part of it.
 */
export function connectionRowKey(r: ConnectionRecord): string {
  const base = `r:${foldedName(r.fullName, r.firstName, r.lastName)}|${fold(r.company)}|${fold(r.position)}|${r.connectedOn ?? ''}`;
  if (r.phones.length === 0) return base;
  let digits = '';
  for (const phone of r.phones) digits += (digits ? ',' : '') + phone.replace(/\D/g, '');
  return `${base}|${digits}`;
}

/** Every field of the source row as read, for the "every field equal" test. */
function rowDetail(r: ConnectionRecord): string {
  if (r.rawRow !== undefined) return r.rawRow;
  return JSON.stringify([r.firstName, r.lastName, r.fullName, r.emails, r.profileUrls, r.phones, r.company, r.position, r.connectedOn]);
}

/**
 * Reads one file's rows in order. Two rows are one connection only when they share a strong
 * identifier (any of their profile URLs, e-mails or phones, not only the first) or every field of
 * the row is equal. Rows without a strong identifier are keyed by `connectionRowKey`; when that key
 * repeats with other fields differing (two "Mohammed Ali" friends added the same day), the second
 * is stored under `<key>#2`, the third `#3`, and so on: the same file read again gives every row
 * the same key, so a re-import finds each one again.
 */
export class FileRowJoiner {
  /** Every strong identifier of the file's rows so far → the first line that had it. */
  private readonly strong = new HashedLines();
  /** Each row key's first occurrence, with the hash of its whole row. */
  private readonly rowKeys = new HashedLines(true);
  /** The later occurrences of the few row keys that repeat. */
  private readonly repeats = new Map<string, { detail: string; line: number }[]>();
  /** The rows joined to an earlier one. */
  joined = 0;

  verdict(r: ConnectionRecord, ids: NormalisedIdentities): RowVerdict {
    const keys = strongKeysOf(ids);
    if (keys.length > 0) {
      for (const k of keys) {
        const at = this.strong.lineOf(k);
        if (at !== 0) return this.join(r.line, at, `same ${KIND_WORDS[k[0]]} ${k.slice(2)}`);
      }
      for (const k of keys) this.strong.add(k, r.line);
      return { key: keys[0], rowKey: false, strongKeys: keys };
    }
    const base = connectionRowKey(r);
    const detail = rowDetail(r);
    const first = this.rowKeys.lineOf(base);
    if (first === 0) {
      this.rowKeys.add(base, r.line, detail);
      return { key: base, rowKey: true, strongKeys: keys };
    }
    if (this.rowKeys.sameDetail(base, detail)) return this.join(r.line, first, 'every field equal');
    const later = this.repeats.get(base) ?? [];
    for (const s of later) if (s.detail === detail) return this.join(r.line, s.line, 'every field equal');
    later.push({ detail, line: r.line });
    this.repeats.set(base, later);
    return { key: `${base}#${later.length + 1}`, rowKey: true, strongKeys: keys };
  }

  private join(line: number, sameAs: number, why: string): RowVerdict {
    this.joined += 1;
    return { join: { line, sameAs, why } };
  }
}
