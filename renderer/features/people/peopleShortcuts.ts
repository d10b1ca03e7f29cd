// The people table's keys: one place so the handler and the help line never disagree.

export type TableCommand =
  | { kind: 'move'; delta: number; extend: boolean }
  | { kind: 'toggle' }
  | { kind: 'open' }
  | { kind: 'tag'; tag: string }
  | { kind: 'selectAll' }
  | { kind: 'clear' }
  | { kind: 'undo' }
  | { kind: 'redo' };

export interface KeyLike {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

export const TAG_KEYS: Readonly<Record<string, string>> = { p: 'prune', k: 'keep', r: 'reconnect' };
export const PAGE_ROWS = 15;

export function tableCommand(e: KeyLike): TableCommand | null {
  const mod = Boolean(e.ctrlKey || e.metaKey);
  const extend = Boolean(e.shiftKey);
  if (e.altKey) return null;
  switch (e.key) {
    case 'ArrowDown':
      return { kind: 'move', delta: 1, extend };
    case 'ArrowUp':
      return { kind: 'move', delta: -1, extend };
    case 'PageDown':
      return { kind: 'move', delta: PAGE_ROWS, extend };
    case 'PageUp':
      return { kind: 'move', delta: -PAGE_ROWS, extend };
    case 'Home':
      return { kind: 'move', delta: -Infinity, extend };
    case 'End':
      return { kind: 'move', delta: Infinity, extend };
    case ' ':
      return { kind: 'toggle' };
    case 'Enter':
      return { kind: 'open' };
    case 'Escape':
      return { kind: 'clear' };
  }
  const key = e.key.toLowerCase();
  if (mod && key === 'a') return { kind: 'selectAll' };
  if (mod && key === 'z') return { kind: e.shiftKey ? 'redo' : 'undo' };
  if (mod && key === 'y') return { kind: 'redo' };
  if (!mod && !e.shiftKey && key in TAG_KEYS) return { kind: 'tag', tag: TAG_KEYS[key] };
  return null;
}

export const TABLE_HELP: readonly [string, string][] = [
  ['↑ ↓', 'move'],
  ['Shift+↑ ↓', 'extend'],
  ['Space', 'select'],
  ['Enter', 'open'],
  ['p', 'prune'],
  ['k', 'keep'],
  ['r', 'reconnect'],
  ['Ctrl+A', 'all matching'],
  ['Ctrl+Z', 'undo'],
  ['Esc', 'clear'],
];
