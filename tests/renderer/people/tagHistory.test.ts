// Tag undo/redo stacks, toast wording, rename requests and tag quoting in filters.
import { describe, expect, it } from 'vitest';
import { parseFilter } from '../../../shared/filter';
import { describeTagChange, EMPTY_HISTORY, quoteTag, recordEntry, redone, renameRequests, takeRedo, takeUndo, type TagEntry } from '../../../renderer/features/people/tagHistory';

const entry = (label: string): TagEntry => ({ label, steps: [{ request: { action: 'add', tag: 'prune', filter: 'tier=dilution' }, operationId: label, changed: 1 }] });

describe('tag history', () => {
  it('undo then redo walks the stacks; a new action clears redo', () => {
    let h = recordEntry(recordEntry(EMPTY_HISTORY, entry('a')), entry('b'));
    const u = takeUndo(h)!;
    expect(u.entry.label).toBe('b');
    h = u.history;
    expect(h.undone.map((e) => e.label)).toEqual(['b']);
    const r = takeRedo(h)!;
    h = redone(r.history, entry('b2'));
    expect(h.done.map((e) => e.label)).toEqual(['a', 'b2']);
    expect(h.undone).toEqual([]);
    h = recordEntry(takeUndo(h)!.history, entry('c'));
    expect(h.undone).toEqual([]);
    expect(takeUndo(EMPTY_HISTORY)).toBeNull();
    expect(takeRedo(EMPTY_HISTORY)).toBeNull();
  });

  it('says what happened in the toast', () => {
    expect(describeTagChange('add', 'prune', 412)).toBe('Tagged 412 connections with prune');
    expect(describeTagChange('add', 'prune', 1)).toBe('Tagged 1 connection with prune');
    expect(describeTagChange('remove', 'keep', 1200)).toBe('Removed keep from 1,200 connections');
    expect(describeTagChange('add', 'x', 0)).toMatch(/Nothing changed/);
  });

  it('renames by adding the new tag where the old one is, then removing the old', () => {
    expect(renameRequests('old', 'new')).toEqual([
      { action: 'add', tag: 'new', filter: 'tag=old' },
      { action: 'remove', tag: 'old', filter: 'tag=old' },
    ]);
  });

  it('quotes tags that the filter language would misread', () => {
    for (const tag of ['prune', 'and', 'a(b)', 'x"y', 'none', 'ünïcode', 'q1-2024']) {
      const ast = parseFilter(`tag=${quoteTag(tag)}`);
      expect(ast).toEqual({ kind: 'compare', field: 'tag', op: '=', value: tag });
    }
  });
});
