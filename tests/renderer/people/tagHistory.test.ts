// Tag undo/redo stacks, toast wording, the undo order of multi-operation changes, and tag quoting in filters.
import { describe, expect, it } from 'vitest';
import { parseFilter } from '../../../shared/filter';
import { describeStep, describeTagChange, EMPTY_HISTORY, quoteTag, recordEntry, redone, takeRedo, takeUndo, undoOrder, type TagEntry } from '../../../renderer/features/people/tagHistory';

const entry = (label: string): TagEntry => ({ label, steps: [{ request: { action: 'add', tag: 'prune', filter: 'tier=dilution' }, operationIds: [label], changed: 1 }] });

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

  it('undoes every engine operation of an entry, the last one first', () => {
    const e: TagEntry = {
      label: 'x',
      steps: [
        { request: { action: 'rename', from: 'old', to: 'new' }, operationIds: ['add-new', 'remove-old'], changed: 3 },
        { request: { action: 'delete', tag: 'new' }, operationIds: ['delete-new'], changed: 3 },
      ],
    };
    expect(undoOrder(e)).toEqual(['delete-new', 'remove-old', 'add-new']);
  });

  it('words renames and deletions with the engine’s count', () => {
    expect(describeStep({ request: { action: 'rename', from: 'prune', to: 'cut' }, operationIds: ['a', 'b'], changed: 1 })).toBe('Renamed prune to cut (1 person)');
    expect(describeStep({ request: { action: 'delete', tag: 'old' }, operationIds: ['a'], changed: 1200 })).toBe('Deleted tag old (1,200 people)');
    expect(describeStep({ request: { action: 'add', tag: 'keep', ids: ['p1'] }, operationIds: ['a'], changed: 1 })).toBe('Tagged 1 connection with keep');
  });

  it('quotes tags that the filter language would misread', () => {
    for (const tag of ['prune', 'and', 'a(b)', 'x"y', 'none', 'ünïcode', 'q1-2024']) {
      const ast = parseFilter(`tag=${quoteTag(tag)}`);
      expect(ast).toEqual({ kind: 'compare', field: 'tag', op: '=', value: tag });
    }
  });
});
