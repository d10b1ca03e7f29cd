// The whole database at once: a consistent export, a validated restore, and "delete all my data" that leaves nothing behind on disk.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { backupBeside, copyDatabaseTo, removeAllBackups } from '../db/backups';
import { findDamage, looksLikeSqlite } from '../db/integrity';
import { DatabaseVersionError, latestSchemaVersion, loadMigrations, migrate, type Db } from '../db/openDatabase';
import { describeSchema, referenceSchema, schemaDifference, tableNames } from '../db/schemaShape';

/** A refused export, restore or wipe; it extends the database refusal so every door shows its message as is. */
export class DataAdminError extends DatabaseVersionError {}

/** Above this the browser door's base64 answer would strain memory; the CLI's `backup` has no limit. */
export const EXPORT_BYTES_LIMIT = 256 * 1024 * 1024;

export interface RestoreResult {
  schemaVersion: number;
  persons: number;
  connections: number;
  interactions: number;
  /** The copy of the contents the restore replaced, beside the database (null for a database with no file). */
  previousBackup: string | null;
}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

/** Writes a consistent copy of the open database to `out` (replacing a file there) and returns its size. */
export function exportDatabase(db: Db, dbPath: string, out: string): { path: string; bytes: number } {
  const target = resolve(out);
  for (const own of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, `${dbPath}-journal`]) {
    if (samePath(target, own)) throw new DataAdminError(`${out} is the database itself (or one of its working files); choose another file for the backup`);
  }
  if (!existsSync(dirname(target))) throw new DataAdminError(`the folder of ${out} does not exist`);
  if (existsSync(target) && !statSync(target).isFile()) throw new DataAdminError(`${out} is not a file`);
  copyDatabaseTo(db, target);
  return { path: target, bytes: statSync(target).size };
}

/** The bytes of a consistent, compacted copy, for a door that hands the file over itself (the browser's download). */
export function exportDatabaseBytes(db: Db, limit = EXPORT_BYTES_LIMIT): Buffer {
  const pages = db.pragma('page_count', { simple: true }) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  if (pages * pageSize > limit) {
    throw new DataAdminError(`the database is too large to download here (${Math.round((pages * pageSize) / 1048576)} MB); use "tiecheck backup --out FILE" instead`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'tiecheck-export-'));
  try {
    const file = join(dir, 'export.db');
    copyDatabaseTo(db, file);
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function count(db: Db, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
}

/**
 * Checks a copy of a backup and brings it to the current schema. The copy is opened with
 * `trusted_schema = OFF` and must match, object for object, what the shipped migrations build for
 * its version: a file crafted with extra triggers or views is refused before it is ever attached.
 */
function prepareSource(copy: string, label: string): number {
  const src = new Database(copy);
  try {
    src.pragma('trusted_schema = OFF');
    src.pragma('cell_size_check = ON');
    const damage = findDamage(src, copy, 'full');
    if (damage.length) throw new DataAdminError(`${label} is damaged (${damage[0].slice(0, 200)}); it cannot be restored`);
    const version = src.pragma('user_version', { simple: true }) as number;
    const migrations = loadMigrations();
    const latest = latestSchemaVersion(migrations);
    if (version === 0) throw new DataAdminError(`${label} is not a Tiecheck database`);
    if (version > latest) throw new DataAdminError(`${label} was written by a newer Tiecheck (schema ${version}, this one knows ${latest}); update Tiecheck to restore it`);
    const difference = schemaDifference(describeSchema(src), referenceSchema(version, migrations));
    if (difference) throw new DataAdminError(`${label} is not a Tiecheck database of schema ${version} (${difference})`);
    if (version < latest) migrate(src, migrations);
    src.pragma('journal_mode = DELETE');
    return version;
  } catch (err) {
    if (err instanceof DatabaseVersionError) throw err;
    const detail = err instanceof Error ? err.message : String(err);
    throw new DataAdminError(`${label} cannot be restored (${detail})`);
  } finally {
    src.close();
  }
}

/**
 * Replaces the whole contents of the open database with those of `file`, atomically.
 *
 * Rows are copied table by table inside one transaction on the engine's own connection rather than
 * by swapping files: the handle every door holds stays valid, a worker thread's connection to the
 * same file sees either the old contents or the new (never a replaced inode with a stale -wal), and
 * a crash or a bad row mid-way rolls back to the old contents through SQLite's own journal.
 */
export function restoreDatabase(db: Db, dbPath: string, file: string, displayName = basename(file)): RestoreResult {
  let info;
  try {
    info = statSync(file);
  } catch {
    throw new DataAdminError(`${displayName} cannot be read (it does not exist or is not readable)`);
  }
  if (!info.isFile() || info.size === 0) throw new DataAdminError(`${displayName} is empty or not a file`);
  if (!looksLikeSqlite(file)) throw new DataAdminError(`${displayName} is not a Tiecheck database (not an SQLite file)`);
  if (db.inTransaction) throw new DataAdminError('the database is busy; try again when the current import has finished');
  const dir = mkdtempSync(join(tmpdir(), 'tiecheck-restore-'));
  try {
    // The user's file is never opened for writing: checks and migration happen on a private copy.
    const copy = join(dir, 'restore.db');
    copyFileSync(file, copy);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
    const schemaVersion = prepareSource(copy, displayName);
    const onDisk = dbPath !== ':memory:' && dbPath !== '';
    const current = db.pragma('user_version', { simple: true }) as number;
    const previousBackup = onDisk ? backupBeside(db, dbPath, current).path : null;
    db.prepare(`ATTACH DATABASE ? AS restore_src`).run(copy);
    try {
      const tables = tableNames(db);
      db.transaction(() => {
        db.pragma('defer_foreign_keys = ON');
        // Every table is emptied before any is filled: a cascading delete (persons → connections)
        // must never reach rows already copied in that share an id with the old ones.
        for (const table of tables) db.exec(`DELETE FROM main."${table}"`);
        for (const table of tables) {
          const columns = (db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => `"${c.name}"`).join(', ');
          db.exec(`INSERT INTO main."${table}" (${columns}) SELECT ${columns} FROM restore_src."${table}"`);
        }
        const broken = db.pragma('main.foreign_key_check') as unknown[];
        if (broken.length) throw new DataAdminError(`${displayName} has rows that point at missing rows (${broken.length} found); nothing was changed`);
      }).immediate();
    } finally {
      db.exec('DETACH DATABASE restore_src');
    }
    scrubFreePages(db);
    return {
      schemaVersion,
      persons: count(db, 'persons'),
      connections: count(db, 'connections'),
      interactions: count(db, 'interactions'),
      previousBackup,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Rebuilds the file so replaced rows are gone from it, then empties the write-ahead log. */
function scrubFreePages(db: Db): { walCleared: boolean } {
  db.exec('VACUUM');
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  return { walCleared: !result || result.busy === 0 };
}

export interface DeleteAllResult {
  deletedRows: number;
  backupsRemoved: number;
  /** False when another connection kept the write-ahead log from being emptied (it is then emptied when that one closes). */
  walCleared: boolean;
}

/**
 * Deletes every row of every table, rebuilds the file (VACUUM) so no deleted record survives in a
 * free page, truncates the write-ahead log, and removes the migration backups beside the database,
 * which hold the same personal data. The schema and its version stay.
 */
export function deleteAllData(db: Db, dbPath: string): DeleteAllResult {
  if (db.inTransaction) throw new DataAdminError('the database is busy; try again when the current import has finished');
  const tables = tableNames(db);
  const secure = db.pragma('secure_delete', { simple: true }) as number;
  let deletedRows = 0;
  try {
    db.pragma('secure_delete = ON');
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON');
      for (const table of tables) deletedRows += db.prepare(`DELETE FROM "${table}"`).run().changes;
      // Statistics tables (ANALYZE) may hold sample values of indexed columns.
      const stats = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'sqlite_stat%'`).all() as { name: string }[];
      for (const { name } of stats) db.exec(`DELETE FROM "${name}"`);
    }).immediate();
  } finally {
    db.pragma(`secure_delete = ${secure}`);
  }
  const { walCleared } = scrubFreePages(db);
  const onDisk = dbPath !== ':memory:' && dbPath !== '';
  return { deletedRows, backupsRemoved: onDisk ? removeAllBackups(dbPath) : 0, walCleared };
}
