// The review lane's decisions: one key each, and the tag changes a decision makes (it replaces an earlier one).
import type { TagRequest } from './tagHistory';

export const DECISION_TAGS = ['prune', 'keep', 'reconnect'] as const;
export type LaneKey = { kind: 'decide'; tag: string } | { kind: 'skip' } | { kind: 'back' } | { kind: 'close' } | { kind: 'open' } | { kind: 'undo' };

export function laneKey(e: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean }): LaneKey | null {
  if (e.altKey) return null;
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (mod) return key === 'z' ? { kind: 'undo' } : null;
  switch (key) {
    case 'p':
      return { kind: 'decide', tag: 'prune' };
    case 'k':
      return { kind: 'decide', tag: 'keep' };
    case 'r':
      return { kind: 'decide', tag: 'reconnect' };
    case 's':
    case 'ArrowRight':
    case 'j':
      return { kind: 'skip' };
    case 'ArrowLeft':
    case 'Backspace':
      return { kind: 'back' };
    case 'Escape':
      return { kind: 'close' };
    case 'o':
      return { kind: 'open' };
    case 'u':
      return { kind: 'undo' };
  }
  return null;
}

/** Adds the chosen tag and takes off the other decision tags the person carries. */
export function decisionRequests(id: string, tag: string, current: readonly string[]): TagRequest[] {
  const requests: TagRequest[] = current.includes(tag) ? [] : [{ action: 'add', tag, ids: [id] }];
  for (const other of DECISION_TAGS) if (other !== tag && current.includes(other)) requests.push({ action: 'remove', tag: other, ids: [id] });
  return requests;
}

export const LANE_HELP: readonly [string, string][] = [
  ['p', 'prune'],
  ['k', 'keep'],
  ['r', 'reconnect'],
  ['s / →', 'skip'],
  ['←', 'back'],
  ['o', 'open page'],
  ['u', 'undo'],
  ['Esc', 'close'],
];
