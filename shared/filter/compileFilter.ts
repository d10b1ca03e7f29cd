// Turns a FilterAst into one matching function built from closures, with every constant lowered once.

import type { CompareOp, FilterAst, FilterField, FilterValue, FilterablePerson } from './filterAst';
import { FIELD_SPECS } from './filterFields';

type Match = (p: FilterablePerson) => boolean;

const MATCH_ALL: Match = () => true;
const MATCH_NONE: Match = () => false;

function numberOf(field: FilterField): (p: FilterablePerson) => number {
  if (field === 'score') return (p) => p.score;
  if (field === 'inPerson') return (p) => p.inPerson;
  return (p) => p.conversations;
}

function dateOf(field: FilterField): (p: FilterablePerson) => string | null {
  return field === 'connectedOn' ? (p) => p.connectedOn : (p) => p.lastContact;
}

function textOf(field: FilterField): (p: FilterablePerson) => string {
  if (field === 'company') return (p) => p.company;
  if (field === 'position') return (p) => p.position;
  return (p) => p.name;
}

function listOf(field: FilterField): (p: FilterablePerson) => string[] {
  return field === 'tag' ? (p) => p.tags : (p) => p.networks;
}

function compileNumber(field: FilterField, op: CompareOp, v: number): Match {
  const get = numberOf(field);
  switch (op) {
    case '=': return (p) => get(p) === v;
    case '!=': return (p) => get(p) !== v;
    case '<': return (p) => get(p) < v;
    case '<=': return (p) => get(p) <= v;
    case '>': return (p) => get(p) > v;
    case '>=': return (p) => get(p) >= v;
    default: return MATCH_NONE;
  }
}

/**
 * A date value `v` (YYYY, YYYY-MM or YYYY-MM-DD) stands for every day whose text starts with it,
 * i.e. the strings from `v` up to (not including) `v + '\uffff'`; a null date matches no comparison.
 */
function compileDate(field: FilterField, op: CompareOp, v: string | null): Match {
  const get = dateOf(field);
  if (v === null) return op === '=' ? (p) => get(p) === null : (p) => get(p) !== null;
  const first = v;
  const beyond = `${v}\uffff`;
  switch (op) {
    case '=': return (p) => { const d = get(p); return d !== null && d >= first && d < beyond; };
    case '!=': return (p) => { const d = get(p); return d !== null && (d < first || d >= beyond); };
    case '<': return (p) => { const d = get(p); return d !== null && d < first; };
    case '<=': return (p) => { const d = get(p); return d !== null && d < beyond; };
    case '>': return (p) => { const d = get(p); return d !== null && d >= beyond; };
    case '>=': return (p) => { const d = get(p); return d !== null && d >= first; };
    default: return MATCH_NONE;
  }
}

function compileText(field: FilterField, op: CompareOp, v: string | null): Match {
  const get = textOf(field);
  if (v === null) return op === '=' ? (p) => get(p).trim() === '' : (p) => get(p).trim() !== '';
  const lower = v.toLowerCase();
  switch (op) {
    case '=': return (p) => get(p).toLowerCase() === lower;
    case '!=': return (p) => get(p).toLowerCase() !== lower;
    case '~': return (p) => get(p).toLowerCase().includes(lower);
    default: return MATCH_NONE;
  }
}

function someItem(items: string[], check: (item: string) => boolean): boolean {
  for (let i = 0; i < items.length; i++) if (check(items[i].toLowerCase())) return true;
  return false;
}

/** On a list, = and ~ mean "has one that…"; != means "has none equal to" (the same as `not field=value`). */
function compileList(field: FilterField, op: CompareOp, v: string | null): Match {
  const get = listOf(field);
  if (v === null) return op === '=' ? (p) => get(p).length === 0 : (p) => get(p).length > 0;
  const lower = v.toLowerCase();
  const equal = (item: string) => item === lower;
  switch (op) {
    case '=': return (p) => someItem(get(p), equal);
    case '!=': return (p) => !someItem(get(p), equal);
    case '~': return (p) => someItem(get(p), (item) => item.includes(lower));
    default: return MATCH_NONE;
  }
}

/** Free text searches name, company, position and e-mails; = and ~ both mean "contains". */
function compileSearch(op: CompareOp, v: string): Match {
  const lower = v.toLowerCase();
  const contains = (text: string) => text.includes(lower);
  const found = (p: FilterablePerson) =>
    p.name.toLowerCase().includes(lower) ||
    p.company.toLowerCase().includes(lower) ||
    p.position.toLowerCase().includes(lower) ||
    someItem(p.emails, contains);
  return op === '!=' ? (p) => !found(p) : found;
}

function compileCompare(field: FilterField, op: CompareOp, value: FilterValue): Match {
  switch (FIELD_SPECS[field].kind) {
    case 'tier':
      return op === '!=' ? (p) => p.tier !== value : (p) => p.tier === value;
    case 'number':
      return typeof value === 'number' ? compileNumber(field, op, value) : MATCH_NONE;
    case 'date':
      return compileDate(field, op, typeof value === 'number' ? String(value) : value);
    case 'string':
      return compileText(field, op, value === null ? null : String(value));
    case 'list':
      return compileList(field, op, value === null ? null : String(value));
    case 'search':
      return value === null ? MATCH_NONE : compileSearch(op, String(value));
  }
}

function compileAny(matches: Match[]): Match {
  if (matches.length === 1) return matches[0];
  if (matches.length === 2) {
    const [a, b] = matches;
    return (p) => a(p) || b(p);
  }
  return (p) => {
    for (let i = 0; i < matches.length; i++) if (matches[i](p)) return true;
    return false;
  };
}

function compileEvery(matches: Match[]): Match {
  if (matches.length === 1) return matches[0];
  if (matches.length === 2) {
    const [a, b] = matches;
    return (p) => a(p) && b(p);
  }
  return (p) => {
    for (let i = 0; i < matches.length; i++) if (!matches[i](p)) return false;
    return true;
  };
}

function compileIn(field: FilterField, values: FilterValue[]): Match {
  if (field === 'tier') {
    const tiers = new Set(values);
    return (p) => tiers.has(p.tier);
  }
  return compileAny(values.map((value) => compileCompare(field, '=', value)));
}

/**
 * Builds the matcher once; call it for each person. Semantics:
 * - text (company, position, name, tags, networks, free text) compares case-insensitively;
 *   `~` is "contains"; on `text`, `=` is "contains" too.
 * - tag and network are sets: `=`, `~`, `in` mean "has one that…"; `!=` means "has none equal to",
 *   the same as `not tag=keep`.
 * - a date value is a period: `2020` is the year, `2020-03` the month, `2020-03-04` the day;
 *   `<` is before its first day, `<=` up to its last, `>` after its last, `>=` from its first.
 * - a null date fails every comparison, `!=` included (`connectedOn!=2020` leaves out persons with
 *   no date, `not connectedOn=2020` keeps them); `=none` / `!=none` test for the missing date.
 * - `none` on text is blank text, on tag/network the empty set.
 */
export function compileFilter(ast: FilterAst): (p: FilterablePerson) => boolean {
  switch (ast.kind) {
    case 'all':
      return MATCH_ALL;
    case 'compare':
      return compileCompare(ast.field, ast.op, ast.value);
    case 'in':
      return ast.values.length === 0 ? MATCH_NONE : compileIn(ast.field, ast.values);
    case 'not': {
      const operand = compileFilter(ast.operand);
      return (p) => !operand(p);
    }
    case 'and':
      return ast.operands.length === 0 ? MATCH_ALL : compileEvery(ast.operands.map(compileFilter));
    case 'or':
      return ast.operands.length === 0 ? MATCH_NONE : compileAny(ast.operands.map(compileFilter));
  }
}
