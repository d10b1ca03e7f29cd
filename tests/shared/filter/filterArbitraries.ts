// fast-check generators for filter trees whose values fit their fields, as parseFilter would produce them.
import fc from 'fast-check';
import { TIERS } from '../../../shared/domain/audit';
import { FIELD_SPECS, FILTER_FIELDS } from '../../../shared/filter';
import type { CompareOp, FilterAst, FilterField, FilterValue } from '../../../shared/filter';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const filterDate: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 28 }))
  .map(([year, month, day]) => {
    if (month === 0) return pad(year, 4);
    if (day === 0) return `${pad(year, 4)}-${pad(month, 2)}`;
    return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  });

const text: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('none', 'NONE', 'and', 'Or', 'not', 'in', 'Contoso Ltd', 'a"b', '\\', '\\"', '', ' ', 'x,y', '(', '=cmd', '-2'),
);

const number: fc.Arbitrary<number> = fc
  .oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true, noDefaultInfinity: true }))
  .map((n) => (n === 0 ? 0 : n));

export function valueFor(field: FilterField, op: CompareOp | 'in'): fc.Arbitrary<FilterValue> {
  const spec = FIELD_SPECS[field];
  const plain: fc.Arbitrary<FilterValue> =
    spec.kind === 'tier' ? fc.constantFrom(...TIERS) : spec.kind === 'number' ? number : spec.kind === 'date' ? filterDate : text;
  const noneAllowed = spec.allowsNone && (op === '=' || op === '!=' || op === 'in');
  return noneAllowed ? fc.oneof(plain, fc.constant(null)) : plain;
}

const field = fc.constantFrom(...FILTER_FIELDS);

export const compareNode: fc.Arbitrary<FilterAst> = field.chain((f) =>
  fc.constantFrom(...FIELD_SPECS[f].ops).chain((op) => valueFor(f, op).map((value) => ({ kind: 'compare', field: f, op, value }) as FilterAst)),
);

export const inNode: fc.Arbitrary<FilterAst> = field.chain((f) =>
  fc.array(valueFor(f, 'in'), { minLength: 1, maxLength: 4 }).map((values) => ({ kind: 'in', field: f, values }) as FilterAst),
);

export const conditionNode = fc.oneof(compareNode, inNode);

export const filterTree: fc.Arbitrary<FilterAst> = fc.letrec<{ node: FilterAst }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'filter' },
    compareNode,
    inNode,
    tie('node').map((operand) => ({ kind: 'not', operand }) as FilterAst),
    fc.array(tie('node'), { minLength: 2, maxLength: 4 }).map((operands) => ({ kind: 'and', operands }) as FilterAst),
    fc.array(tie('node'), { minLength: 2, maxLength: 4 }).map((operands) => ({ kind: 'or', operands }) as FilterAst),
  ),
})).node;

export const filterAst: fc.Arbitrary<FilterAst> = fc.oneof({ weight: 1, arbitrary: fc.constant({ kind: 'all' } as FilterAst) }, { weight: 9, arbitrary: filterTree });

export const filterablePerson = fc.record({
  name: text,
  emails: fc.array(text, { maxLength: 3 }),
  company: text,
  position: text,
  networks: fc.array(fc.constantFrom('linkedin', 'facebook', 'Google'), { maxLength: 3 }),
  connectedOn: fc.option(filterDate.map((d) => (d.length === 10 ? d : `${d.slice(0, 4)}-06-15`))),
  tier: fc.constantFrom(...TIERS),
  score: fc.integer({ min: 0, max: 100 }),
  inPerson: fc.nat(5),
  conversations: fc.nat(9),
  lastContact: fc.option(filterDate.map((d) => (d.length === 10 ? d : `${d.slice(0, 4)}-01-31`))),
  tags: fc.array(text, { maxLength: 3 }),
});
