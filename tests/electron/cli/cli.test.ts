// The `tiecheck` command line as a user runs it: real processes, a real database file, SPEC §9's
// exit codes, JSON alone on stdout, one-line errors without stack traces.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { linkedInConnections } from '../../fixtures/tempDb';

const ROOT = resolve(import.meta.dirname, '../../..');
let dir: string;
let db: string;

function tiecheck(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/tiecheck.mjs'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectCleanError(r: ReturnType<typeof tiecheck>, pattern: RegExp) {
  expect(r.code).not.toBe(0);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tiecheck-cli-'));
  db = join(dir, 'cli.db');
  writeFileSync(
    join(dir, 'Connections.csv'),
    linkedInConnections([
      'Renée,"Dubois, MBA 🚀",https://www.linkedin.com/in/renee-dubois-77,,Northwind,=HYPERLINK("http://x"),12 Jan 2019',
      'Bill,Turner,https://www.linkedin.com/in/bill-turner-9f8e7d,bill@fabrikam.com,Fabrikam Inc,CFO,12 Jan 2013',
    ]),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tiecheck', () => {
  it('prints its version and help', () => {
    expect(tiecheck(['--version']).stdout).toMatch(/^tiecheck \d+\.\d+\.\d+/);
    const help = tiecheck(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['import', 'log', 'meet', 'audit', 'tag', 'export', 'report', 'serve']) expect(help.stdout).toContain(command);
  });

  it('imports with --json printing the JSON alone, and takes the database from TIECHECK_DB', () => {
    const r = tiecheck(['import', '--json', 'Connections.csv'], { TIECHECK_DB: db });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: 'Connections.csv', format: 'linkedin', added: 2, updated: 0, missing: 0, removed: 0, skipped: 0, warnings: [] });
    expect(existsSync(db)).toBe(true);
  });

  it('refuses unknown commands, options and bad values with one line', () => {
    expectCleanError(tiecheck(['frobnicate', '--db', db]), /unknown command "frobnicate"/);
    expectCleanError(tiecheck(['audit', '--db', db, '--colour']), /unknown option --colour/);
    expectCleanError(tiecheck(['audit', '--db', db, '--as-of', '2026-13-45']), /--as-of takes a date/);
    expectCleanError(tiecheck(['meet', '--db', db, '--with', 'Nobody Here', '--kind', 'call', '--date', '2026-01-01']), /no connection matches/);
    expectCleanError(tiecheck(['import', '--db', db, 'missing.csv']), /missing\.csv: cannot read the file/);
  });

  it('points at the offending word of a bad filter', () => {
    expectCleanError(tiecheck(['tag', '--db', db, '--add', 'prune', '--where', 'teir=dilution']), /bad filter: .*teir.*position 0/);
  });

  it('tags by filter, exports a formula-safe prune list, and writes the report', () => {
    expect(tiecheck(['meet', '--db', db, '--with', 'bill@fabrikam.com', '--kind', 'in_person', '--date', '2026-05-01']).code).toBe(0);
    const tag = tiecheck(['tag', '--db', db, '--add', 'prune', '--where', 'tier=dilution and connectedOn<2020-01-01', '--as-of', '2026-06-01']);
    expect(tag.code).toBe(0);
    expect(tag.stderr).toMatch(/Tagged 1 of 1/);
    const out = join(dir, 'prune.csv');
    expect(tiecheck(['export', '--db', db, '--tag', 'prune', '--out', out]).code).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Name,Profile URL,Company,Position,Connected On,Tier,Last Contact,Tags');
    expect(csv).toContain('Renée Dubois, MBA 🚀');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    const audit = JSON.parse(tiecheck(['audit', '--db', db, '--json', '--as-of', '2026-06-01']).stdout);
    expect(audit.summary).toMatchObject({ persons: 2, real: 1, dilution: 1, realShare: 0.5 });
    const report = join(dir, 'report.html');
    expect(tiecheck(['report', '--db', db, '--as-of', '2026-06-01', '--out', report]).code).toBe(0);
    const html = readFileSync(report, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/i);
  });
});
