// The filter language's vocabulary: fields, operators, the syntax tree, the person it matches and its error type.

import type { AuditPerson } from '../domain/audit';

export const FILTER_FIELDS = [
  'tier',
  'network',
  'connectedOn',
  'company',
  'position',
  'lastContact',
  'score',
  'tag',
  'text',
  'name',
  'inPerson',
  'conversations',
] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

export const COMPARE_OPS = ['=', '!=', '<', '<=', '>', '>=', '~'] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];

/**
 * A value as the field reads it: a number for score/inPerson/conversations, a `YYYY`, `YYYY-MM` or
 * `YYYY-MM-DD` string for dates, a tier name for tier, the text as written otherwise; null is `none`.
 */
export type FilterValue = string | number | null;

/**
 * The syntax tree. `and`/`or` hold at least two operands; a chain `a and b and c` is one node with
 * three operands, while `(a and b) and c` keeps its grouping, so describe → parse is exact.
 * `all` (the empty filter) only ever stands alone at the top.
 */
export type FilterAst =
  | { kind: 'all' }
  | { kind: 'compare'; field: FilterField; op: CompareOp; value: FilterValue }
  | { kind: 'in'; field: FilterField; values: FilterValue[] }
  | { kind: 'not'; operand: FilterAst }
  | { kind: 'and'; operands: FilterAst[] }
  | { kind: 'or'; operands: FilterAst[] };

/** What a filter can look at: the audited person's fields, so an `AuditPerson` is one. */
export type FilterablePerson = Pick<
  AuditPerson,
  'name' | 'emails' | 'company' | 'position' | 'networks' | 'connectedOn' | 'tier' | 'score' | 'inPerson' | 'conversations' | 'lastContact' | 'tags'
>;

/** A filter that cannot be read; `position` is the 0-based index of `token` in the text ('' at the end). */
export class FilterError extends Error {
  constructor(
    message: string,
    readonly position: number,
    readonly token: string,
  ) {
    super(message);
    this.name = 'FilterError';
  }
}
