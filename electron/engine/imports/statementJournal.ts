// Where an import's write transaction keeps its statement journals: in memory, for the transaction's length.
import type { Db } from '../db/openDatabase';

/**
 * An INSERT of many rows needs a statement journal (with foreign keys on, any such statement could
 * abort halfway), which SQLite keeps in memory up to 64 KiB and then in a temporary file: the bench
 * mbox's multi-row INSERTs made 296,000 pwrite calls that way against 25,000 row by row, 0.5–0.8 s
 * of system CPU. With temp_store = MEMORY the journal stays in memory (the pages one statement
 * touches, freed when it ends). SQLite reads the setting when a transaction begins, so call this
 * before BEGIN; the returned function puts the connection's own setting back (after COMMIT or ROLLBACK).
 */
export function statementJournalsInMemory(db: Db): () => void {
  if (db.inTransaction) return () => {};
  const before = db.pragma('temp_store', { simple: true }) as number;
  if (before === 2) return () => {};
  db.pragma('temp_store = MEMORY');
  return () => {
    if (!db.inTransaction) db.pragma(`temp_store = ${Number(before)}`);
  };
}

/** BEGIN IMMEDIATE with the statement journals in memory; the returned function restores the setting after COMMIT or ROLLBACK. */
export function beginWithJournalsInMemory(db: Db): () => void {
  const restore = statementJournalsInMemory(db);
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (err) {
    restore();
    throw err;
  }
  return restore;
}
