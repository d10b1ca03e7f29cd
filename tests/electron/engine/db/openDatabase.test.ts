// Opening database files: one test per shipped migration, newer schemas refused, a failed migration rolled back with its backup kept, damaged and foreign files refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DatabaseFileError,
  DatabaseMigrationError,
  DatabaseVersionError,
  latestSchemaVersion,
  loadMigrations,
  openDatabase,
  type Migration,
} from '../../../../electron/engine/db/openDatabase';
import { describeSchema, referenceSchema } from '../../../../electron/engine/db/schemaShape';
import { backupBeside, listBackups } from '../../../../electron/engine/db/backups';
import { findDamage } from '../../../../electron/engine/db/integrity';

const MIGRATIONS = loadMigrations();
const LATEST = latestSchemaVersion(MIGRATIONS);
let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tiecheck-db-'));
  file = join(dir, 'tiecheck.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function addPerson(db: Database.Database, id: string, name: string): void {
  db.prepare(`INSERT INTO persons (id, display_name, created_at) VALUES (?, ?, '2024-01-01')`).run(id, name);
}

function userVersion(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

describe('a new database', () => {
  it('gets every migration, WAL and foreign keys, and no backup (there is nothing to lose)', () => {
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(describeSchema(db)).toEqual(referenceSchema(LATEST));
    db.close();
    expect(listBackups(file)).toEqual([]);
  });
});

describe.each(MIGRATIONS.map((m) => [m.name, m] as const))('migration %s', (_name, migration) => {
  it('brings a database of the schema before it up to its own schema, keeping the rows, with a backup taken first', () => {
    const before = MIGRATIONS.filter((m) => m.version < migration.version);
    const upTo = MIGRATIONS.filter((m) => m.version <= migration.version);
    if (before.length > 0) {
      const old = openDatabase(file, { migrations: before });
      addPerson(old, 'p1', 'Zyxwa Quorblatt');
      old.close();
    }
    const db = openDatabase(file, { migrations: upTo });
    expect(db.pragma('user_version', { simple: true })).toBe(migration.version);
    expect(describeSchema(db)).toEqual(referenceSchema(migration.version));
    if (before.length > 0) {
      expect(db.prepare(`SELECT display_name AS name FROM persons`).all()).toEqual([{ name: 'Zyxwa Quorblatt' }]);
      // The version before, which is not always one less: a branch may leave a number to another.
      const previous = before[before.length - 1].version;
      const backups = listBackups(file);
      expect(backups).toHaveLength(1);
      expect(backups[0].schemaVersion).toBe(previous);
      expect(backups[0].path).toMatch(new RegExp(`tiecheck\\.db\\.backup-${previous}-\\d{8}T\\d{9}Z\\.db$`));
      expect(userVersion(backups[0].path)).toBe(previous);
    } else {
      expect(listBackups(file)).toEqual([]);
    }
    db.close();
  });
});

describe('migration 0005', () => {
  it('rebuilds identities without a rowid, keeping every identity with its person and batch', () => {
    const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version < 5) });
    addPerson(old, 'p1', 'Ann Bee');
    old.prepare(`INSERT INTO import_batches (id, kind, file, format, created_at) VALUES (7, 'connections', 'f.csv', 'linkedin', '2024-01-01')`).run();
    const insert = old.prepare(`INSERT INTO identities (person_id, kind, value, batch_id) VALUES (?, ?, ?, ?)`);
    insert.run('p1', 'url', 'linkedin.com/in/ann-bee', 7);
    insert.run('p1', 'name', 'ann bee', null);
    old.close();
    const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 5) });
    expect(db.prepare(`SELECT person_id AS p, kind, value, batch_id AS b FROM identities ORDER BY kind`).all()).toEqual([
      { p: 'p1', kind: 'name', value: 'ann bee', b: null },
      { p: 'p1', kind: 'url', value: 'linkedin.com/in/ann-bee', b: 7 },
    ]);
    expect(() => db.prepare(`SELECT rowid FROM identities`).all()).toThrow(/no such column: rowid/);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'identities' AND sql IS NOT NULL`).pluck().all()).toEqual(['identities_person']);
    db.close();
  });
});

describe('the 0001 schema', () => {
  it('opens in this version (every later migration applies over it)', () => {
    const first = openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) });
    addPerson(first, 'p1', 'Ann Bee');
    first.close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect((db.prepare(`SELECT count(*) AS n FROM persons`).get() as { n: number }).n).toBe(1);
    db.close();
  });
});

describe('refusals', () => {
  it('refuses a database from a newer Tiecheck, naming the file, and leaves it alone', () => {
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST + 5}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(DatabaseVersionError);
    expect(() => openDatabase(file)).toThrow(new RegExp(`tiecheck\\.db was written by a newer Tiecheck \\(schema ${LATEST + 5}`));
    expect(userVersion(file)).toBe(LATEST + 5);
    expect(listBackups(file)).toEqual([]);
  });

  it('rolls a failing migration back and leaves the backup taken before it', () => {
    const db = openDatabase(file);
    addPerson(db, 'p1', 'Zyxwa Quorblatt');
    db.close();
    const broken: Migration = { version: LATEST + 1, name: `${LATEST + 1}_broken.sql`, sql: `CREATE TABLE half_done (a); INSERT INTO no_such_table VALUES (1);` };
    let error: unknown;
    try {
      openDatabase(file, { migrations: [...MIGRATIONS, broken] });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DatabaseMigrationError);
    const backups = listBackups(file);
    expect(backups).toHaveLength(1);
    expect((error as Error).message).toContain(broken.name);
    expect((error as Error).message).toContain(backups[0].path);
    expect((error as Error).message).toContain(`stays at schema ${LATEST}`);
    const after = openDatabase(file);
    expect(after.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(after.prepare(`SELECT name FROM sqlite_master WHERE name = 'half_done'`).get()).toBeUndefined();
    expect((after.prepare(`SELECT count(*) AS n FROM persons`).get() as { n: number }).n).toBe(1);
    after.close();
    const copy = new Database(backups[0].path, { readonly: true });
    expect(copy.prepare(`SELECT display_name AS name FROM persons`).all()).toEqual([{ name: 'Zyxwa Quorblatt' }]);
    copy.close();
  });

  it('keeps only the last three backups', () => {
    openDatabase(file).close();
    let migrations = [...MIGRATIONS];
    for (let i = 1; i <= 5; i++) {
      migrations = [...migrations, { version: LATEST + i, name: `${LATEST + i}_step.sql`, sql: `CREATE TABLE step_${i} (a);` }];
      openDatabase(file, { migrations }).close();
    }
    const backups = listBackups(file);
    expect(backups.map((b) => b.schemaVersion)).toEqual([LATEST + 2, LATEST + 3, LATEST + 4]);
    expect(readdirSync(dir).filter((n) => n.includes('.partial'))).toEqual([]);
  });

  it('refuses a damaged file with one message naming it and the latest backup', () => {
    const db = openDatabase(file);
    const insert = db.prepare(`INSERT INTO persons (id, display_name, created_at) VALUES (?, ?, '2024-01-01')`);
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`p${i}`, `Person number ${i} with a longish name`);
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    const backup = backupBeside(db, file, LATEST);
    db.close();
    // Scribble over pages in the middle of the file: tables and indexes no longer agree.
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    const junk = Buffer.alloc(4096 * 3, 0x5a);
    writeSync(fd, junk, 0, junk.length, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    let error: unknown;
    try {
      openDatabase(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DatabaseFileError);
    expect(error).toBeInstanceOf(DatabaseVersionError);
    const message = (error as Error).message;
    expect(message).toContain(`${file} is damaged`);
    expect(message).toContain(backup.path);
    expect(message.split('\n')).toHaveLength(1);
  });

  it('refuses a file that is not a database without writing anything beside it', () => {
    const csv = join(dir, 'Connections.csv');
    const fd = openSync(csv, 'w');
    writeSync(fd, 'First Name,Last Name\nAnn,Bee\n');
    closeSync(fd);
    expect(() => openDatabase(csv)).toThrow(/Connections\.csv is not an SQLite database/);
    expect(readdirSync(dir)).toEqual(['Connections.csv']);
  });

  it("refuses another program's SQLite database rather than mixing our schema into it", () => {
    const other = new Database(file);
    other.exec(`CREATE TABLE their_notes (body TEXT); INSERT INTO their_notes VALUES ('keep me')`);
    other.close();
    expect(() => openDatabase(file)).toThrow(/is an SQLite database, but not a Tiecheck one/);
    const after = new Database(file, { readonly: true });
    expect(after.prepare(`SELECT name FROM sqlite_master`).all()).toEqual([{ name: 'their_notes' }]);
    after.close();
  });
});

describe('the soundness check', () => {
  it('uses quick_check on request (as for large files) and finds a sound file sound', () => {
    const db = openDatabase(file);
    expect(findDamage(db, file, 'quick')).toEqual([]);
    expect(findDamage(db, file, 'full')).toEqual([]);
    db.close();
    expect(existsSync(file)).toBe(true);
  });
});
