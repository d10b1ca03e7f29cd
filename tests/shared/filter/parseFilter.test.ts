// parseFilter: grammar, precedence, values, and every error message with its position and word.
import { describe, expect, it } from 'vitest';
import { FilterError, parseFilter } from '../../../shared/filter';
import type { FilterAst } from '../../../shared/filter';

const cmp = (field: string, op: string, value: string | number | null) => ({ kind: 'compare', field, op, value }) as FilterAst;

function errorOf(text: string): FilterError {
  try {
    parseFilter(text);
  } catch (error) {
    expect(error).toBeInstanceOf(FilterError);
    return error as FilterError;
  }
  throw new Error(`expected "${text}" to fail`);
}

describe('parseFilter', () => {
  it('reads the empty filter as match-all', () => {
    expect(parseFilter('')).toEqual({ kind: 'all' });
    expect(parseFilter('  \t\n ')).toEqual({ kind: 'all' });
  });

  it('reads the SPEC examples', () => {
    expect(parseFilter('tier=dilution and connectedOn<2020-01-01')).toEqual({
      kind: 'and',
      operands: [cmp('tier', '=', 'dilution'), cmp('connectedOn', '<', '2020-01-01')],
    });
    expect(parseFilter('tier in (dilution,acquaintance) and not tag=keep')).toEqual({
      kind: 'and',
      operands: [
        { kind: 'in', field: 'tier', values: ['dilution', 'acquaintance'] },
        { kind: 'not', operand: cmp('tag', '=', 'keep') },
      ],
    });
  });

  it.each(['=', '!=', '<', '<=', '>', '>='])('reads the operator %s on numbers and dates', (op) => {
    expect(parseFilter(`score${op}40`)).toEqual(cmp('score', op, 40));
    expect(parseFilter(`lastContact ${op} 2021-06`)).toEqual(cmp('lastContact', op, '2021-06'));
  });

  it('reads ~, in and not in', () => {
    expect(parseFilter('company~contoso')).toEqual(cmp('company', '~', 'contoso'));
    expect(parseFilter('network in ( linkedin , facebook )')).toEqual({ kind: 'in', field: 'network', values: ['linkedin', 'facebook'] });
    expect(parseFilter('tier not in (real)')).toEqual({ kind: 'not', operand: { kind: 'in', field: 'tier', values: ['real'] } });
  });

  it('binds and tighter than or, and not tighter than and', () => {
    const a = cmp('tier', '=', 'real');
    const b = cmp('tag', '=', 'keep');
    const c = cmp('score', '>', 50);
    expect(parseFilter('tier=real or tag=keep and score>50')).toEqual({ kind: 'or', operands: [a, { kind: 'and', operands: [b, c] }] });
    expect(parseFilter('tier=real and tag=keep or score>50')).toEqual({ kind: 'or', operands: [{ kind: 'and', operands: [a, b] }, c] });
    expect(parseFilter('not tier=real and tag=keep')).toEqual({ kind: 'and', operands: [{ kind: 'not', operand: a }, b] });
  });

  it('lets parentheses override precedence and keeps their grouping', () => {
    const a = cmp('tier', '=', 'real');
    const b = cmp('tag', '=', 'keep');
    const c = cmp('score', '>', 50);
    expect(parseFilter('(tier=real or tag=keep) and score>50')).toEqual({ kind: 'and', operands: [{ kind: 'or', operands: [a, b] }, c] });
    expect(parseFilter('tier=real and tag=keep and score>50')).toEqual({ kind: 'and', operands: [a, b, c] });
    expect(parseFilter('(tier=real and tag=keep) and score>50')).toEqual({ kind: 'and', operands: [{ kind: 'and', operands: [a, b] }, c] });
    expect(parseFilter('not (tier=real or tag=keep)')).toEqual({ kind: 'not', operand: { kind: 'or', operands: [a, b] } });
    expect(parseFilter('((tier=real))')).toEqual(a);
    expect(parseFilter('not not tier=real')).toEqual({ kind: 'not', operand: { kind: 'not', operand: a } });
  });

  it('treats keywords, field names and tier names case-insensitively', () => {
    expect(parseFilter('TIER=Dilution AND Not TAG=keep OR connectedon IN (2020)')).toEqual({
      kind: 'or',
      operands: [
        { kind: 'and', operands: [cmp('tier', '=', 'dilution'), { kind: 'not', operand: cmp('tag', '=', 'keep') }] },
        { kind: 'in', field: 'connectedOn', values: ['2020'] },
      ],
    });
  });

  it('reads quoted values with escapes', () => {
    expect(parseFilter('company="Contoso Ltd"')).toEqual(cmp('company', '=', 'Contoso Ltd'));
    expect(parseFilter('name="Bob \\"The Builder\\" Smith"')).toEqual(cmp('name', '=', 'Bob "The Builder" Smith'));
    expect(parseFilter('text="a\\\\b"')).toEqual(cmp('text', '=', 'a\\b'));
    expect(parseFilter('text="C:\\temp"')).toEqual(cmp('text', '=', 'C:\\temp'));
    expect(parseFilter('tag=""')).toEqual(cmp('tag', '=', ''));
    expect(parseFilter('tag="and"')).toEqual(cmp('tag', '=', 'and'));
    expect(parseFilter('tag in ("to prune", keep)')).toEqual({ kind: 'in', field: 'tag', values: ['to prune', 'keep'] });
  });

  it('reads bare words with punctuation', () => {
    expect(parseFilter('text~bob@contoso.com')).toEqual(cmp('text', '~', 'bob@contoso.com'));
    expect(parseFilter('company=AT&T')).toEqual(cmp('company', '=', 'AT&T'));
  });

  it('reads none as null, and "none" as the word', () => {
    expect(parseFilter('lastContact=none')).toEqual(cmp('lastContact', '=', null));
    expect(parseFilter('connectedOn != NONE')).toEqual(cmp('connectedOn', '!=', null));
    expect(parseFilter('tag=none')).toEqual(cmp('tag', '=', null));
    expect(parseFilter('tag="none"')).toEqual(cmp('tag', '=', 'none'));
    expect(parseFilter('lastContact in (none, 2019)')).toEqual({ kind: 'in', field: 'lastContact', values: [null, '2019'] });
  });

  it('reads numbers and whole, month and year dates', () => {
    expect(parseFilter('score>=12.5')).toEqual(cmp('score', '>=', 12.5));
    expect(parseFilter('score>-1')).toEqual(cmp('score', '>', -1));
    expect(parseFilter('conversations="3"')).toEqual(cmp('conversations', '=', 3));
    expect(parseFilter('connectedOn<2020')).toEqual(cmp('connectedOn', '<', '2020'));
    expect(parseFilter('connectedOn<2020-02')).toEqual(cmp('connectedOn', '<', '2020-02'));
    expect(parseFilter('connectedOn=2024-02-29')).toEqual(cmp('connectedOn', '=', '2024-02-29'));
  });
});

describe('parseFilter errors', () => {
  it.each([
    ['teir=real', 'unknown field "teir" at position 0 (did you mean "tier"?)', 0, 'teir'],
    ['tier=real and compnay~x', 'unknown field "compnay" at position 14 (did you mean "company"?)', 14, 'compnay'],
    ['conn<2020', 'unknown field "conn" at position 0 (did you mean "connectedOn"?)', 0, 'conn'],
    ['zzz=1', 'unknown field "zzz" at position 0', 0, 'zzz'],
    ['tier=', 'expected a value after "=" at position 5', 5, ''],
    ['tier=)', 'expected a value after "=" at position 5, found ")"', 5, ')'],
    ['tier= and tag=x', 'expected a value after "=" at position 6, found "and" (quote it to use it as a value)', 6, 'and'],
    ['tier=dilutoin', 'unknown tier "dilutoin" at position 5 (did you mean "dilution"?)', 5, 'dilutoin'],
    ['tier=friend', 'unknown tier "friend" at position 5', 5, 'friend'],
    ['tier in (real,dilutoin)', 'unknown tier "dilutoin" at position 14 (did you mean "dilution"?)', 14, 'dilutoin'],
    ['tier=real tag=keep', 'expected "and" or "or" after "real" at position 10, found "tag"', 10, 'tag'],
    ['tier real', 'expected an operator (= != < <= > >= ~ in) after "tier" at position 5, found "real"', 5, 'real'],
    ['tier', 'expected an operator (= != < <= > >= ~ in) after "tier" at position 4', 4, ''],
    ['(tier=real', 'expected ")" after "real" at position 10 (to close the "(" at position 0)', 10, ''],
    ['tier=real)', 'unexpected ")" at position 9', 9, ')'],
    ['tier in real', 'expected "(" after "in" at position 8, found "real"', 8, 'real'],
    ['tier in (real', 'expected "," or ")" after "real" at position 13', 13, ''],
    ['tier in ()', 'expected a value after "(" at position 9, found ")"', 9, ')'],
    ['and tier=real', 'expected a field at position 0, found "and"', 0, 'and'],
    ['tier=real and', 'expected a field after "and" at position 13', 13, ''],
    ['tier=real or or', 'expected a field after "or" at position 13, found "or"', 13, 'or'],
    ['not', 'expected a field after "not" at position 3', 3, ''],
    ['"tier"=real', 'expected a field at position 0, found ""tier""', 0, '"tier"'],
    ['tier<real', 'operator "<" does not apply to tier at position 4 (use one of = != in)', 4, '<'],
    ['company>b', 'operator ">" does not apply to company at position 7 (use one of = != ~ in)', 7, '>'],
    ['score~5', 'operator "~" does not apply to score at position 5 (use one of = != < <= > >= in)', 5, '~'],
    ['score>abc', 'expected a number for score, got "abc" at position 6', 6, 'abc'],
    ['inPerson=1x', 'expected a number for inPerson, got "1x" at position 9', 9, '1x'],
    ['connectedOn<2020-13-01', 'expected a date (YYYY, YYYY-MM or YYYY-MM-DD) for connectedOn, got "2020-13-01" at position 12', 12, '2020-13-01'],
    ['lastContact=2023-02-29', 'expected a date (YYYY, YYYY-MM or YYYY-MM-DD) for lastContact, got "2023-02-29" at position 12', 12, '2023-02-29'],
    ['lastContact<none', '"none" only works with =, != and in at position 12', 12, 'none'],
    ['score=none', 'score cannot be none at position 6', 6, 'none'],
    ['text=none', 'text cannot be none at position 5', 5, 'none'],
    ['tier=none', 'tier cannot be none at position 5', 5, 'none'],
    ['company="Contoso', 'unterminated string starting at position 8', 8, '"Contoso'],
    ['tier!real', 'unexpected "!" at position 4 (did you mean "!="?)', 4, '!'],
  ])('%s', (text, message, position, token) => {
    const error = errorOf(text);
    expect(error.message).toBe(message);
    expect(error.position).toBe(position);
    expect(error.token).toBe(token);
    expect(error.name).toBe('FilterError');
  });

  it('points at the offending word in the text', () => {
    const text = 'tier=real and network in (linkedin, facebook) and teir=x';
    const error = errorOf(text);
    expect(text.slice(error.position, error.position + error.token.length)).toBe(error.token);
  });

  it('refuses absurd nesting with a FilterError instead of overflowing the stack', () => {
    expect(errorOf(`${'('.repeat(10_000)}tier=real${')'.repeat(10_000)}`).message).toMatch(/nested too deeply/);
    expect(errorOf(`${'not '.repeat(10_000)}tier=real`).message).toMatch(/nested too deeply/);
    expect(parseFilter(`${'('.repeat(50)}tier=real${')'.repeat(50)}`)).toEqual(cmp('tier', '=', 'real'));
  });
});
