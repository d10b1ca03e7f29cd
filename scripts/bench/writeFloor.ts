// The SQLite write floor of an import: the rows an import wrote, copied into the database as it was
// before that import with plain INSERT … SELECT in one transaction. No parsing, no normalising, no
// lookups and no JS per row: what storing exactly those rows costs on this machine, in this run.
import { copyFileSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { openDatabase, type Db } from '../../electron/engine/db/openDatabase';
import { beginWithJournalsInMemory } from '../../electron/engine/imports/statementJournal';
import { removeDb } from './benchData';

/** Tables an import writes, parents first (foreign keys are checked as the import has them checked). */
const IMPORT_TABLES = ['import_batches', 'persons', 'connections', 'identities', 'contacts', 'interactions', 'participants'] as const;

export interface WriteFloorTask {
  /** The database the import produced. */
  importedDb: string;
  /** The database as it was before the import (copied, never changed), or null for a new one. */
  beforeDb: string | null;
  /** Where the copy is made (removed afterwards, unless kept for a test to read). */
  floorDb: string;
  keepCopy?: boolean;
}

/** Each table's primary key: how the bind floor tells the import's rows from those that were there before. */
const PRIMARY_KEYS: Record<(typeof IMPORT_TABLES)[number], string[]> = {
  import_batches: ['id'],
  persons: ['id'],
  connections: ['id'],
  identities: ['kind', 'value', 'person_id'],
  contacts: ['id'],
  interactions: ['id'],
  participants: ['interaction_id', 'contact_id', 'role'],
};

/** Rows per statement of the bind floor: the fastest way we measured to hand SQLite rows from JS (see bindFloor). */
const BIND_ROWS = 64;

/** Opens the copy and attaches the import's database; the returned `write` is what gets timed, and returns the rows written. */
export function prepareWriteFloor(task: WriteFloorTask): { write: () => number } {
  const db = openFloorCopy(task);
  // "WHERE 1" keeps SQLite from its table-to-table transfer shortcut: rows go in one by one, indexes
  // updated per row, as an import's inserts do.
  const copies = IMPORT_TABLES.map((t) => db.prepare(`INSERT OR IGNORE INTO main.${t} SELECT * FROM src.${t} WHERE 1`));
  return {
    write: () => {
      db.exec('BEGIN IMMEDIATE');
      const rows = copies.reduce((sum, copy) => sum + copy.run().changes, 0);
      db.exec('COMMIT');
      db.close();
      if (!task.keepCopy) removeDb(task.floorDb);
      return rows;
    },
  };
}

function openFloorCopy(task: WriteFloorTask): Db {
  removeDb(task.floorDb);
  if (task.beforeDb) {
    copyFileSync(task.beforeDb, task.floorDb);
    if (existsSync(`${task.beforeDb}-wal`)) copyFileSync(`${task.beforeDb}-wal`, `${task.floorDb}-wal`);
  }
  const db = openDatabase(task.floorDb);
  db.prepare('ATTACH DATABASE ? AS src').run(task.importedDb);
  return db;
}

/** What the bind floor measured: only its own binding, stepping and commit (reading the rows is not timed). */
export interface BindFloorResult {
  count: number;
  ms: number;
  cpuMs: number;
}

/** Rows read (untimed) before each timed stretch of binding: bounds the memory a 2 GB mailbox's rows would take. */
const READ_ROWS = 65_536;

/**
 * The JS bind floor: the same rows, read into arrays (untimed, a stretch at a time, through a second
 * connection) and bound into the same copy by prepared multi-row INSERTs of BIND_ROWS rows (the rest
 * one by one) in one transaction with its commit (and the close, as the write floor). No parsing, no matching, no lookups: what any import
 * written in JS pays at the least to hand these rows to SQLite through better-sqlite3, where the write
 * floor's INSERT … SELECT never leaves C. (A row a statement, and jsonb_each over JSON batches, measured slower.)
 */
export function prepareBindFloor(task: WriteFloorTask, readRows = READ_ROWS): { write: () => BindFloorResult } {
  const db = openFloorCopy(task);
  const source = new Database(task.importedDb, { readonly: true });
  if (task.beforeDb) source.prepare('ATTACH DATABASE ? AS before').run(task.beforeDb);
  const tables = IMPORT_TABLES.map((t) => {
    const columns = (db.prepare(`SELECT name FROM pragma_table_info('${t}') ORDER BY cid`).pluck().all() as string[]).map((c) => `"${c}"`);
    const matches = PRIMARY_KEYS[t].map((k) => `b.${k} = s.${k}`).join(' AND ');
    // In the order the write floor's SELECT reads them (the source table's own order), less those already there.
    const read = source.prepare(task.beforeDb ? `SELECT s.* FROM main.${t} s WHERE NOT EXISTS (SELECT 1 FROM before.${t} b WHERE ${matches})` : `SELECT * FROM main.${t}`).raw();
    const insert = (n: number) =>
      db.prepare(`INSERT OR IGNORE INTO main.${t} (${columns.join(', ')}) VALUES ${new Array(n).fill(`(${columns.map(() => '?').join(', ')})`).join(', ')}`);
    return { read, many: insert(BIND_ROWS), one: insert(1) };
  });
  let ms = 0;
  let cpuMs = 0;
  const timed = (work: () => void): void => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    work();
    ms += performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    cpuMs += (cpu.user + cpu.system) / 1000;
  };
  return {
    write: () => {
      let count = 0;
      // As the import begins its transaction (imports/statementJournal.ts): multi-row statements journal in memory.
      let restore = () => {};
      timed(() => (restore = beginWithJournalsInMemory(db)));
      for (const { read, many, one } of tables) {
        let rows: unknown[][] = [];
        const bind = (): void => {
          // Even the parameter arrays are built before the clock starts: the floor binds and steps, nothing else.
          const chunks: unknown[][] = [];
          let i = 0;
          for (; i + BIND_ROWS <= rows.length; i += BIND_ROWS) chunks.push(rows.slice(i, i + BIND_ROWS).flat());
          const rest = rows.slice(i);
          timed(() => {
            for (const params of chunks) count += many.run(params).changes;
            for (const row of rest) count += one.run(row).changes;
          });
          rows = [];
        };
        for (const row of read.iterate() as Iterable<unknown[]>) {
          rows.push(row);
          if (rows.length === readRows) bind();
        }
        bind();
      }
      source.close();
      // The commit and the close's checkpoint, as the write floor times them.
      timed(() => {
        db.exec('COMMIT');
        restore();
        db.close();
      });
      if (!task.keepCopy) removeDb(task.floorDb);
      return { count, ms, cpuMs };
    },
  };
}
