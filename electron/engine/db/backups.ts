// Backup copies of a database file kept beside it (`<db>.backup-<schemaVersion>-<timestamp>.db`): made before every migration, the last three kept.
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type Database from 'better-sqlite3';

export const BACKUPS_KEPT = 3;

export interface BackupFile {
  path: string;
  schemaVersion: number;
  /** The moment in the name, ISO 8601 (UTC). */
  takenAt: string;
}

/** 2025-03-04T05:06:07.089Z → 20250304T050607089Z: sortable, and legal in every file system's names. */
function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

function unstamp(text: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(text);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z` : text;
}

export function backupPathFor(dbFile: string, schemaVersion: number, date = new Date()): string {
  return join(dirname(dbFile), `${basename(dbFile)}.backup-${schemaVersion}-${stamp(date)}.db`);
}

/** The backups beside `dbFile`, oldest first. */
export function listBackups(dbFile: string): BackupFile[] {
  const dir = dirname(dbFile);
  const prefix = `${basename(dbFile)}.backup-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const found: BackupFile[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)-(\d{8}T\d{9}Z)\.db$/.exec(name.slice(prefix.length));
    if (m) found.push({ path: join(dir, name), schemaVersion: Number(m[1]), takenAt: unstamp(m[2]) });
  }
  return found.sort((a, b) => a.takenAt.localeCompare(b.takenAt) || a.schemaVersion - b.schemaVersion);
}

export function latestBackup(dbFile: string): BackupFile | null {
  const all = listBackups(dbFile);
  return all.length ? all[all.length - 1] : null;
}

/**
 * A consistent, compacted copy of the open database at `target` (VACUUM INTO: it sees one snapshot,
 * and free pages holding deleted rows are not copied). Written under a temporary name and renamed,
 * so a crash never leaves a half-written file that looks like a finished backup.
 */
export function copyDatabaseTo(db: Database.Database, target: string): void {
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    renameSync(partial, target);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}

/** Backs up the database before a migration or a restore changes it, then keeps only the newest three backups. */
export function backupBeside(db: Database.Database, dbFile: string, schemaVersion: number): BackupFile {
  let path = backupPathFor(dbFile, schemaVersion);
  // Two opens within one millisecond (tests) would otherwise collide on the name.
  for (let ms = 1; existsSync(path); ms++) path = backupPathFor(dbFile, schemaVersion, new Date(Date.now() + ms));
  copyDatabaseTo(db, path);
  pruneBackups(dbFile);
  return listBackups(dbFile).find((b) => b.path === path) ?? { path, schemaVersion, takenAt: new Date().toISOString() };
}

export function pruneBackups(dbFile: string, keep = BACKUPS_KEPT): number {
  const all = listBackups(dbFile);
  const old = all.slice(0, Math.max(0, all.length - keep));
  for (const b of old) rmSync(b.path, { force: true });
  return old.length;
}

/** Removes every backup beside the database ("delete all my data" means those copies too). */
export function removeAllBackups(dbFile: string): number {
  return pruneBackups(dbFile, 0);
}
