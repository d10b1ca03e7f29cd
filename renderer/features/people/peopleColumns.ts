// The people table's columns for TanStack Table: ids, header words and sort keys; cells are drawn by PersonRow.
import { createColumnHelper, createSortedRowModel, rowSortingFeature, tableFeatures, type SortFn } from '@tanstack/react-table';
import type { AuditPerson } from '../../../shared/domain/audit';
import { compareKeys, DESC_FIRST, sortKeyOf, type SortColumn, type SortKey } from './sortKeys';

export const peopleFeatures = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() });
type Features = typeof peopleFeatures;

const helper = createColumnHelper<Features, AuditPerson>();

const byKey: SortFn<Features, AuditPerson> = (a, b, id) => compareKeys(a.getValue<SortKey>(id), b.getValue<SortKey>(id));

function sortable(id: SortColumn, header: string) {
  return helper.accessor((p) => sortKeyOf(id, p), {
    id,
    header,
    sortFn: byKey,
    sortUndefined: 'last',
    sortDescFirst: DESC_FIRST.has(id),
  });
}

export const peopleColumns = helper.columns([
  helper.display({ id: 'select', header: 'Select' }),
  sortable('name', 'Name'),
  sortable('tier', 'Tier'),
  sortable('score', 'Score'),
  sortable('lastContact', 'Last contact'),
  sortable('connectedOn', 'Connected on'),
  sortable('company', 'Company'),
  sortable('position', 'Position'),
  sortable('networks', 'Networks'),
  sortable('tags', 'Tags'),
]);

export const ROW_HEIGHT = 36;
