// What each filter field accepts: its operators, whether it can be `none`, and how its values are read and checked.

import { TIERS } from '../domain/audit';
import { FILTER_FIELDS, FilterError } from './filterAst';
import type { CompareOp, FilterField, FilterValue } from './filterAst';

/** tier: one of TIERS; list: a set (networks, tags); string: one text; search: free text; date; number. */
export type FieldKind = 'tier' | 'list' | 'string' | 'search' | 'date' | 'number';

export interface FieldSpec {
  kind: FieldKind;
  ops: readonly CompareOp[];
  /** `field=none` means: no value (null date, empty list, blank text). */
  allowsNone: boolean;
}

const EQUALITY: readonly CompareOp[] = ['=', '!='];
const TEXTUAL: readonly CompareOp[] = ['=', '!=', '~'];
const ORDERED: readonly CompareOp[] = ['=', '!=', '<', '<=', '>', '>='];

export const FIELD_SPECS: Readonly<Record<FilterField, FieldSpec>> = {
  tier: { kind: 'tier', ops: EQUALITY, allowsNone: false },
  network: { kind: 'list', ops: TEXTUAL, allowsNone: true },
  tag: { kind: 'list', ops: TEXTUAL, allowsNone: true },
  company: { kind: 'string', ops: TEXTUAL, allowsNone: true },
  position: { kind: 'string', ops: TEXTUAL, allowsNone: true },
  name: { kind: 'string', ops: TEXTUAL, allowsNone: true },
  text: { kind: 'search', ops: TEXTUAL, allowsNone: false },
  connectedOn: { kind: 'date', ops: ORDERED, allowsNone: true },
  lastContact: { kind: 'date', ops: ORDERED, allowsNone: true },
  score: { kind: 'number', ops: ORDERED, allowsNone: false },
  inPerson: { kind: 'number', ops: ORDERED, allowsNone: false },
  conversations: { kind: 'number', ops: ORDERED, allowsNone: false },
};

/** Words with a meaning of their own; as values they are written in quotes. */
export const KEYWORDS: ReadonlySet<string> = new Set(['and', 'or', 'not', 'in', 'none']);

const FIELDS_BY_LOWER = new Map<string, FilterField>(FILTER_FIELDS.map((f) => [f.toLowerCase(), f]));

/** Field names are case-insensitive: `connectedon` and `CONNECTEDON` are `connectedOn`. */
export function findField(word: string): FilterField | undefined {
  return FIELDS_BY_LOWER.get(word.toLowerCase());
}

/** Optimal string alignment distance: edits plus swaps of neighbours ("teir" is one step from "tier"). */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0].push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        distance = Math.min(distance, rows[i - 2][j - 2] + 1);
      }
      rows[i].push(distance);
    }
  }
  return rows[a.length][b.length];
}

/** The closest known word to a misspelt one, if any is close enough to be a likely typo. */
export function suggestWord(word: string, known: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  if (lower.length === 0) return undefined;
  const budget = lower.length <= 3 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (bestDistance <= budget) return best;
  if (lower.length >= 3) return known.find((candidate) => candidate.toLowerCase().startsWith(lower));
  return undefined;
}

export function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`;
}

/** A value as written: its text (escapes resolved), whether it was quoted, and where it stands. */
export interface RawValue {
  text: string;
  quoted: boolean;
  position: number;
  /** The value as written, quotes and escapes included: the error's token. */
  source: string;
  /** How the message points at it: " at position 5" in text, " in chip 2" for chips. */
  where: string;
}

const DATE_SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const NUMBER_SHAPE = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, each part in range (a real calendar day). */
export function isFilterDate(text: string): boolean {
  const match = DATE_SHAPE.exec(text);
  if (match === null) return false;
  const year = Number(match[1]);
  if (match[2] === undefined) return true;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return false;
  if (match[3] === undefined) return true;
  const day = Number(match[3]);
  return day >= 1 && day <= daysInMonth(year, month);
}

/** Rejects an operator the field has no meaning for. `in` is allowed on every field. */
export function checkOperator(field: FilterField, op: CompareOp, position: number, where: string): void {
  if (!FIELD_SPECS[field].ops.includes(op)) {
    const allowed = [...FIELD_SPECS[field].ops, 'in'].join(' ');
    throw new FilterError(`operator "${op}" does not apply to ${field}${where} (use one of ${allowed})`, position, op);
  }
}

/** Reads one value for `field op value` (op 'in' for a list item), checking it against the field. */
export function readValue(field: FilterField, op: CompareOp | 'in', raw: RawValue): FilterValue {
  const spec = FIELD_SPECS[field];
  const token = raw.source;
  if (!raw.quoted && raw.text.toLowerCase() === 'none') {
    if (!spec.allowsNone) throw new FilterError(`${field} cannot be none${raw.where}`, raw.position, token);
    if (op !== '=' && op !== '!=' && op !== 'in') {
      throw new FilterError(`"none" only works with =, != and in${raw.where}`, raw.position, token);
    }
    return null;
  }
  switch (spec.kind) {
    case 'tier': {
      const tier = TIERS.find((t) => t === raw.text.toLowerCase());
      if (tier !== undefined) return tier;
      const hint = didYouMean(suggestWord(raw.text, TIERS));
      throw new FilterError(`unknown tier "${raw.text}"${raw.where}${hint}`, raw.position, token);
    }
    case 'number': {
      const value = Number(raw.text);
      if (!NUMBER_SHAPE.test(raw.text) || !Number.isFinite(value)) {
        throw new FilterError(`expected a number for ${field}, got "${raw.text}"${raw.where}`, raw.position, token);
      }
      return value === 0 ? 0 : value;
    }
    case 'date':
      if (!isFilterDate(raw.text)) {
        const message = `expected a date (YYYY, YYYY-MM or YYYY-MM-DD) for ${field}, got "${raw.text}"${raw.where}`;
        throw new FilterError(message, raw.position, token);
      }
      return raw.text;
    default:
      return raw.text;
  }
}
