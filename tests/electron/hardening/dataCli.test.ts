// `tiecheck backup`, `restore` and `wipe` as a user runs them, and a damaged database refused with one line naming it and its latest backup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { linkedInConnections } from '../../fixtures/tempDb';

const ROOT = resolve(import.meta.dirname, '../../..');
let dir: string;

function tiecheck(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/tiecheck.mjs'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    // HOME points into the temp folder: a mistake must never reach the real default database.
    env: { ...process.env, NO_COLOR: '1', HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), TIECHECK_DB: join(dir, 'default.db') },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function persons(db: string): number {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare('SELECT count(*) AS n FROM persons').get() as { n: number }).n;
  } finally {
    d.close();
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tiecheck-datacli-'));
  writeFileSync(join(dir, 'Connections.csv'), linkedInConnections(['Ann,Bee,https://www.linkedin.com/in/ann-bee,,Beehive,Keeper,12 Jan 2019']));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tiecheck backup, restore, wipe', () => {
  it('backs up, wipes only with --yes, and restores', () => {
    const db = join(dir, 'main.db');
    expect(tiecheck(['import', '--db', db, 'Connections.csv']).code).toBe(0);
    const backup = tiecheck(['backup', '--db', db, '--out', 'saved.db']);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stderr).toMatch(/Wrote a backup of .*main\.db to .*saved\.db/);

    const refused = tiecheck(['wipe', '--db', db]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/add --yes/);
    // `--yes` is a switch: the option after it is still read, so the named database is the one wiped.
    const wiped = tiecheck(['wipe', '--yes', '--db', db]);
    expect(wiped.code, wiped.stderr).toBe(0);
    expect(persons(db)).toBe(0);

    const restored = tiecheck(['restore', '--db', db, 'saved.db']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stderr).toMatch(/Restored saved\.db .*1 person/);
    expect(persons(db)).toBe(1);

    const notADb = tiecheck(['restore', '--db', db, 'Connections.csv']);
    expect(notADb.code).toBe(1);
    expect(notADb.stderr.trim()).toBe('tiecheck: Connections.csv is not a Tiecheck database (not an SQLite file)');
  }, 120_000);

  it('refuses a damaged database with one line naming it and the latest backup', () => {
    const db = join(dir, 'damaged.db');
    expect(tiecheck(['import', '--db', db, 'Connections.csv']).code).toBe(0);
    const raw = new Database(db);
    const insert = raw.prepare(`INSERT INTO persons (id, display_name, created_at) VALUES (?, ?, '2024-01-01')`);
    raw.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`p${i}`, `Person number ${i}`);
    })();
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.prepare('VACUUM INTO ?').run(`${db}.backup-2-20250101T000000000Z.db`);
    raw.close();
    const size = statSync(db).size;
    const fd = openSync(db, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 3, 0x5a), 0, 4096 * 3, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const r = tiecheck(['audit', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${db} is damaged`);
    expect(r.stderr).toContain(`${db}.backup-2-20250101T000000000Z.db`);
    expect(r.stderr).not.toMatch(/unexpected error|\n\s+at /);
  }, 60_000);
});
