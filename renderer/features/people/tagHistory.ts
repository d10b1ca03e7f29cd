// Undo and redo of tag changes: each entry is one user action (a rename is two engine operations, undone last-first).

export interface TagRequest {
  action: 'add' | 'remove';
  tag: string;
  /** Exactly one of ids and filter: the selection, or everything the filter matches. */
  ids?: string[];
  filter?: string;
}

/** A whole tag renamed (or merged into another) or deleted: everyone who has it, removed connections included. */
export type TagChange = TagRequest | { action: 'rename'; from: string; to: string } | { action: 'delete'; tag: string };

export interface TagStep {
  request: TagChange;
  /** The engine operations the change made, in the order made; undo reverses them last-first. */
  operationIds: string[];
  changed: number;
}

export interface TagEntry {
  /** "Tagged 412 connections with prune" */
  label: string;
  steps: TagStep[];
}

export interface TagHistory {
  done: TagEntry[];
  undone: TagEntry[];
}

export const EMPTY_HISTORY: TagHistory = { done: [], undone: [] };
const LIMIT = 50;

/** A new action: it goes on the undo stack and clears what could be redone. */
export function recordEntry(history: TagHistory, entry: TagEntry): TagHistory {
  return { done: [...history.done, entry].slice(-LIMIT), undone: [] };
}

/** The entry to undo (its engine operations are reversed last-first), and the history after it. */
export function takeUndo(history: TagHistory): { entry: TagEntry; history: TagHistory } | null {
  const entry = history.done.at(-1);
  if (!entry) return null;
  return { entry, history: { done: history.done.slice(0, -1), undone: [...history.undone, entry] } };
}

/** The entry to redo; once re-applied, `redone` replaces it with the new operation ids. */
export function takeRedo(history: TagHistory): { entry: TagEntry; history: TagHistory } | null {
  const entry = history.undone.at(-1);
  if (!entry) return null;
  return { entry, history: { done: history.done, undone: history.undone.slice(0, -1) } };
}

export function redone(history: TagHistory, entry: TagEntry): TagHistory {
  return { done: [...history.done, entry].slice(-LIMIT), undone: history.undone };
}

/** The toast's words for one change. */
export function describeTagChange(action: 'add' | 'remove', tag: string, changed: number): string {
  const who = `${changed.toLocaleString('en-US')} connection${changed === 1 ? '' : 's'}`;
  if (changed === 0) return action === 'add' ? `Nothing changed: all of them were already tagged ${tag}` : `Nothing changed: none of them had ${tag}`;
  return action === 'add' ? `Tagged ${who} with ${tag}` : `Removed ${tag} from ${who}`;
}

/** The toast's words for any step: bulk changes as `describeTagChange`, renames and deletions by name. */
export function describeStep(step: TagStep): string {
  const r = step.request;
  const who = `${step.changed.toLocaleString('en-US')} ${step.changed === 1 ? 'person' : 'people'}`;
  if (r.action === 'rename') return `Renamed ${r.from} to ${r.to} (${who})`;
  if (r.action === 'delete') return `Deleted tag ${r.tag} (${who})`;
  return describeTagChange(r.action, r.tag, step.changed);
}

/** Engine operations to undo for an entry: the last step's last operation first. */
export function undoOrder(entry: TagEntry): string[] {
  return [...entry.steps].reverse().flatMap((s) => [...s.operationIds].reverse());
}

/** A tag as a filter value: bare when it is a plain word, else double-quoted. */
export function quoteTag(tag: string): string {
  return /^[\p{L}\p{N}_.@/:-]+$/u.test(tag) && !/^(and|or|not|in|none)$/i.test(tag) ? tag : `"${tag.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
