// The UI's filter chips: a flat AND of `field op value` conditions, converted to and from a FilterAst.

import { FILTER_FIELDS, FilterError } from './filterAst';
import type { CompareOp, FilterAst, FilterField, FilterValue } from './filterAst';
import { checkOperator, didYouMean, findField, readValue, suggestWord } from './filterFields';

export type ChipOp = CompareOp | 'in';

/**
 * One condition. `value` is a list for `in`, one value otherwise; null means `none`, and the
 * string "none" is the literal word. Numbers may come as numbers or numeric text (from an input).
 * `not: true` negates the chip (`not tag=keep`).
 */
export interface FilterChip {
  field: FilterField;
  op: ChipOp;
  value: FilterValue | FilterValue[];
  not?: boolean;
}

function readChipValue(field: FilterField, op: ChipOp, value: FilterValue, index: number): FilterValue {
  const where = ` in chip ${index}`;
  if (value === null) return readValue(field, op, { text: 'none', quoted: false, position: index, source: 'none', where });
  const text = String(value);
  return readValue(field, op, { text, quoted: true, position: index, source: text, where });
}

function chipToFilter(chip: FilterChip, index: number): FilterAst {
  const field = findField(String(chip.field));
  if (field === undefined) {
    const hint = didYouMean(suggestWord(String(chip.field), FILTER_FIELDS));
    throw new FilterError(`unknown field "${chip.field}" in chip ${index}${hint}`, index, String(chip.field));
  }
  let node: FilterAst;
  if (chip.op === 'in') {
    const values = Array.isArray(chip.value) ? chip.value : [chip.value];
    if (values.length === 0) throw new FilterError(`expected at least one value in chip ${index}`, index, 'in');
    node = { kind: 'in', field, values: values.map((v) => readChipValue(field, 'in', v, index)) };
  } else {
    if (Array.isArray(chip.value)) {
      throw new FilterError(`operator "${chip.op}" takes one value in chip ${index}`, index, String(chip.op));
    }
    checkOperator(field, chip.op, index, ` in chip ${index}`);
    node = { kind: 'compare', field, op: chip.op, value: readChipValue(field, chip.op, chip.value, index) };
  }
  return chip.not === true ? { kind: 'not', operand: node } : node;
}

/** Chips to a tree: none → all, one → that condition, several → their AND. Throws FilterError. */
export function chipsToFilter(chips: readonly FilterChip[]): FilterAst {
  const nodes = chips.map(chipToFilter);
  if (nodes.length === 0) return { kind: 'all' };
  return nodes.length === 1 ? nodes[0] : { kind: 'and', operands: nodes };
}

function conditionToChip(ast: FilterAst, not: boolean): FilterChip | null {
  const flag = not ? { not: true } : {};
  if (ast.kind === 'compare') return { field: ast.field, op: ast.op, value: ast.value, ...flag };
  if (ast.kind === 'in') return { field: ast.field, op: 'in', value: [...ast.values], ...flag };
  return null;
}

function collectChips(ast: FilterAst, into: FilterChip[]): boolean {
  if (ast.kind === 'and') return ast.operands.every((operand) => collectChips(operand, into));
  const chip = ast.kind === 'not' ? conditionToChip(ast.operand, true) : conditionToChip(ast, false);
  if (chip === null) return false;
  into.push(chip);
  return true;
}

/** A tree as chips, or null when it is not an AND of (possibly negated) conditions. */
export function filterToChips(ast: FilterAst): FilterChip[] | null {
  if (ast.kind === 'all') return [];
  const chips: FilterChip[] = [];
  return collectChips(ast, chips) ? chips : null;
}
