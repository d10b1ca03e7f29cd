// The review queue's keys: j/k move between records, 1–9 pick a candidate, c/Enter confirm, x reject, n none of these, u undo.

export type ReviewCommand =
  | { kind: 'move'; delta: number }
  | { kind: 'pick'; index: number }
  | { kind: 'confirm' }
  | { kind: 'reject' }
  | { kind: 'none' }
  | { kind: 'undo' };

export function reviewCommand(e: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean }): ReviewCommand | null {
  if (e.altKey) return null;
  if (e.ctrlKey || e.metaKey) return e.key.toLowerCase() === 'z' ? { kind: 'undo' } : null;
  switch (e.key) {
    case 'j':
    case 'ArrowDown':
      return { kind: 'move', delta: 1 };
    case 'k':
    case 'ArrowUp':
      return { kind: 'move', delta: -1 };
    case 'c':
    case 'Enter':
      return { kind: 'confirm' };
    case 'x':
      return { kind: 'reject' };
    case 'n':
      return { kind: 'none' };
    case 'u':
      return { kind: 'undo' };
  }
  if (/^[1-9]$/.test(e.key)) return { kind: 'pick', index: Number(e.key) - 1 };
  return null;
}

/** After the list changes (a decided item leaves it), the cursor stays on the same position, within bounds. */
export function clampCursor(cursor: number, length: number): number {
  return length === 0 ? 0 : Math.min(Math.max(0, cursor), length - 1);
}

export const REVIEW_HELP: readonly [string, string][] = [
  ['j / k', 'next / previous'],
  ['1–9', 'choose candidate'],
  ['c / Enter', 'confirm'],
  ['x', 'reject candidate'],
  ['n', 'none of these'],
  ['u', 'undo last'],
];
