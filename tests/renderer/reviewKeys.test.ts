// The review queue's keys and cursor.
import { describe, expect, it } from 'vitest';
import { clampCursor, reviewCommand } from '../../renderer/features/review/reviewKeys';

describe('review keys', () => {
  it('maps keys', () => {
    expect(reviewCommand({ key: 'j' })).toEqual({ kind: 'move', delta: 1 });
    expect(reviewCommand({ key: 'k' })).toEqual({ kind: 'move', delta: -1 });
    expect(reviewCommand({ key: 'c' })).toEqual({ kind: 'confirm' });
    expect(reviewCommand({ key: 'Enter' })).toEqual({ kind: 'confirm' });
    expect(reviewCommand({ key: 'x' })).toEqual({ kind: 'reject' });
    expect(reviewCommand({ key: 'n' })).toEqual({ kind: 'none' });
    expect(reviewCommand({ key: '3' })).toEqual({ kind: 'pick', index: 2 });
    expect(reviewCommand({ key: 'z', ctrlKey: true })).toEqual({ kind: 'undo' });
    expect(reviewCommand({ key: 'c', ctrlKey: true })).toBeNull();
  });
  it('keeps the cursor in range as items leave', () => {
    expect(clampCursor(5, 3)).toBe(2);
    expect(clampCursor(-1, 3)).toBe(0);
    expect(clampCursor(4, 0)).toBe(0);
  });
});
