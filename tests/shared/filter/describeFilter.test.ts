// describeFilter: normalised text, exact round trips, and parseFilter's promise to throw only FilterError.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFilter, describeFilter, describeValue, FilterError, parseFilter } from '../../../shared/filter';
import { filterablePerson, filterAst } from './filterArbitraries';

const normalise = (text: string) => describeFilter(parseFilter(text));

describe('describeFilter', () => {
  it.each([
    ['', ''],
    ['  TIER = Dilution  AND connectedon < 2020-01-01 ', 'tier=dilution and connectedOn<2020-01-01'],
    ['tier in ( dilution , acquaintance ) and NOT tag=keep', 'tier in (dilution,acquaintance) and not tag=keep'],
    ['company = "Contoso Ltd"', 'company="Contoso Ltd"'],
    ['company = "Contoso"', 'company=Contoso'],
    ['name="say \\"hi\\""', 'name="say \\"hi\\""'],
    ['text="a\\b"', 'text=a\\b'],
    ['text="a b\\\\"', 'text="a b\\\\"'],
    ['tag="none" or tag=none', 'tag="none" or tag=none'],
    ['tag="AND"', 'tag="AND"'],
    ['tag=""', 'tag=""'],
    ['score >= 010', 'score>=10'],
    ['(tier=real or tier=fading) and score>10', '(tier=real or tier=fading) and score>10'],
    ['tier=real or (tier=fading and score>10)', 'tier=real or tier=fading and score>10'],
    ['((tier=real))', 'tier=real'],
    ['(a=1 and b=2)'.replace('a', 'score').replace('b', 'inPerson'), 'score=1 and inPerson=2'],
    ['not (tier=real and score>1)', 'not (tier=real and score>1)'],
    ['tier not in (real)', 'not tier in (real)'],
    ['not not tag=keep', 'not not tag=keep'],
    ['text~"x=y"', 'text~"x=y"'],
  ])('%j → %j', (text, expected) => {
    expect(normalise(text)).toBe(expected);
    expect(normalise(expected)).toBe(expected);
  });

  it('quotes values that are not one plain word', () => {
    expect(describeValue(null)).toBe('none');
    expect(describeValue(-0)).toBe('0');
    expect(describeValue(1e21)).toBe('1e+21');
    expect(describeValue('a b')).toBe('"a b"');
    expect(describeValue('a,b')).toBe('"a,b"');
    expect(describeValue('in')).toBe('"in"');
    expect(describeValue('x~y')).toBe('"x~y"');
    expect(describeValue('bob@contoso.com')).toBe('bob@contoso.com');
  });

  it('round-trips generated trees: parseFilter(describeFilter(ast)) equals ast', () => {
    fc.assert(
      fc.property(filterAst, (ast) => {
        expect(parseFilter(describeFilter(ast))).toEqual(ast);
      }),
      { numRuns: 2000 },
    );
  });

  it('describes a tree so that it matches the same persons', () => {
    fc.assert(
      fc.property(filterAst, fc.array(filterablePerson, { maxLength: 10 }), (ast, persons) => {
        const direct = compileFilter(ast);
        const reparsed = compileFilter(parseFilter(describeFilter(ast)));
        expect(persons.map(reparsed)).toEqual(persons.map(direct));
      }),
      { numRuns: 300 },
    );
  });
});

const filterish = fc
  .array(
    fc.constantFrom('tier', 'score', 'tag', 'lastContact', 'TEXT', 'teir', '=', '!=', '<', '<=', '>', '~', '!', '(', ')', ',', 'and', 'or', 'not', 'in', 'none', '"', '\\', '\\"', 'real', 'dilutoin', '2020', '2020-13', '-1', '1e5', ' ', '\t', 'é', '\u0000'),
    { maxLength: 25 },
  )
  .map((parts) => parts.join(''));

describe('parseFilter on any input', () => {
  it('throws nothing but FilterError, and its token stands at its position', () => {
    fc.assert(
      fc.property(fc.oneof(filterish, fc.string(), fc.string({ unit: 'binary' })), (text) => {
        try {
          const ast = parseFilter(text);
          expect(normalise(describeFilter(ast))).toBe(describeFilter(ast));
        } catch (error) {
          expect(error).toBeInstanceOf(FilterError);
          const { position, token } = error as FilterError;
          expect(position).toBeGreaterThanOrEqual(0);
          expect(position).toBeLessThanOrEqual(text.length);
          expect(text.slice(position, position + token.length)).toBe(token);
          expect((error as FilterError).message).toContain(`position ${position}`);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
