// Opens a Tiecheck database file: pragmas, schema migrations in order, refusal of newer schemas.
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Db = Database.Database;

export class DatabaseVersionError extends Error {}

interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migrations folder sits beside this module in the sources and beside the bundle in a build. */
function migrationsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'migrations'), join(here, 'db', 'migrations'), join(here, '..', 'engine', 'db', 'migrations')];
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

export function migrate(db: Db, migrations = loadMigrations()): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
  if (current > latest) {
    throw new DatabaseVersionError(
      `this database was written by a newer Tiecheck (schema ${current}, this one knows ${latest}); update Tiecheck to open it`,
    );
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    // Each migration and its version bump commit together, so a crash never leaves half a schema.
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return latest;
}

export interface OpenOptions {
  readonly?: boolean;
  /** Path to a better-sqlite3 native build for another ABI (Electron). */
  nativeBinding?: string;
}

export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { readonly: opts.readonly ?? false, nativeBinding: opts.nativeBinding });
  try {
    if (!opts.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    if (!opts.readonly) migrate(db);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof Error && /file is not a database|malformed/i.test(err.message)) {
      throw new DatabaseVersionError(`${file} is not a Tiecheck database (or it is damaged)`);
    }
    throw err;
  }
}
