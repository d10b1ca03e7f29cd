// Parses FILTER text (SPEC §9) into a FilterAst, with errors that point at the offending word.

import { FILTER_FIELDS, FilterError } from './filterAst';
import type { CompareOp, FilterAst, FilterField, FilterValue } from './filterAst';
import { checkOperator, didYouMean, findField, KEYWORDS, readValue, suggestWord } from './filterFields';
import { tokenizeFilter } from './tokenizeFilter';
import type { FilterToken } from './tokenizeFilter';

/** Deeper nesting than this is refused rather than risking the call stack. */
const MAX_DEPTH = 100;

class FilterParser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: FilterToken[]) {}

  parse(): FilterAst {
    if (this.peek().type === 'end') return { kind: 'all' };
    const ast = this.parseOr();
    const next = this.peek();
    if (next.type === ')') throw new FilterError(`unexpected ")" at position ${next.position}`, next.position, ')');
    if (next.type !== 'end') throw this.expected('"and" or "or"');
    return ast;
  }

  private peek(): FilterToken {
    return this.tokens[this.index];
  }

  private take(): FilterToken {
    const token = this.tokens[this.index];
    if (token.type !== 'end') this.index++;
    return token;
  }

  private isKeyword(token: FilterToken, keyword: string): boolean {
    return token.type === 'word' && token.value.toLowerCase() === keyword;
  }

  /** "expected X after "<previous token>" at position N, found "<token>"". */
  private expected(what: string, hint = ''): FilterError {
    const token = this.peek();
    const previous = this.index > 0 ? this.tokens[this.index - 1] : undefined;
    const after = previous === undefined ? '' : ` after "${previous.text}"`;
    const found = token.type === 'end' ? '' : `, found "${token.text}"`;
    return new FilterError(`expected ${what}${after} at position ${token.position}${found}${hint}`, token.position, token.text);
  }

  private enter(token: FilterToken): void {
    if (++this.depth > MAX_DEPTH) {
      throw new FilterError(`filter nested too deeply at position ${token.position}`, token.position, token.text);
    }
  }

  private parseOr(): FilterAst {
    const operands = [this.parseAnd()];
    while (this.isKeyword(this.peek(), 'or')) {
      this.take();
      operands.push(this.parseAnd());
    }
    return operands.length === 1 ? operands[0] : { kind: 'or', operands };
  }

  private parseAnd(): FilterAst {
    const operands = [this.parseUnary()];
    while (this.isKeyword(this.peek(), 'and')) {
      this.take();
      operands.push(this.parseUnary());
    }
    return operands.length === 1 ? operands[0] : { kind: 'and', operands };
  }

  private parseUnary(): FilterAst {
    const token = this.peek();
    if (this.isKeyword(token, 'not')) {
      this.enter(token);
      this.take();
      const operand = this.parseUnary();
      this.depth--;
      return { kind: 'not', operand };
    }
    if (token.type === '(') {
      this.enter(token);
      this.take();
      const inner = this.parseOr();
      if (this.peek().type !== ')') throw this.expected('")"', ` (to close the "(" at position ${token.position})`);
      this.take();
      this.depth--;
      return inner;
    }
    return this.parseComparison();
  }

  private parseComparison(): FilterAst {
    const token = this.peek();
    if (token.type !== 'word' || KEYWORDS.has(token.value.toLowerCase())) throw this.expected('a field');
    const field = findField(token.value);
    if (field === undefined) {
      const hint = didYouMean(suggestWord(token.value, FILTER_FIELDS));
      throw new FilterError(`unknown field "${token.value}" at position ${token.position}${hint}`, token.position, token.text);
    }
    this.take();
    const next = this.peek();
    if (next.type === 'op') {
      this.take();
      checkOperator(field, next.value, next.position, ` at position ${next.position}`);
      return { kind: 'compare', field, op: next.value, value: this.parseValue(field, next.value) };
    }
    if (this.isKeyword(next, 'in')) {
      this.take();
      return { kind: 'in', field, values: this.parseList(field) };
    }
    if (this.isKeyword(next, 'not') && this.isKeyword(this.tokens[this.index + 1], 'in')) {
      this.take();
      this.take();
      return { kind: 'not', operand: { kind: 'in', field, values: this.parseList(field) } };
    }
    throw this.expected('an operator (= != < <= > >= ~ in)');
  }

  private parseList(field: FilterField): FilterValue[] {
    if (this.peek().type !== '(') throw this.expected('"("');
    this.take();
    const values = [this.parseValue(field, 'in')];
    while (this.peek().type === ',') {
      this.take();
      values.push(this.parseValue(field, 'in'));
    }
    if (this.peek().type !== ')') throw this.expected('"," or ")"');
    this.take();
    return values;
  }

  private parseValue(field: FilterField, op: CompareOp | 'in'): FilterValue {
    const token = this.peek();
    const isValue = token.type === 'string' || (token.type === 'word' && !this.isReservedWord(token.value));
    if (!isValue) {
      const hint = token.type === 'word' ? ' (quote it to use it as a value)' : '';
      throw this.expected('a value', hint);
    }
    this.take();
    const raw = { text: token.value, quoted: token.type === 'string', position: token.position, source: token.text };
    return readValue(field, op, { ...raw, where: ` at position ${token.position}` });
  }

  /** `none` is a value of its own; the other keywords must be quoted to be values. */
  private isReservedWord(word: string): boolean {
    const lower = word.toLowerCase();
    return lower !== 'none' && KEYWORDS.has(lower);
  }
}

/**
 * Parses FILTER text; '' or whitespace matches everyone. Throws FilterError and nothing else.
 *
 *   filter     = [ or ] ;
 *   or         = and { "or" and } ;
 *   and        = unary { "and" unary } ;
 *   unary      = "not" unary | "(" or ")" | condition ;
 *   condition  = field op value | field [ "not" ] "in" "(" value { "," value } ")" ;
 *   op         = "=" | "!=" | "<" | "<=" | ">" | ">=" | "~" ;
 *   value      = word | '"' { char | '\"' | '\\' } '"' ;
 *
 * Keywords (and, or, not, in, none) and field names are case-insensitive. A bare word runs up to
 * whitespace or one of ( ) " , = ! < > ~; a bare `none` is the null value, `"none"` the word; the
 * other keywords must be quoted to be values. Which operators and values a field takes: filterFields.
 * Positions in errors are 0-based UTF-16 offsets into the text.
 */
export function parseFilter(text: string): FilterAst {
  return new FilterParser(tokenizeFilter(text)).parse();
}
