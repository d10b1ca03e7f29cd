// The whole database: export is a consistent copy, restore is validated and atomic, and "delete all my data" leaves no trace in any file on disk.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { linkedInConnections, tempWorkspace, type TempWorkspace } from '../../fixtures/tempDb';
import { importFile } from '../../../electron/engine/imports/importFile';
import { openDatabase, loadMigrations } from '../../../electron/engine/db/openDatabase';
import { listBackups, backupBeside } from '../../../electron/engine/db/backups';
import { DataAdminError, deleteAllData, exportDatabase, exportDatabaseBytes, restoreDatabase } from '../../../electron/engine/store/dataAdmin';
import { invoke } from '../../../electron/engine/handlers';
import { runAudit } from '../../../electron/engine/audit/runAudit';

const NAME = 'Zyxwabrecht Quorblattinger';
let ws: TempWorkspace;

beforeEach(() => {
  ws = tempWorkspace();
});
afterEach(() => ws.close());

function counts(db: Database.Database): Record<string, number> {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

async function importDistinctive(): Promise<void> {
  const [first, last] = NAME.split(' ');
  const csv = ws.write(
    'Connections.csv',
    linkedInConnections([
      `${first},${last},https://www.linkedin.com/in/zyxwabrecht-q,zyxwabrecht@quorblatt.example,Quorblatt Widgets,Chief Zyxwabrecht,12 Jan 2019`,
      'Ann,Bee,https://www.linkedin.com/in/ann-bee,,Beehive,Keeper,02 Feb 2020',
    ]),
  );
  await importFile(ws.ctx.db, csv, { kind: 'connections' });
  const mbox = ws.write(
    'mail.mbox',
    [
      'From me@example.com Mon Jan  1 00:00:00 2024',
      'From: Me <me@example.com>',
      `To: ${NAME} <zyxwabrecht@quorblatt.example>`,
      'Subject: Zyxwabrecht lunch',
      'Date: Mon, 1 Jan 2024 10:00:00 +0000',
      'Message-ID: <a1@example.com>',
      '',
      'See you.',
      '',
    ].join('\n'),
  );
  await importFile(ws.ctx.db, mbox, { kind: 'interactions', me: [{ kind: 'email', value: 'me@example.com' }] });
}

function personNames(db: Database.Database): string[] {
  return (db.prepare(`SELECT display_name AS n FROM persons ORDER BY n`).all() as { n: string }[]).map((r) => r.n);
}

describe('export', () => {
  it('writes a consistent copy that opens as a Tiecheck database, and never over the database itself', async () => {
    await importDistinctive();
    const out = join(ws.dir, 'copy.db');
    const { bytes } = exportDatabase(ws.ctx.db, ws.dbPath, out);
    expect(bytes).toBe(statSync(out).size);
    const copy = openDatabase(out);
    expect(personNames(copy)).toEqual(personNames(ws.ctx.db));
    copy.close();
    expect(() => exportDatabase(ws.ctx.db, ws.dbPath, ws.dbPath)).toThrow(DataAdminError);
    expect(() => exportDatabase(ws.ctx.db, ws.dbPath, `${ws.dbPath}-wal`)).toThrow(/the database itself/);
    expect(() => exportDatabase(ws.ctx.db, ws.dbPath, join(ws.dir, 'no', 'such', 'dir', 'x.db'))).toThrow(/does not exist/);
  });

  it('hands the browser the bytes of a copy, leaving no temporary file behind', async () => {
    await importDistinctive();
    const bytes = exportDatabaseBytes(ws.ctx.db);
    expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(() => exportDatabaseBytes(ws.ctx.db, 1024)).toThrow(/too large to download here/);
  });
});

describe('restore', () => {
  it('replaces the contents atomically, keeps the engine usable, and keeps the replaced contents beside it', async () => {
    await importDistinctive();
    const backup = join(ws.dir, 'before.db');
    exportDatabase(ws.ctx.db, ws.dbPath, backup);
    const before = counts(ws.ctx.db);
    const other = ws.write('Other.csv', linkedInConnections(['Carl,Dee,https://www.linkedin.com/in/carl-dee,,Co,Role,03 Mar 2021']));
    await importFile(ws.ctx.db, other, { kind: 'connections', format: 'csv', network: 'friendster' });
    // A second connection (an import worker's, say) open across the restore sees the new contents.
    const reader = new Database(ws.dbPath, { readonly: true });
    expect(personNames(reader)).toContain('Carl Dee');
    const result = restoreDatabase(ws.ctx.db, ws.dbPath, backup);
    expect(counts(ws.ctx.db)).toEqual(before);
    expect(personNames(reader)).not.toContain('Carl Dee');
    reader.close();
    expect(result.persons).toBe(before.persons);
    expect(result.previousBackup).not.toBeNull();
    const replaced = new Database(result.previousBackup!, { readonly: true });
    expect(personNames(replaced)).toContain('Carl Dee');
    replaced.close();
    expect(runAudit(ws.ctx.db, {}).summary.persons).toBeGreaterThan(0);
    expect(ws.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('brings a backup of an older schema up to date', async () => {
    const old = join(ws.dir, 'old.db');
    const db = openDatabase(old, { migrations: loadMigrations().slice(0, 1) });
    db.prepare(`INSERT INTO persons (id, display_name, created_at) VALUES ('p1', ?, '2024-01-01')`).run(NAME);
    db.close();
    const result = restoreDatabase(ws.ctx.db, ws.dbPath, old);
    expect(result.schemaVersion).toBe(1);
    expect(personNames(ws.ctx.db)).toEqual([NAME]);
    // The user's own file is never changed by the restore.
    const untouched = new Database(old, { readonly: true });
    expect(untouched.pragma('user_version', { simple: true })).toBe(1);
    untouched.close();
  });

  it('refuses anything that is not a sound Tiecheck database of a known schema, changing nothing', async () => {
    await importDistinctive();
    const before = counts(ws.ctx.db);
    const backupsBefore = listBackups(ws.dbPath).length;
    const cases: [string, () => string, RegExp][] = [
      ['a CSV', () => ws.write('c.csv', 'a,b\n1,2\n'), /not a Tiecheck database \(not an SQLite file\)/],
      ['an empty file', () => ws.write('e.db', ''), /empty/],
      ['SQLite magic then junk', () => ws.write('j.db', Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(8192, 0xa5)])), /cannot be restored|damaged|not a Tiecheck/],
      [
        'another program’s database',
        () => {
          const p = join(ws.dir, 'other.db');
          const d = new Database(p);
          d.exec('CREATE TABLE notes (a)');
          d.close();
          return p;
        },
        /not a Tiecheck database/,
      ],
      [
        'a Tiecheck database with a trigger added',
        () => {
          const p = join(ws.dir, 'trigger.db');
          exportDatabase(ws.ctx.db, ws.dbPath, p);
          const d = new Database(p);
          d.exec(`CREATE TRIGGER sneaky AFTER INSERT ON persons BEGIN DELETE FROM tags; END`);
          d.close();
          return p;
        },
        /trigger sneaky is not part of Tiecheck's schema/,
      ],
      [
        'a newer schema',
        () => {
          const p = join(ws.dir, 'newer.db');
          exportDatabase(ws.ctx.db, ws.dbPath, p);
          const d = new Database(p);
          d.pragma('user_version = 999');
          d.close();
          return p;
        },
        /newer Tiecheck \(schema 999/,
      ],
      [
        'rows pointing at missing rows',
        () => {
          const p = join(ws.dir, 'orphans.db');
          exportDatabase(ws.ctx.db, ws.dbPath, p);
          const d = new Database(p);
          d.pragma('foreign_keys = OFF');
          d.exec(`INSERT INTO tags (person_id, tag, added_at) VALUES ('nobody', 'prune', '2024-01-01')`);
          d.close();
          return p;
        },
        /point at missing rows/,
      ],
    ];
    for (const [label, make, message] of cases) {
      const file = make();
      expect(() => restoreDatabase(ws.ctx.db, ws.dbPath, file), label).toThrow(DataAdminError);
      expect(() => restoreDatabase(ws.ctx.db, ws.dbPath, file), label).toThrow(message);
      expect(counts(ws.ctx.db), label).toEqual(before);
    }
    // Only the orphan case got past validation; its backup of the current contents is harmless.
    expect(listBackups(ws.dbPath).length).toBeLessThanOrEqual(backupsBefore + 3);
    expect(ws.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('delete all my data', () => {
  it('empties every table and leaves the name nowhere in the database, its -wal and -shm, or a backup', async () => {
    await importDistinctive();
    backupBeside(ws.ctx.db, ws.dbPath, 2);
    const needle = Buffer.from('zyxwabrecht', 'utf8');
    const filesWithName = () =>
      readdirSync(ws.dir)
        .filter((n) => n.startsWith('test.db'))
        .filter((n) => Buffer.from(readFileSync(join(ws.dir, n)).toString('latin1').toLowerCase(), 'latin1').includes(needle));
    expect(filesWithName().length).toBeGreaterThan(0);
    const result = deleteAllData(ws.ctx.db, ws.dbPath);
    expect(result.deletedRows).toBeGreaterThan(5);
    expect(result.walCleared).toBe(true);
    expect(result.backupsRemoved).toBe(1);
    expect(Object.values(counts(ws.ctx.db)).every((n) => n === 0)).toBe(true);
    expect(filesWithName()).toEqual([]);
    expect(existsSync(`${ws.dbPath}-wal`) ? statSync(`${ws.dbPath}-wal`).size : 0).toBe(0);
    // The engine carries on: the schema is intact and a new import works.
    expect(ws.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    await importDistinctive();
    expect(personNames(ws.ctx.db)).toContain(NAME);
  });
});

describe('the data:* calls', () => {
  it('export as base64, restore from a staged file, delete all only with confirm DELETE', async () => {
    await importDistinctive();
    const exported = await invoke(ws.ctx, 'data:export', {});
    expect(exported.ok).toBe(true);
    const value = (exported as { ok: true; value: { base64: string; bytes: number; fileName: string } }).value;
    expect(value.fileName).toMatch(/^tiecheck-backup-\d{4}-\d{2}-\d{2}\.db$/);
    const saved = ws.write('download.db', Buffer.from(value.base64, 'base64'));
    expect(statSync(saved).size).toBe(value.bytes);

    expect(await invoke(ws.ctx, 'data:deleteAll', {})).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await invoke(ws.ctx, 'data:deleteAll', { confirm: 'delete' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(personNames(ws.ctx.db)).toContain(NAME);
    ws.ctx.jobs.set('running', new AbortController());
    expect(await invoke(ws.ctx, 'data:deleteAll', { confirm: 'DELETE' })).toMatchObject({ ok: false, error: { code: 'invalid_request', message: /import is running/ } });
    ws.ctx.jobs.delete('running');
    expect(await invoke(ws.ctx, 'data:deleteAll', { confirm: 'DELETE' })).toMatchObject({ ok: true });
    expect(personNames(ws.ctx.db)).toEqual([]);

    ws.ctx.staged.set('ref-1', { path: saved, name: 'download.db', temporary: false });
    const restored = await invoke(ws.ctx, 'data:restore', { fileRef: 'ref-1' });
    expect(restored).toMatchObject({ ok: true, value: { persons: 2 } });
    expect(personNames(ws.ctx.db)).toContain(NAME);
    expect(ws.ctx.staged.has('ref-1')).toBe(false);

    writeFileSync(join(ws.dir, 'bad.db'), 'not a database');
    ws.ctx.staged.set('ref-2', { path: join(ws.dir, 'bad.db'), name: 'bad.db', temporary: false });
    expect(await invoke(ws.ctx, 'data:restore', { fileRef: 'ref-2' })).toMatchObject({ ok: false, error: { code: 'import_failed', message: /bad\.db is not a Tiecheck database/ } });
    expect(await invoke(ws.ctx, 'data:restore', { fileRef: 'gone' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
