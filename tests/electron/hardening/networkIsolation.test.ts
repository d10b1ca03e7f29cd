// No request leaves the machine: the CLI and `serve` run every command with denyNetwork.cjs preloaded
// (child processes and worker threads included), and any connection, DNS lookup or datagram to a
// non-loopback address is refused and logged; the log must stay empty.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { linkedInConnections } from '../../fixtures/tempDb';

const ROOT = resolve(import.meta.dirname, '../../..');
const PRELOAD = join(ROOT, 'tests/electron/hardening/denyNetwork.cjs');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const CLI = join(ROOT, 'electron/cli/index.ts');

let dir: string;
let log: string;

function guardedEnv(): NodeJS.ProcessEnv {
  const inherited = process.env.NODE_OPTIONS ? `${process.env.NODE_OPTIONS} ` : '';
  return { ...process.env, NO_COLOR: '1', NODE_OPTIONS: `${inherited}--require ${PRELOAD}`, TIECHECK_DENY_NETWORK_LOG: log };
}

/** The processes and threads that loaded the guard, one line each: "pid main|worker argv…". */
function armed(): string[] {
  return existsSync(`${log}.armed`) ? readFileSync(`${log}.armed`, 'utf8').split('\n').filter(Boolean) : [];
}

function refusals(): string[] {
  return existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
}

function tiecheck(args: string[]) {
  const r = spawnSync(process.execPath, [TSX, CLI, ...args, '--db', join(dir, 'net.db')], { cwd: dir, encoding: 'utf8', env: guardedEnv(), timeout: 90_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tiecheck-net-'));
  log = join(dir, 'refused.log');
  writeFileSync(
    join(dir, 'Connections.csv'),
    linkedInConnections([
      'Renée,Dubois,https://www.linkedin.com/in/renee-dubois,renee@northwind.example,Northwind,Head of Sales,12 Jan 2019',
      'Bill,Turner,https://www.linkedin.com/in/bill-turner,bill@fabrikam.example,Fabrikam,CFO,12 Jan 2013',
      'Kenji,Sato,https://www.linkedin.com/in/kenji-sato,,Litware,Researcher,12 Dec 2012',
    ]),
  );
  writeFileSync(
    join(dir, 'calendar.ics'),
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//tiecheck//test//EN',
      'BEGIN:VEVENT',
      'UID:net-1@tiecheck.test',
      'DTSTAMP:20240301T090000Z',
      'DTSTART:20240301T090000Z',
      'DTEND:20240301T100000Z',
      'SUMMARY:Coffee',
      'ORGANIZER:mailto:me@example.org',
      'ATTENDEE:mailto:me@example.org',
      'ATTENDEE:mailto:renee@northwind.example',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the network guard itself', () => {
  it('refuses and logs a request to the outside world before any packet is sent, and lets loopback through', () => {
    const script = `
      const net = require('node:net');
      const server = net.createServer((s) => s.end('hi')).listen(0, '127.0.0.1', async () => {
        const local = await new Promise((ok) => net.connect(server.address().port, '127.0.0.1').on('data', (d) => ok(String(d))));
        let outside = 'connected';
        try { await fetch('http://example.com/'); } catch (e) { outside = e.cause ? e.cause.code : e.code; }
        let dns = 'resolved';
        try { await require('node:dns').promises.lookup('example.com'); } catch (e) { dns = e.code; }
        console.log(JSON.stringify({ local, outside, dns }));
        server.close();
      });`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: guardedEnv(), timeout: 30_000 });
    expect(JSON.parse(r.stdout)).toEqual({ local: 'hi', outside: 'ERR_TIECHECK_NETWORK_DENIED', dns: 'ERR_TIECHECK_NETWORK_DENIED' });
    expect(refusals()).toEqual([expect.stringMatching(/refused a connection to example\.com:80/), expect.stringMatching(/refused a DNS lookup to example\.com/)]);
    rmSync(log);
  });

  it('is carried into worker threads', () => {
    const script = `new (require('node:worker_threads').Worker)("fetch('https://example.org/').catch((e) => console.log(e.cause.code))", { eval: true });`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: guardedEnv(), timeout: 30_000 });
    expect(r.stdout.trim()).toBe('ERR_TIECHECK_NETWORK_DENIED');
    expect(armed().some((line) => / worker /.test(line))).toBe(true);
    rmSync(log);
    rmSync(`${log}.armed`);
  });
});

describe('the CLI under the guard', () => {
  it('imports, logs, meets, audits, tags, exports and reports without reaching out', () => {
    const steps = [
      ['import', '--json', 'Connections.csv'],
      ['log', '--me', 'me@example.org', '--json', 'calendar.ics'],
      ['meet', '--with', 'Bill Turner', '--kind', 'call', '--date', '2024-05-02'],
      ['audit', '--json'],
      ['tag', '--add', 'prune', '--where', 'tier=dilution'],
      ['export', '--tag', 'prune', '--out', join(dir, 'prune.csv')],
      ['report', '--out', join(dir, 'report.html')],
    ];
    for (const args of steps) {
      const r = tiecheck(args);
      expect(r.stderr, args.join(' ')).not.toMatch(/denyNetwork/);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    const audit = JSON.parse(tiecheck(['audit', '--json']).stdout) as { summary: { persons: number } };
    expect(audit.summary.persons).toBe(3);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<svg');
    // The guard ran inside the process that executed the CLI, not only in the tsx launcher.
    expect(armed().filter((line) => / main .*electron\/cli\/index\.ts/.test(line)).length).toBeGreaterThanOrEqual(steps.length * 2);
    expect(refusals()).toEqual([]);
  });
});

describe('serve under the guard', () => {
  let child: ChildProcess;
  let base: string;
  let token: string;

  beforeAll(async () => {
    child = spawn(process.execPath, [TSX, CLI, 'serve', '--port', '0', '--db', join(dir, 'serve.db')], { cwd: ROOT, env: guardedEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    const url = await new Promise<string>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`serve printed no URL: ${out}`)), 60_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          ok(`${m[1]} ${m[2]}`);
        }
      });
      child.on('exit', (code) => fail(new Error(`serve exited with ${code}: ${out}`)));
    });
    [base, token] = url.split(' ');
  });
  afterAll(() => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  });

  async function call(channel: string, body: unknown = {}): Promise<{ ok: boolean; value: Record<string, unknown> }> {
    const res = await fetch(`${base}/api/${channel}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return (await res.json()) as { ok: boolean; value: Record<string, unknown> };
  }

  it('loads the demo, imports an upload in its worker thread, audits and renders the report without reaching out', async () => {
    expect(await call('demo:load')).toMatchObject({ ok: true });
    const upload = (await (
      await fetch(`${base}/api/upload?name=Connections.csv`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: readFileSync(join(dir, 'Connections.csv')) })
    ).json()) as { value: { fileRef: string } };
    expect(await call('import:run', { fileRef: upload.value.fileRef, kind: 'connections', network: 'Elsewhere' })).toMatchObject({ ok: true, value: { added: 3 } });
    expect(await call('audit:get', { save: true })).toMatchObject({ ok: true });
    expect(await call('export:prune', { tag: 'prune' })).toMatchObject({ ok: true });
    const report = await call('report:html');
    expect(String(report.value.html)).toContain('<svg');
    expect((await fetch(`${base}/`)).status).toBeLessThan(500);
    // The import ran in a worker thread of serve's process, and the guard was loaded there too.
    expect(armed().some((line) => / worker /.test(line))).toBe(true);
    expect(refusals()).toEqual([]);
  });
});
