// The clean-close stamp: the deep check at open is skipped only for a file exactly as Tiecheck left it at a clean
// close; a write of any kind (even in the same clock tick), a log left beside it, a copy or a day-old check brings it back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseFileError, openDatabase } from '../../../../electron/engine/db/openDatabase';
import { STAMP_MAX_AGE_MS, stampedCheck, stampPath } from '../../../../electron/engine/db/cleanCloseStamp';

const ROOT = resolve(import.meta.dirname, '../../../..');
let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tiecheck-stamp-'));
  file = join(dir, 'tiecheck.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database of a few hundred KB, closed by Tiecheck. */
function filled(path = file): void {
  const db = openDatabase(path);
  const insert = db.prepare(`INSERT INTO persons (id, display_name, created_at) VALUES (?, ?, '2024-01-01')`);
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(`p${i}`, `Person number ${i} with a longish name`);
  })();
  db.close();
}

/** Pages in the middle of the file overwritten in place: tables and indexes no longer agree. */
function scribble(path = file): void {
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  const junk = Buffer.alloc(4096 * 3, 0x5a);
  writeSync(fd, junk, 0, junk.length, Math.floor(size / 2 / 4096) * 4096);
  closeSync(fd);
}

function openError(path = file): unknown {
  try {
    openDatabase(path).close();
  } catch (err) {
    return err;
  }
  return null;
}

describe('the clean-close stamp', () => {
  it('vouches for a file as Tiecheck closed it, carrying the time of its last deep check', () => {
    const before = Date.now();
    filled();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const checkedAt = stampedCheck(file);
    expect(checkedAt).not.toBeNull();
    expect(checkedAt!).toBeGreaterThanOrEqual(before);
    // An open it spared keeps that time: the next deep check is still due a day after the first.
    openDatabase(file).close();
    expect(stampedCheck(file)).toBe(checkedAt);
    expect(stampedCheck(file, checkedAt! + STAMP_MAX_AGE_MS + 1)).toBeNull();
  });

  it('refuses a file damaged right after a clean close, even within the same clock tick, every time', () => {
    for (let i = 0; i < 8; i++) {
      const path = join(dir, `t${i}.db`);
      filled(path);
      scribble(path);
      expect(stampedCheck(path)).toBeNull();
      const err = openError(path);
      expect(err).toBeInstanceOf(DatabaseFileError);
      expect((err as Error).message).toContain(`${path} is damaged`);
      expect((err as Error).message.split('\n')).toHaveLength(1);
    }
  });

  it('vouches for nothing while a log sits beside the file (open elsewhere, or not closed cleanly)', () => {
    filled();
    const other = new Database(file);
    other.prepare(`UPDATE persons SET display_name = 'x' WHERE id = 'p1'`).run();
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(stampedCheck(file)).toBeNull();
    other.close();
  });

  it('checks again a file killed mid-session: its write-ahead log is left beside it', () => {
    filled();
    // A process that writes and dies without closing, as a kill -9 or a power cut leaves it.
    const script = `import { openDatabase } from ${JSON.stringify(join(ROOT, 'electron/engine/db/openDatabase.ts'))};
      const db = openDatabase(${JSON.stringify(file)});
      db.prepare("UPDATE persons SET display_name = 'killed' WHERE id = 'p2'").run();
      process.kill(process.pid, 'SIGKILL');`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.signal).toBe('SIGKILL');
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(stampedCheck(file)).toBeNull();
    const db = openDatabase(file);
    expect((db.prepare(`SELECT display_name AS n FROM persons WHERE id = 'p2'`).get() as { n: string }).n).toBe('killed');
    db.close();
    expect(stampedCheck(file)).not.toBeNull();
  });

  it('vouches for nothing once another program wrote the file, or another file took its place', () => {
    filled();
    const raw = new Database(file);
    raw.prepare(`UPDATE persons SET display_name = 'y' WHERE id = 'p3'`).run();
    raw.close();
    expect(stampedCheck(file)).toBeNull();

    // Opened (and checked) by Tiecheck again, and closed: stamped again.
    openDatabase(file).close();
    expect(stampedCheck(file)).not.toBeNull();
    // A copy put in its place, with the stamp's own size and times: another inode.
    const copy = join(dir, 'copy.db');
    copyFileSync(file, copy);
    renameSync(copy, file);
    expect(stampedCheck(file)).toBeNull();

    openDatabase(file).close();
    writeFileSync(stampPath(file), '{ not json');
    expect(stampedCheck(file)).toBeNull();
    openDatabase(file).close();
    expect(JSON.parse(readFileSync(stampPath(file), 'utf8'))).toMatchObject({ v: 1 });
  });

  it('is never written for a file that is refused', () => {
    const csv = join(dir, 'Connections.csv');
    writeFileSync(csv, 'First Name,Last Name\nAnn,Bee\n');
    expect(() => openDatabase(csv)).toThrow(/is not an SQLite database/);
    expect(existsSync(stampPath(csv))).toBe(false);
    filled();
    rmSync(stampPath(file));
    scribble();
    expect(openError()).toBeInstanceOf(DatabaseFileError);
    expect(existsSync(stampPath(file))).toBe(false);
  });
});
