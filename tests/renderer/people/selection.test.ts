// Selection in the people table: plain, toggle and shift clicks, keyboard moves, select all and filter changes.
import { describe, expect, it } from 'vitest';
import { clickRow, clearSelection, EMPTY_SELECTION, keepMatching, moveFocus, rangeBetween, selectAll, toggleRow } from '../../../renderer/features/people/selection';

const order = ['a', 'b', 'c', 'd', 'e'];
const ids = (s: { selected: ReadonlySet<string> }) => [...s.selected].sort();

describe('selection', () => {
  it('plain click selects only the row and sets the anchor', () => {
    const s = clickRow(clickRow(EMPTY_SELECTION, order, 'b'), order, 'd');
    expect(ids(s)).toEqual(['d']);
    expect(s.anchor).toBe('d');
  });

  it('shift-click selects the range from the anchor, either direction', () => {
    const s1 = clickRow(EMPTY_SELECTION, order, 'b');
    expect(ids(clickRow(s1, order, 'd', { shift: true }))).toEqual(['b', 'c', 'd']);
    const s2 = clickRow(EMPTY_SELECTION, order, 'd');
    expect(ids(clickRow(s2, order, 'a', { shift: true }))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('shift-click replaces, ctrl+shift-click adds the range', () => {
    let s = clickRow(EMPTY_SELECTION, order, 'a');
    s = clickRow(s, order, 'e', { toggle: true });
    s = clickRow(s, order, 'c', { shift: true });
    expect(ids(s)).toEqual(['c', 'd', 'e']);
    let t = clickRow(EMPTY_SELECTION, order, 'a');
    t = clickRow(t, order, 'c', { toggle: true });
    t = clickRow(t, order, 'e', { shift: true, toggle: true });
    expect(ids(t)).toEqual(['a', 'c', 'd', 'e']);
  });

  it('ctrl-click toggles one row without touching others', () => {
    let s = clickRow(EMPTY_SELECTION, order, 'a');
    s = clickRow(s, order, 'c', { toggle: true });
    expect(ids(s)).toEqual(['a', 'c']);
    s = clickRow(s, order, 'a', { toggle: true });
    expect(ids(s)).toEqual(['c']);
  });

  it('the checkbox toggles; shift on it extends and keeps the rest', () => {
    let s = toggleRow(EMPTY_SELECTION, order, 'a');
    s = toggleRow(s, order, 'c', true);
    expect(ids(s)).toEqual(['a', 'b', 'c']);
  });

  it('a range from an anchor that was filtered away is just the row', () => {
    expect(rangeBetween(order, 'zz', 'c')).toEqual(['c']);
    expect(rangeBetween(order, 'a', 'zz')).toEqual([]);
  });

  it('arrow keys move the focus within bounds; shift extends from the anchor', () => {
    let s = moveFocus(EMPTY_SELECTION, order, 1);
    expect(s.focus).toBe('a');
    s = moveFocus(s, order, -1);
    expect(s.focus).toBe('a');
    s = moveFocus(s, order, Infinity);
    expect(s.focus).toBe('e');
    s = clickRow(EMPTY_SELECTION, order, 'b');
    s = moveFocus(s, order, 1, true);
    s = moveFocus(s, order, 1, true);
    expect(ids(s)).toEqual(['b', 'c', 'd']);
    expect(moveFocus(EMPTY_SELECTION, [], 1)).toBe(EMPTY_SELECTION);
  });

  it('select all takes every matching row, clear empties it', () => {
    const all = selectAll(EMPTY_SELECTION, order);
    expect(all.selected.size).toBe(5);
    expect(clearSelection(all).selected.size).toBe(0);
  });

  it('rows that stop matching leave the selection; an unchanged selection keeps its identity', () => {
    const s = selectAll(clickRow(EMPTY_SELECTION, order, 'b'), order);
    const kept = keepMatching(s, new Set(['a', 'c']));
    expect(ids(kept)).toEqual(['a', 'c']);
    expect(kept.focus).toBeNull();
    expect(keepMatching(s, new Set(order))).toBe(s);
  });

  it('extends a selection across 30,000 rows', () => {
    const big = Array.from({ length: 30_000 }, (_, i) => `p${i}`);
    let s = clickRow(EMPTY_SELECTION, big, 'p10');
    s = clickRow(s, big, 'p29990', { shift: true });
    expect(s.selected.size).toBe(29_981);
    expect(s.selected.has('p10') && s.selected.has('p29990') && !s.selected.has('p9') && !s.selected.has('p29991')).toBe(true);
  });
});
