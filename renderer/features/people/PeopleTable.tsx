// The virtualised people table: TanStack Table sorts, TanStack Virtual draws only the rows on screen.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTable, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { AuditPerson } from '../../../shared/domain/audit';
import { peopleColumns, peopleFeatures, ROW_HEIGHT } from './peopleColumns';
import { PersonRow } from './PersonRow';
import { clickRow, clearSelection, moveFocus, selectAll, toggleRow, type Selection } from './selection';
import { tableCommand } from './peopleShortcuts';

export interface PeopleTableProps {
  persons: AuditPerson[];
  selection: Selection;
  onSelection(next: Selection): void;
  onOpen(id: string): void;
  onTagKey(tag: string): void;
  onUndo(): void;
  onRedo(): void;
  /** The ids in the order shown, for the review lane and selection ranges. */
  onOrder?(ids: string[]): void;
  /** A new filter starts at the top; a refresh of the same filter (after tagging) keeps the place. */
  filterKey?: string;
}

const DEFAULT_SORT: SortingState = [{ id: 'score', desc: false }];

export function PeopleTable({ persons, selection, onSelection, onOpen, onTagKey, onUndo, onRedo, onOrder, filterKey }: PeopleTableProps) {
  const [sorting, setSorting] = useState<SortingState>(DEFAULT_SORT);
  const table = useTable(
    { features: peopleFeatures, columns: peopleColumns, data: persons, getRowId: (p) => p.id, state: { sorting }, onSortingChange: setSorting, enableSortingRemoval: false },
    (state) => ({ sorting: state.sorting }),
  );
  const rows = table.getRowModel().rows;
  const order = useMemo(() => rows.map((r) => r.id), [rows]);
  useEffect(() => onOrder?.(order), [order, onOrder]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [filterKey]);

  // Refs keep the row callbacks stable, so memoised rows re-render only when their own props change.
  const latest = useRef({ selection, order, onSelection });
  latest.current = { selection, order, onSelection };
  const onRowClick = useCallback((id: string, e: MouseEvent) => {
    const { selection: s, order: o, onSelection: set } = latest.current;
    set(clickRow(s, o, id, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey }));
  }, []);
  const onToggle = useCallback((id: string, shift: boolean) => {
    const { selection: s, order: o, onSelection: set } = latest.current;
    set(toggleRow(s, o, id, shift));
  }, []);

  const focusIndex = selection.focus === null ? -1 : order.indexOf(selection.focus);
  useEffect(() => {
    if (focusIndex >= 0) virtualizer.scrollToIndex(focusIndex, { align: 'auto' });
  }, [focusIndex, virtualizer]);

  const onKeyDown = (e: KeyboardEvent) => {
    // Header buttons and checkboxes keep their own keys (Enter sorts, Space checks).
    if (e.target !== e.currentTarget) return;
    const command = tableCommand(e);
    if (!command) return;
    e.preventDefault();
    switch (command.kind) {
      case 'move':
        onSelection(moveFocus(selection, order, command.delta, command.extend));
        break;
      case 'toggle':
        if (selection.focus) onSelection(toggleRow(selection, order, selection.focus));
        else onSelection(moveFocus(selection, order, 1));
        break;
      case 'open':
        if (selection.focus) onOpen(selection.focus);
        break;
      case 'selectAll':
        onSelection(selectAll(selection, order));
        break;
      case 'clear':
        onSelection(clearSelection(selection));
        break;
      case 'tag':
        onTagKey(command.tag);
        break;
      case 'undo':
        onUndo();
        break;
      case 'redo':
        onRedo();
        break;
    }
  };

  const all = order.length > 0 && selection.selected.size >= order.length && order.every((id) => selection.selected.has(id));
  const some = selection.selected.size > 0 && !all;
  const headers = table.getHeaderGroups()[0]?.headers ?? [];

  return (
    <div className="people-scroll" ref={scrollRef}>
      <table
        className="people-table"
        role="grid"
        aria-label="Connections"
        aria-rowcount={rows.length + 1}
        aria-multiselectable="true"
        tabIndex={0}
        aria-activedescendant={focusIndex >= 0 ? `person-row-${selection.focus}` : undefined}
        onKeyDown={onKeyDown}
      >
        <thead role="rowgroup">
          <tr role="row" aria-rowindex={1} className="people-head">
            {headers.map((header) => {
              if (header.column.id === 'select') {
                return (
                  <th key={header.id} role="columnheader" className="people-cell-select">
                    <input
                      type="checkbox"
                      tabIndex={-1}
                      aria-label={all ? 'Clear the selection' : `Select all ${rows.length} matching`}
                      checked={all}
                      ref={(el) => {
                        if (el) el.indeterminate = some;
                      }}
                      onChange={() => onSelection(all ? clearSelection(selection) : selectAll(selection, order))}
                    />
                  </th>
                );
              }
              const sorted = header.column.getIsSorted();
              const label = String(header.column.columnDef.header ?? header.column.id);
              return (
                <th key={header.id} role="columnheader" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
                  <button type="button" className="people-sort" onClick={header.column.getToggleSortingHandler()}>
                    {label}
                    <span aria-hidden="true" className="people-sort-mark">
                      {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody role="rowgroup" className="people-body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const person = rows[item.index].original;
            return (
              <PersonRow
                key={person.id}
                person={person}
                index={item.index}
                start={item.start}
                selected={selection.selected.has(person.id)}
                focused={selection.focus === person.id}
                onRowClick={onRowClick}
                onToggle={onToggle}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
