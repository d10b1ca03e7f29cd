// The filter language's public face: parse, compile, describe, and the UI's chips.

export { COMPARE_OPS, FILTER_FIELDS, FilterError } from './filterAst';
export type { CompareOp, FilterAst, FilterField, FilterValue, FilterablePerson } from './filterAst';
export { FIELD_SPECS, isFilterDate } from './filterFields';
export type { FieldKind, FieldSpec } from './filterFields';
export { parseFilter } from './parseFilter';
export { compileFilter } from './compileFilter';
export { describeFilter, describeValue } from './describeFilter';
export { chipsToFilter, filterToChips } from './filterChips';
export type { ChipOp, FilterChip } from './filterChips';
