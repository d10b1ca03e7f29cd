// The SQLite write floor of an import: the rows an import wrote, copied into the database as it was
// before that import with plain INSERT … SELECT in one transaction. No parsing, no normalising, no
// lookups and no JS per row: what storing exactly those rows costs on this machine, in this run.
import { copyFileSync, existsSync } from 'node:fs';
import { openDatabase } from '../../electron/engine/db/openDatabase';
import { removeDb } from './benchData';

/** Tables an import writes, parents first (foreign keys are checked as the import has them checked). */
const IMPORT_TABLES = ['import_batches', 'persons', 'connections', 'identities', 'contacts', 'interactions', 'participants'] as const;

export interface WriteFloorTask {
  /** The database the import produced. */
  importedDb: string;
  /** The database as it was before the import (copied, never changed), or null for a new one. */
  beforeDb: string | null;
  /** Where the copy is made (removed afterwards). */
  floorDb: string;
}

/** Opens the copy and attaches the import's database; the returned `write` is what gets timed, and returns the rows written. */
export function prepareWriteFloor(task: WriteFloorTask): { write: () => number } {
  removeDb(task.floorDb);
  if (task.beforeDb) {
    copyFileSync(task.beforeDb, task.floorDb);
    if (existsSync(`${task.beforeDb}-wal`)) copyFileSync(`${task.beforeDb}-wal`, `${task.floorDb}-wal`);
  }
  const db = openDatabase(task.floorDb);
  db.prepare('ATTACH DATABASE ? AS src').run(task.importedDb);
  // "WHERE 1" keeps SQLite from its table-to-table transfer shortcut: rows go in one by one, indexes
  // updated per row, as an import's inserts do.
  const copies = IMPORT_TABLES.map((t) => db.prepare(`INSERT OR IGNORE INTO main.${t} SELECT * FROM src.${t} WHERE 1`));
  return {
    write: () => {
      db.exec('BEGIN IMMEDIATE');
      const rows = copies.reduce((sum, copy) => sum + copy.run().changes, 0);
      db.exec('COMMIT');
      db.close();
      removeDb(task.floorDb);
      return rows;
    },
  };
}
