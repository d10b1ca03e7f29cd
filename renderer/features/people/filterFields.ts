// What the filter UI borrows from the filter language: field specs, the error type and the tiers, in one import.
export { FIELD_SPECS, FilterError } from '../../../shared/filter';
export type { ChipOp, FilterChip, FilterField } from '../../../shared/filter';
export { TIERS as TIERS_FOR_CHIPS } from '../../../shared/domain/audit';
