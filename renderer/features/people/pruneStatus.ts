// "pruned ✓" or "still connected": what became of the people you tagged to prune, from what the contract tells.

export type PruneStatus = 'pruned' | 'still-connected' | null;

/** A person's page: tagged prune and every connection removed is pruned; any connection left is still connected. */
export function pruneStatusOf(tags: readonly string[], connections: readonly { removedAt: string | null }[], tag = 'prune'): PruneStatus {
  if (!tags.includes(tag)) return null;
  if (connections.length > 0 && connections.every((c) => c.removedAt !== null)) return 'pruned';
  return 'still-connected';
}

/**
 * Counts for the whole tag: persons whose connections are all removed drop out of the audit, so the tag's
 * count (tags:list) less the audited persons who carry it is how many were pruned.
 */
export function pruneCounts(tagCount: number, audited: readonly { tags: readonly string[] }[], tag = 'prune'): { tagged: number; stillConnected: number; pruned: number } {
  let stillConnected = 0;
  for (const p of audited) if (p.tags.includes(tag)) stillConnected++;
  return { tagged: Math.max(tagCount, stillConnected), stillConnected, pruned: Math.max(0, tagCount - stillConnected) };
}
