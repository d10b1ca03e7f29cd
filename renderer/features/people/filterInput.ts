// The filter box's logic: read SPEC §9 text into a matcher or an error that points at a word, and keep chips in sync.
import { chipsToFilter, compileFilter, describeFilter, FilterError, filterToChips, parseFilter, type FilterChip, type FilterablePerson } from '../../../shared/filter';

export type FilterCheck =
  | { ok: true; text: string; matches: (p: FilterablePerson) => boolean; chips: FilterChip[] | null }
  | { ok: false; text: string; message: string; position: number; token: string };

export function checkFilter(text: string): FilterCheck {
  try {
    const ast = parseFilter(text);
    return { ok: true, text, matches: compileFilter(ast), chips: filterToChips(ast) };
  } catch (err) {
    if (err instanceof FilterError) return { ok: false, text, message: err.message, position: err.position, token: err.token };
    throw err;
  }
}

/** The text split around the offending word, for underlining it; at the end, a blank marks the spot. */
export function errorSpan(text: string, position: number, token: string): { before: string; bad: string; after: string } {
  const at = Math.max(0, Math.min(position, text.length));
  const length = token && text.startsWith(token, at) ? token.length : Math.max(1, text.slice(at).search(/\s|$/));
  const bad = text.slice(at, at + length);
  return { before: text.slice(0, at), bad: bad === '' ? ' ' : bad, after: text.slice(at + length) };
}

/** Chips as filter text; throws FilterError when a chip's value does not fit its field. */
export function chipsToText(chips: readonly FilterChip[]): string {
  return describeFilter(chipsToFilter(chips));
}

/** How a chip reads on screen: `tier = dilution`, `not tag = keep`, `tier in dilution, acquaintance`. */
export function chipLabel(chip: FilterChip): string {
  const value = Array.isArray(chip.value) ? chip.value.map(showValue).join(', ') : showValue(chip.value);
  return `${chip.not ? 'not ' : ''}${chip.field} ${chip.op} ${value}`;
}

function showValue(v: string | number | null): string {
  return v === null ? 'none' : String(v);
}
