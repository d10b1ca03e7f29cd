// "pruned ✓" or "still connected": what became of the people you tagged to prune, from what the contract tells.

export type PruneStatus = 'pruned' | 'still-connected' | null;

/** A person's page: tagged prune and every connection removed is pruned; any connection left is still connected. */
export function pruneStatusOf(tags: readonly string[], connections: readonly { removedAt: string | null }[], tag = 'prune'): PruneStatus {
  if (!tags.includes(tag)) return null;
  if (connections.length > 0 && connections.every((c) => c.removedAt !== null)) return 'pruned';
  return 'still-connected';
}

export type EnginePruneStatus = 'pruned' | 'partly' | 'still connected';
export type PruneView = 'all' | 'pruned' | 'still connected';

/** The words the screens use for the engine's statuses. */
export function pruneStatusWords(status: EnginePruneStatus): string {
  return status === 'pruned' ? 'pruned ✓' : status === 'partly' ? 'partly pruned' : 'still connected';
}

/**
 * The rows a view shows: "still connected" includes the partly pruned (they are still connected somewhere),
 * and the still connected come first in "all" because they are the ones with work left.
 */
export function visiblePruneRows<R extends { status: EnginePruneStatus }>(rows: readonly R[], view: PruneView): R[] {
  const order: Record<EnginePruneStatus, number> = { 'still connected': 0, partly: 1, pruned: 2 };
  const shown = view === 'all' ? [...rows] : rows.filter((r) => (view === 'pruned' ? r.status === 'pruned' : r.status !== 'pruned'));
  return shown.sort((a, b) => order[a.status] - order[b.status]);
}
