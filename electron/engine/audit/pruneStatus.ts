// Whether the people you tagged for pruning are gone: after the next export of their network,
// a removed connection is "pruned ✓"; one still in the export is "still connected".
import type { Db } from '../db/openDatabase';

export interface PruneStatusRow {
  id: string;
  name: string;
  status: 'pruned' | 'partly' | 'still connected';
  removed: { network: string; removedAt: string }[];
  connected: string[];
}

export function readPruneStatus(db: Db, tag: string): { rows: PruneStatusRow[]; pruned: number; partly: number; stillConnected: number } {
  const raw = db
    .prepare(
      `SELECT p.id, p.display_name AS name, c.network, c.removed_at AS removedAt
         FROM tags t JOIN persons p ON p.id = t.person_id JOIN connections c ON c.person_id = p.id
        WHERE t.tag = ? ORDER BY p.display_name COLLATE NOCASE, c.network`,
    )
    .all(tag) as { id: string; name: string; network: string; removedAt: string | null }[];
  const byPerson = new Map<string, PruneStatusRow>();
  for (const r of raw) {
    let row = byPerson.get(r.id);
    if (!row) byPerson.set(r.id, (row = { id: r.id, name: r.name, status: 'still connected', removed: [], connected: [] }));
    if (r.removedAt) row.removed.push({ network: r.network, removedAt: r.removedAt });
    else row.connected.push(r.network);
  }
  const rows = [...byPerson.values()];
  for (const row of rows) row.status = row.connected.length === 0 ? 'pruned' : row.removed.length > 0 ? 'partly' : 'still connected';
  return {
    rows,
    pruned: rows.filter((r) => r.status === 'pruned').length,
    partly: rows.filter((r) => r.status === 'partly').length,
    stillConnected: rows.filter((r) => r.status === 'still connected').length,
  };
}
