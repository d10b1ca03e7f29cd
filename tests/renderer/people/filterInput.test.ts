// The filter box: errors point at the offending word, chips round-trip to text, prune status counts.
import { describe, expect, it } from 'vitest';
import { checkFilter, chipLabel, chipsToText, errorSpan } from '../../../renderer/features/people/filterInput';
import { pruneStatusOf, pruneStatusWords, visiblePruneRows } from '../../../renderer/features/people/pruneStatus';
import { tableCommand } from '../../../renderer/features/people/peopleShortcuts';
import { decisionRequests, laneKey } from '../../../renderer/features/people/laneDecision';

describe('filter input', () => {
  it('a bad word is underlined where it stands', () => {
    const check = checkFilter('tier=dilution and teir=real');
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.message).toMatch(/tier/);
    const span = errorSpan(check.text, check.position, check.token);
    expect(span.before + span.bad + span.after).toBe(check.text);
    expect(span.bad).toBe('teir');
  });

  it('an error at the end marks a blank', () => {
    const check = checkFilter('tier=');
    expect(check.ok).toBe(false);
    if (check.ok) return;
    const span = errorSpan(check.text, check.position, check.token);
    expect(span.before).toBe('tier=');
    expect(span.bad).toBe(' ');
  });

  it('valid text gives a matcher and chips; or-filters give no chips', () => {
    const ok = checkFilter('tier=dilution and not tag=keep');
    expect(ok.ok && ok.chips?.length).toBe(2);
    const or = checkFilter('tier=real or tier=fading');
    expect(or.ok && or.chips).toBeNull();
  });

  it('chips write back to text that reads the same', () => {
    const text = chipsToText([
      { field: 'tier', op: 'in', value: ['dilution', 'acquaintance'] },
      { field: 'connectedOn', op: '<', value: '2016-01-01' },
      { field: 'tag', op: '=', value: 'keep', not: true },
    ]);
    expect(text).toBe('tier in (dilution,acquaintance) and connectedOn<2016-01-01 and not tag=keep');
    const back = checkFilter(text);
    expect(back.ok && back.chips?.map(chipLabel)).toEqual(['tier in dilution, acquaintance', 'connectedOn < 2016-01-01', 'not tag = keep']);
  });

  it('a chip with a bad value throws rather than writing nonsense', () => {
    expect(() => chipsToText([{ field: 'score', op: '>', value: 'lots' }])).toThrow(/number/);
  });
});

describe('prune status', () => {
  it('pruned only when every connection is removed', () => {
    expect(pruneStatusOf(['prune'], [{ removedAt: '2024-01-01' }, { removedAt: '2024-02-01' }])).toBe('pruned');
    expect(pruneStatusOf(['prune'], [{ removedAt: '2024-01-01' }, { removedAt: null }])).toBe('still-connected');
    expect(pruneStatusOf(['keep'], [{ removedAt: null }])).toBeNull();
  });

  it('lists the still connected first, the partly pruned with them, and words each status', () => {
    const rows = [
      { id: 'a', status: 'pruned' as const },
      { id: 'b', status: 'still connected' as const },
      { id: 'c', status: 'partly' as const },
      { id: 'd', status: 'still connected' as const },
    ];
    expect(visiblePruneRows(rows, 'all').map((r) => r.id)).toEqual(['b', 'd', 'c', 'a']);
    expect(visiblePruneRows(rows, 'pruned').map((r) => r.id)).toEqual(['a']);
    expect(visiblePruneRows(rows, 'still connected').map((r) => r.id)).toEqual(['b', 'd', 'c']);
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(pruneStatusWords('pruned')).toBe('pruned ✓');
    expect(pruneStatusWords('partly')).toBe('partly pruned');
    expect(pruneStatusWords('still connected')).toBe('still connected');
  });
});

describe('keys', () => {
  it('maps table keys to commands', () => {
    expect(tableCommand({ key: 'ArrowDown', shiftKey: true })).toEqual({ kind: 'move', delta: 1, extend: true });
    expect(tableCommand({ key: 'p' })).toEqual({ kind: 'tag', tag: 'prune' });
    expect(tableCommand({ key: 'a', ctrlKey: true })).toEqual({ kind: 'selectAll' });
    expect(tableCommand({ key: 'z', metaKey: true, shiftKey: true })).toEqual({ kind: 'redo' });
    expect(tableCommand({ key: 'p', ctrlKey: true })).toBeNull();
    expect(tableCommand({ key: 'q' })).toBeNull();
  });

  it('lane decisions replace an earlier decision tag', () => {
    expect(laneKey({ key: 'ArrowRight' })).toEqual({ kind: 'skip' });
    expect(laneKey({ key: 'K' })).toEqual({ kind: 'decide', tag: 'keep' });
    expect(decisionRequests('p1', 'prune', ['keep', 'vip'])).toEqual([
      { action: 'add', tag: 'prune', ids: ['p1'] },
      { action: 'remove', tag: 'keep', ids: ['p1'] },
    ]);
    expect(decisionRequests('p1', 'prune', ['prune'])).toEqual([]);
  });
});
