// Opens a Tiecheck database file: soundness check, pragmas, a backup then schema migrations in order, refusal of newer schemas.
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { backupBeside, type BackupFile } from './backups';
import { DatabaseFileError, DatabaseMigrationError, DatabaseVersionError } from './databaseErrors';
import { assertSound, backupAdvice, damagedMessage, looksLikeSqlite } from './integrity';
import { stampCleanClose, stampedCheck } from './cleanCloseStamp';

export type Db = Database.Database;

export { DatabaseVersionError, DatabaseFileError, DatabaseMigrationError };

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migrations folder sits beside this module in the sources and beside the bundle in a build. */
function migrationsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // A build may also put this module in a shared chunk one folder below the bundle (out/main/chunks).
  const candidates = [join(here, 'migrations'), join(here, 'db', 'migrations'), join(here, '..', 'engine', 'db', 'migrations'), join(here, '..', 'migrations')];
  const found = candidates.find((dir) => existsSync(dir));
  if (!found) throw new Error(`schema migrations not found beside ${here}`);
  return found;
}

export function loadMigrations(dir = migrationsDir()): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f, sql: readFileSync(join(dir, f), 'utf8') }));
}

export function latestSchemaVersion(migrations = loadMigrations()): number {
  return migrations.length ? migrations[migrations.length - 1].version : 0;
}

function fileLabel(db: Db): string {
  return db.name && db.name !== ':memory:' ? db.name : 'this database';
}

export function migrate(db: Db, migrations = loadMigrations()): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = latestSchemaVersion(migrations);
  if (current > latest) {
    throw new DatabaseVersionError(
      `${fileLabel(db)} was written by a newer Tiecheck (schema ${current}, this one knows ${latest}); update Tiecheck to open it`,
    );
  }
  let reached = current;
  for (const m of migrations) {
    if (m.version <= current) continue;
    try {
      // Each migration and its version bump commit together, so a crash never leaves half a schema.
      db.transaction(() => {
        db.exec(m.sql);
        db.pragma(`user_version = ${m.version}`);
      })();
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      throw new DatabaseMigrationError(`migration ${m.name} of ${fileLabel(db)} failed (${detail}) and was rolled back; the database stays at schema ${reached}`);
    }
    reached = m.version;
  }
  return latest;
}

export interface OpenOptions {
  readonly?: boolean;
  /** Path to a better-sqlite3 native build for another ABI (Electron). */
  nativeBinding?: string;
  /**
   * The soundness check run before anything else: 'auto' (default) is `integrity_check` up to
   * 64 MB and `quick_check` above (see integrity.ts), skipped when the file is exactly as Tiecheck
   * left it at a clean close within a day of the last check (cleanCloseStamp.ts); 'full' and
   * 'quick' always check; 'off' for a second connection to a file another connection of this
   * process has just checked.
   */
  check?: 'auto' | 'full' | 'quick' | 'off';
  /** The migrations to apply (tests); default: the ones shipped beside this module. */
  migrations?: Migration[];
}

/** Refuses a file that holds someone else's tables; migrating it would mix our schema into theirs. */
function assertOursOrEmpty(db: Db, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version !== 0) return;
  const objects = db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'`).get() as { n: number };
  if (objects.n > 0) throw new DatabaseFileError(`${file} is an SQLite database, but not a Tiecheck one; Tiecheck will not change it (choose another file)`);
}

function migrateFile(db: Db, file: string, migrations: Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = latestSchemaVersion(migrations);
  let backup: BackupFile | null = null;
  // A new database has nothing to lose; an existing one is copied aside before its schema changes.
  if (current > 0 && current < latest && file !== ':memory:') backup = backupBeside(db, file, current);
  try {
    migrate(db, migrations);
  } catch (err) {
    if (err instanceof DatabaseMigrationError && backup) throw new DatabaseMigrationError(`${err.message}; a backup taken just before is at ${backup.path}`);
    throw err;
  }
}

/** The connection's close also leaves the clean-close stamp, carrying the time of the last deep check. */
function stampAtClose(db: Db, file: string, checkedAt: number): void {
  const close = db.close.bind(db);
  db.close = () => {
    close();
    stampCleanClose(file, checkedAt);
    return db;
  };
}

export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const onDisk = file !== ':memory:' && file !== '';
  if (onDisk) {
    mkdirSync(dirname(file), { recursive: true });
    // Never let SQLite open (and then write a journal beside) a file that is not a database at all.
    if (existsSync(file) && !looksLikeSqlite(file)) {
      throw new DatabaseFileError(`${file} is not an SQLite database: it is damaged, or another kind of file. ${backupAdvice(file)}`);
    }
  }
  const check = opts.check ?? 'auto';
  // Read before SQLite opens the file, which leaves a log beside it until the connection closes.
  const stamped = onDisk && check === 'auto' ? stampedCheck(file) : null;
  const db = new Database(file, { readonly: opts.readonly ?? false, nativeBinding: opts.nativeBinding });
  try {
    if (onDisk && check !== 'off' && stamped === null) assertSound(db, file, check);
    if (!opts.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    if (!opts.readonly) {
      assertOursOrEmpty(db, file);
      migrateFile(db, file, opts.migrations ?? loadMigrations());
    }
    if (onDisk && check === 'auto' && !opts.readonly) stampAtClose(db, file, stamped ?? Date.now());
    return db;
  } catch (err) {
    db.close();
    if (err instanceof DatabaseVersionError) throw err;
    if (err instanceof Error && /file is not a database|malformed|disk image/i.test(err.message)) {
      throw new DatabaseFileError(damagedMessage(file, err.message));
    }
    throw err;
  }
}
