// Writes a FilterAst back as normalised FILTER text that parseFilter reads to the same tree.

import type { FilterAst, FilterValue } from './filterAst';
import { KEYWORDS } from './filterFields';
import { WORD_BREAKERS } from './tokenizeFilter';

function isBareWord(text: string): boolean {
  if (text === '' || KEYWORDS.has(text.toLowerCase())) return false;
  for (const char of text) if (/\s/.test(char) || WORD_BREAKERS.includes(char)) return false;
  return true;
}

/** A value as FILTER text: `none` for null, bare when it is one plain word, else double-quoted. */
export function describeValue(value: FilterValue): string {
  if (value === null) return 'none';
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  if (isBareWord(value)) return value;
  return `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

export function describeFilter(ast: FilterAst): string {
  switch (ast.kind) {
    case 'all':
      return '';
    case 'compare':
      return `${ast.field}${ast.op}${describeValue(ast.value)}`;
    case 'in':
      return `${ast.field} in (${ast.values.map(describeValue).join(',')})`;
    case 'not': {
      const inner = describeFilter(ast.operand);
      return ast.operand.kind === 'and' || ast.operand.kind === 'or' ? `not (${inner})` : `not ${inner}`;
    }
    case 'and':
      return ast.operands
        .map((o) => (o.kind === 'and' || o.kind === 'or' ? `(${describeFilter(o)})` : describeFilter(o)))
        .join(' and ');
    case 'or':
      return ast.operands.map((o) => (o.kind === 'or' ? `(${describeFilter(o)})` : describeFilter(o))).join(' or ');
  }
}
