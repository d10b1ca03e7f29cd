// `tiecheck invites` as a user runs it (SPEC §9): a real process over a real database built from
// generated mail, calendar and invitation files; the JSON's exact shape, the table, exit codes, errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AS_OF, ME, writeScenario, type ScenarioFiles } from '../../fixtures/invitationScenario';

const ROOT = resolve(import.meta.dirname, '../../..');
let dir: string;
let db: string;
let files: ScenarioFiles;

function tiecheck(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'electron/cli/index.ts'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', TIECHECK_DB: '' },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectCleanError(r: ReturnType<typeof tiecheck>, code: number, pattern: RegExp) {
  expect(r.code).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tiecheck-invites-'));
  db = join(dir, 'invites.db');
  files = writeScenario((name, text) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
  for (const args of [
    ['import', '--db', db, files.connections],
    ['log', '--db', db, '--me', ME.email, '--me', ME.profileUrl, files.mbox, files.ics],
  ]) expect(tiecheck(args).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tiecheck invites', () => {
  it('says plainly when no invitation is waiting', () => {
    const r = tiecheck(['invites', '--db', db, '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No invitations waiting as of 2026-06-30/);
    expect(JSON.parse(tiecheck(['invites', '--db', db, '--json']).stdout)).toEqual({ invitations: [] });
  });

  it('prints exactly the SPEC §9 shape with --json, and leaves the audit unchanged', () => {
    const before = tiecheck(['audit', '--db', db, '--as-of', AS_OF, '--json']);
    expect(tiecheck(['log', '--db', db, files.invitations, files.facebookRequests]).code).toBe(0);
    const r = tiecheck(['invites', '--db', db, '--as-of', AS_OF, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { invitations: Record<string, unknown>[] };
    expect(Object.keys(out)).toEqual(['invitations']);
    for (const row of out.invitations) expect(Object.keys(row)).toEqual(['from', 'profileUrl', 'sentAt', 'verdict', 'inPerson', 'conversations', 'oneWay', 'lastContact']);
    const byName = Object.fromEntries(out.invitations.map((i) => [i.from, i]));
    expect(Object.keys(byName).sort()).toEqual(['Dana Wu', 'Greta Lind', 'Ivan Petrov', 'Philippa Strand', 'Sam Rivera', 'Tom Okafor', 'Zoë Hart']);
    expect(byName['Philippa Strand']).toEqual({
      from: 'Philippa Strand', profileUrl: 'https://www.linkedin.com/in/philippa-strand', sentAt: '2026-06-01', verdict: 'never', inPerson: 0, conversations: 0, oneWay: 0, lastContact: null,
    });
    expect(byName['Tom Okafor']).toMatchObject({ verdict: 'talked', conversations: 2, inPerson: 0 });
    expect(byName['Greta Lind']).toMatchObject({ verdict: 'met', inPerson: 1, lastContact: '2025-11-20' });
    expect(byName['Ivan Petrov']).toMatchObject({ verdict: 'contact', oneWay: 1, conversations: 0 });
    expect(byName['Zoë Hart']).toMatchObject({ verdict: 'contact', profileUrl: null, sentAt: '2026-05-30' });
    const after = tiecheck(['audit', '--db', db, '--as-of', AS_OF, '--json']);
    expect(after.stdout).toBe(before.stdout);
  });

  it('prints a readable table without --json', () => {
    const r = tiecheck(['invites', '--db', db, '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^7 invitation\(s\) waiting as of 2026-06-30: 1 met, 2 talked, 2 contact, 2 never\./);
    expect(r.stdout).toMatch(/Greta Lind\s+2026-06-03\s+met\s+1\s+1\s+0\s+2025-11-20/);
    expect(r.stdout).not.toMatch(/Kim Lee|Bill Turner|Quinn Ames/);
  });

  it('refuses bad options with one line and exit code 2', () => {
    expectCleanError(tiecheck(['invites', '--db', db, '--as-of', '30/06/2026']), 2, /--as-of takes a date YYYY-MM-DD, got "30\/06\/2026"/);
    expectCleanError(tiecheck(['invites', '--db', db, '--tag', 'x']), 2, /unknown option --tag for "invites"/);
    expectCleanError(tiecheck(['invites', '--db', db, 'Invitations.csv']), 2, /invites takes no FILE/);
    expectCleanError(tiecheck(['invites', '--db', db, '--as-of']), 2, /--as-of needs a value/);
  });

  it('names the file and entry of a broken friend-requests file and changes nothing', () => {
    writeFileSync(join(dir, 'broken.json'), '{\n  "received_requests_v2": [\n    {"name": "A", "timestamp": 1}\n');
    const before = tiecheck(['invites', '--db', db, '--as-of', AS_OF, '--json']).stdout;
    expectCleanError(tiecheck(['log', '--db', db, '--format', 'facebook-requests', 'broken.json']), 1, /broken\.json.*line \d+.*not valid JSON/);
    expect(tiecheck(['invites', '--db', db, '--as-of', AS_OF, '--json']).stdout).toBe(before);
  });
});
