// Filter chips: to and from a tree, value checking, and which trees are not a plain AND of chips.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chipsToFilter, describeFilter, FilterError, filterToChips, parseFilter } from '../../../shared/filter';
import type { FilterAst, FilterChip } from '../../../shared/filter';
import { conditionNode } from './filterArbitraries';

function errorOf(chips: FilterChip[]): FilterError {
  try {
    chipsToFilter(chips);
  } catch (error) {
    expect(error).toBeInstanceOf(FilterError);
    return error as FilterError;
  }
  throw new Error('expected the chips to fail');
}

describe('chipsToFilter', () => {
  it('turns no chips into match-all and one chip into its condition', () => {
    expect(chipsToFilter([])).toEqual({ kind: 'all' });
    expect(chipsToFilter([{ field: 'tier', op: '=', value: 'dilution' }])).toEqual(parseFilter('tier=dilution'));
  });

  it('ANDs several chips, with in-lists, none and negation', () => {
    const ast = chipsToFilter([
      { field: 'tier', op: 'in', value: ['dilution', 'acquaintance'] },
      { field: 'tag', op: '=', value: 'keep', not: true },
      { field: 'lastContact', op: '=', value: null },
      { field: 'company', op: '=', value: 'Contoso Ltd' },
    ]);
    expect(describeFilter(ast)).toBe('tier in (dilution,acquaintance) and not tag=keep and lastContact=none and company="Contoso Ltd"');
  });

  it('reads numbers typed as text and checks values like the parser does', () => {
    expect(chipsToFilter([{ field: 'score', op: '>=', value: '40' }])).toEqual(parseFilter('score>=40'));
    expect(chipsToFilter([{ field: 'tag', op: '=', value: 'none' }])).toEqual(parseFilter('tag="none"'));
    expect(chipsToFilter([{ field: 'tier', op: '=', value: 'Real' }])).toEqual(parseFilter('tier=real'));
  });

  it.each<[FilterChip[], string, number, string]>([
    [[{ field: 'tier', op: '=', value: 'dilutoin' }], 'unknown tier "dilutoin" in chip 0 (did you mean "dilution"?)', 0, 'dilutoin'],
    [[{ field: 'tier', op: '=', value: 'real' }, { field: 'score', op: '<', value: 'lots' }], 'expected a number for score, got "lots" in chip 1', 1, 'lots'],
    [[{ field: 'teir' as 'tier', op: '=', value: 'real' }], 'unknown field "teir" in chip 0 (did you mean "tier"?)', 0, 'teir'],
    [[{ field: 'tier', op: '<', value: 'real' }], 'operator "<" does not apply to tier in chip 0 (use one of = != in)', 0, '<'],
    [[{ field: 'tag', op: 'in', value: [] }], 'expected at least one value in chip 0', 0, 'in'],
    [[{ field: 'tag', op: '=', value: ['a', 'b'] }], 'operator "=" takes one value in chip 0', 0, '='],
    [[{ field: 'lastContact', op: '<', value: null }], '"none" only works with =, != and in in chip 0', 0, 'none'],
    [[{ field: 'connectedOn', op: '<', value: '2020-02-30' }], 'expected a date (YYYY, YYYY-MM or YYYY-MM-DD) for connectedOn, got "2020-02-30" in chip 0', 0, '2020-02-30'],
  ])('refuses %j', (chips, message, position, token) => {
    const error = errorOf(chips);
    expect(error.message).toBe(message);
    expect(error.position).toBe(position);
    expect(error.token).toBe(token);
  });
});

describe('filterToChips', () => {
  it('splits an AND of conditions into chips', () => {
    expect(filterToChips(parseFilter(''))).toEqual([]);
    expect(filterToChips(parseFilter('tier in (dilution,acquaintance) and not tag=keep and score<10'))).toEqual([
      { field: 'tier', op: 'in', value: ['dilution', 'acquaintance'] },
      { field: 'tag', op: '=', value: 'keep', not: true },
      { field: 'score', op: '<', value: 10 },
    ]);
    expect(filterToChips(parseFilter('(tier=real and tag=keep) and score<10'))).toHaveLength(3);
  });

  it.each(['tier=real or tag=keep', 'tier=real and (tag=keep or tag=prune)', 'not (tier=real and tag=keep)', 'not not tag=keep'])(
    'returns null for %s',
    (text) => {
      expect(filterToChips(parseFilter(text))).toBeNull();
    },
  );

  it('round-trips any AND of conditions', () => {
    const negated = fc.tuple(conditionNode, fc.boolean()).map(([node, not]): FilterAst => (not ? { kind: 'not', operand: node } : node));
    fc.assert(
      fc.property(fc.array(negated, { maxLength: 5 }), (nodes) => {
        const ast: FilterAst = nodes.length === 0 ? { kind: 'all' } : nodes.length === 1 ? nodes[0] : { kind: 'and', operands: nodes };
        const chips = filterToChips(ast);
        expect(chips).not.toBeNull();
        expect(chipsToFilter(chips!)).toEqual(ast);
      }),
      { numRuns: 1000 },
    );
  });
});
