// `tiecheck import ARCHIVE|DIR` and `log ARCHIVE` as a user runs them: real processes, real zips and tgz, a real database.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facebookExport, linkedinExport, takeoutExport, writeTgz, writeZip } from '../../fixtures/archives/archiveFixtures';

const ROOT = resolve(import.meta.dirname, '../../..');
let dir: string;

function tiecheck(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'electron/cli/index.ts'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function count(db: string, table: string): number {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    conn.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tiecheck-archive-cli-'));
  await writeZip(join(dir, 'Basic_LinkedInDataExport_12-04-2026.zip'), linkedinExport());
  await writeTgz(join(dir, 'takeout-20261204T101010Z-001.tgz'), takeoutExport());
  await writeZip(join(dir, 'facebook-owner-2026-12-04-abc.zip'), facebookExport());
  for (const f of linkedinExport()) {
    const path = join(dir, 'unzipped', f.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.content);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tiecheck import ARCHIVE', () => {
  it('lists what the archive holds, then imports each recognised file with its own line', () => {
    const db = join(dir, 'a.db');
    const r = tiecheck(['import', '--db', db, 'Basic_LinkedInDataExport_12-04-2026.zip']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Basic_LinkedInDataExport_12-04-2026.zip: 5 file(s), 3 to read');
    expect(r.stderr).toMatch(/read {6}Connections\.csv — LinkedIn connections, 4 rows/);
    expect(r.stderr).toMatch(/not used {2}Profile\.csv — LinkedIn profile/);
    const lines = r.stdout.trim().split('\n').filter((l) => !l.startsWith('  '));
    expect(lines).toEqual([
      'Basic_LinkedInDataExport_12-04-2026.zip › Connections.csv (linkedin, linkedin): 4 added, 0 updated, 0 skipped',
      expect.stringMatching(/^Basic_LinkedInDataExport_12-04-2026\.zip › Invitations\.csv \(linkedin-invitations\)/),
      expect.stringMatching(/^Basic_LinkedInDataExport_12-04-2026\.zip › messages\.csv \(linkedin-messages\): 3 added/),
    ]);
    expect(count(db, 'import_batches')).toBe(3);
  });

  it('prints one JSON summary per file and the files not used, JSON alone on stdout; --me is taken', () => {
    const db = join(dir, 'b.db');
    const r = tiecheck(['import', '--db', db, '--json', '--me', 'owner@example.com', 'takeout-20261204T101010Z-001.tgz', 'facebook-owner-2026-12-04-abc.zip']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.files.map((f: { file: string }) => f.file)).toEqual([
      'takeout-20261204T101010Z-001.tgz › Takeout/Contacts/My Contacts/My Contacts.csv',
      'facebook-owner-2026-12-04-abc.zip › connections/friends/your_friends.json',
      'takeout-20261204T101010Z-001.tgz › Takeout/Calendar/owner@example.com.ics',
      'takeout-20261204T101010Z-001.tgz › Takeout/Mail/All mail Including Spam and Trash.mbox',
      'facebook-owner-2026-12-04-abc.zip › connections/friends/received_friend_requests.json',
      'facebook-owner-2026-12-04-abc.zip › your_facebook_activity/messages/inbox/dinhngoc_abc123/message_1.json',
    ]);
    expect(out.files[4]).toMatchObject({ format: 'facebook-requests', added: 1 });
    expect(out.files[3]).toMatchObject({ format: 'mbox', found: { records: expect.any(Number) } });
    expect(out.notUsed).toContainEqual({ file: 'takeout-20261204T101010Z-001.tgz › Takeout/archive_browser.html', what: 'Takeout index page' });
    const mine = new Database(db, { readonly: true });
    expect(mine.prepare(`SELECT value FROM my_identities`).pluck().all()).toContain('owner@example.com');
    mine.close();
  });

  it('imports a folder the user already unzipped', () => {
    const db = join(dir, 'c.db');
    const r = tiecheck(['import', '--db', db, '--json', 'unzipped']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files.map((f: { file: string }) => f.file)).toEqual(['unzipped › Connections.csv', 'unzipped › Invitations.csv', 'unzipped › messages.csv']);
  });

  it('log ARCHIVE reads the records only', () => {
    const db = join(dir, 'd.db');
    const r = tiecheck(['log', '--db', db, '--json', 'Basic_LinkedInDataExport_12-04-2026.zip']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files.map((f: { file: string }) => f.file.split(' › ')[1])).toEqual(['Invitations.csv', 'messages.csv']);
    expect(count(db, 'connections')).toBe(0);
  });

  it('refuses a bad archive in one line, and single-file options with an archive', () => {
    const db = join(dir, 'e.db');
    writeFileSync(join(dir, 'broken.zip'), 'PK\u0003\u0004 not really a zip');
    const r = tiecheck(['import', '--db', db, 'broken.zip']);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/broken\.zip: not a readable zip archive/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const mixed = tiecheck(['import', '--db', db, '--format', 'linkedin', 'Basic_LinkedInDataExport_12-04-2026.zip']);
    expect(mixed.code).not.toBe(0);
    expect(mixed.stderr).toMatch(/--format applies to a single file/);
  });
});
