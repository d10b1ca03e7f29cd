// Splits filter text into tokens: bare words, double-quoted strings, operators, parentheses and commas.

import { FilterError } from './filterAst';
import type { CompareOp } from './filterAst';

export type FilterToken =
  | { type: 'word'; text: string; value: string; position: number }
  | { type: 'string'; text: string; value: string; position: number }
  | { type: 'op'; text: CompareOp; value: CompareOp; position: number }
  | { type: '(' | ')' | ',' | 'end'; text: string; value: string; position: number };

const WHITESPACE = /\s/;
/** Characters that end a bare word; describeFilter quotes any value containing one. */
export const WORD_BREAKERS = '()",=!<>~';

function isWordChar(char: string): boolean {
  return !WHITESPACE.test(char) && !WORD_BREAKERS.includes(char);
}

function readString(text: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const char = text[i];
    if (char === '"') return { value, end: i + 1 };
    if (char === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) {
      value += text[i + 1];
      i += 2;
      continue;
    }
    value += char;
    i++;
  }
  throw new FilterError(`unterminated string starting at position ${start}`, start, text.slice(start));
}

function readOperator(text: string, i: number): CompareOp | undefined {
  const pair = text.slice(i, i + 2);
  if (pair === '!=' || pair === '<=' || pair === '>=') return pair;
  const char = text[i];
  if (char === '=' || char === '<' || char === '>' || char === '~') return char;
  return undefined;
}

export function tokenizeFilter(text: string): FilterToken[] {
  const tokens: FilterToken[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (WHITESPACE.test(char)) {
      i++;
    } else if (char === '(' || char === ')' || char === ',') {
      tokens.push({ type: char, text: char, value: char, position: i });
      i++;
    } else if (char === '"') {
      const { value, end } = readString(text, i);
      tokens.push({ type: 'string', text: text.slice(i, end), value, position: i });
      i = end;
    } else if (WORD_BREAKERS.includes(char)) {
      const op = readOperator(text, i);
      if (op === undefined) throw new FilterError(`unexpected "${char}" at position ${i} (did you mean "!="?)`, i, char);
      tokens.push({ type: 'op', text: op, value: op, position: i });
      i += op.length;
    } else {
      let end = i + 1;
      while (end < text.length && isWordChar(text[end])) end++;
      const word = text.slice(i, end);
      tokens.push({ type: 'word', text: word, value: word, position: i });
      i = end;
    }
  }
  tokens.push({ type: 'end', text: '', value: '', position: text.length });
  return tokens;
}
