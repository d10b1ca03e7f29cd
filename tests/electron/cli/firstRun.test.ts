// The first run as a new user meets it: in a checkout with no out/ at all (as after `npm install` with the
// build skipped), `tiecheck serve` builds the command line and the UI, says so in one line, and serves the UI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { uiBuildReason } from '../../../scripts/uiBundle.mjs';

const ROOT = resolve(import.meta.dirname, '../../..');
let copy: string;

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'tiecheck-first-run-'));
  for (const item of ['electron', 'shared', 'renderer', 'scripts', 'package.json', 'vite.renderer.config.ts', 'tsconfig.json', 'tsconfig.base.json', 'tsconfig.web.json', 'tsconfig.node.json']) {
    cpSync(join(ROOT, item), join(copy, item), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** Runs `node scripts/tiecheck.mjs serve` in the copy until it prints its URL; returns what it said. */
function serveOnce(): Promise<{ url: string; stderr: string; stop: () => void }> {
  const child = spawn(process.execPath, [join(copy, 'scripts', 'tiecheck.mjs'), '--db', join(copy, 'first.db'), 'serve', '--port', '0'], {
    cwd: copy,
    env: { ...process.env, NO_COLOR: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`no URL within 170 s: ${out} ${err}`)), 170_000);
    child.on('exit', (code) => fail(new Error(`serve exited ${code}: ${out} ${err}`)));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok({ url: m[1], stderr: err, stop: () => child.kill('SIGTERM') });
      }
    });
  });
}

describe('the first run of serve', () => {
  it('builds the missing command line and UI, says so in one line, and serves the UI', async () => {
    expect(existsSync(join(copy, 'out'))).toBe(false);
    expect(uiBuildReason(copy)).toBe('missing');
    const first = await serveOnce();
    try {
      expect(first.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^note: building the UI first \(out\/renderer is missing\)/)]);
      const page = await fetch(first.url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Tiecheck</title>');
    } finally {
      first.stop();
    }
    expect(existsSync(join(copy, 'out', 'cli', 'index.js'))).toBe(true);
    expect(uiBuildReason(copy)).toBeNull();

    // The next run finds both up to date and says nothing; an edited renderer source makes the UI stale.
    const second = await serveOnce();
    second.stop();
    expect(second.stderr).toBe('');
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(copy, 'renderer', 'main.tsx'), later, later);
    expect(uiBuildReason(copy)).toBe('stale');
  }, 200_000);
});
