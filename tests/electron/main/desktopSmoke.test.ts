// The desktop door where Electron can run (hosted CI: .github/workflows/desktop.yml): the built app's window
// opens, the preload bridge answers app:info, the demo loads through it, and the dashboard draws. Without an
// Electron binary it skips with one line saying why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { buildSqliteForElectron, electronMissingReason } from '../../../scripts/electronRuntime.mjs';

const ROOT = resolve(import.meta.dirname, '../../..');
const missing = electronMissingReason(ROOT);
/** Set by the hosted workflow, where a missing binary is a failure, not a reason to skip. */
const required = Boolean(process.env.TIECHECK_REQUIRE_ELECTRON);
if (missing && !required) console.log(`Electron smoke test skipped: ${missing}.`);

describe.runIf(missing && required)('the Electron binary (TIECHECK_REQUIRE_ELECTRON)', () => {
  it('is there', () => expect.fail(missing!));
});

interface Envelope<T> {
  ok: boolean;
  value: T;
  error?: { message: string };
}

describe.skipIf(missing)('the desktop app in Electron', () => {
  let app: ElectronApplication;
  let page: Page;
  let userData: string;
  const pageErrors: string[] = [];

  /** Calls the contract through the preload bridge, as the UI does. */
  const invoke = <T>(channel: string, request: unknown = {}) =>
    page.evaluate(([ch, req]) => (window as unknown as { tiecheck: { invoke(c: string, r: unknown): Promise<unknown> } }).tiecheck.invoke(ch, req), [channel, request] as const) as Promise<Envelope<T>>;

  beforeAll(async () => {
    // The workflow builds once before the tests (TIECHECK_ELECTRON_BUILT=1); elsewhere the test builds what it runs.
    if (!process.env.TIECHECK_ELECTRON_BUILT) {
      const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
      expect(build.status, 'electron-vite build').toBe(0);
    }
    const binding = buildSqliteForElectron(ROOT);
    expect(binding, 'better-sqlite3 built for Electron (prebuild-install --runtime electron into .electron-abi/)').toBeTruthy();
    userData = realpathSync.native(mkdtempSync(join(tmpdir(), 'tiecheck-electron-')));
    // No executablePath: Playwright then finds node_modules/electron itself and preloads its loader, which
    // holds the app's ready event until it is attached (with an explicit path it would not).
    app = await _electron.launch({
      // Chromium's --user-data-dir is Electron's userData: the database goes to the temp folder, never the user's own.
      args: [ROOT, `--user-data-dir=${userData}`],
      cwd: ROOT,
      env: { ...(process.env as Record<string, string>), TIECHECK_SQLITE_BINDING: binding!, ELECTRON_ENABLE_LOGGING: '1' },
      timeout: 60_000,
    });
    page = await app.firstWindow({ timeout: 60_000 });
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.waitForLoadState('domcontentloaded');
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  it('opens one window on the app:// origin', async () => {
    expect(app.windows()).toHaveLength(1);
    expect(page.url()).toMatch(/^app:\/\/tiecheck\//);
    expect(await page.title()).toBe('Tiecheck');
  });

  it('answers app:info through the preload bridge, with the database in its own userData', async () => {
    const info = await invoke<{ version: string; dbPath: string; door: string; persons: number }>('app:info');
    expect(info.ok, info.error?.message).toBe(true);
    expect(info.value.door).toBe('electron');
    expect(info.value.version).toMatch(/^\d+\.\d+\.\d+/);
    // Checked before anything is written: a demo must never land in a real user's database.
    expect(realpathSync.native(info.value.dbPath).startsWith(userData + sep)).toBe(true);
    expect(info.value.persons).toBe(0);
    // The bridge is all the page gets: no Node, no Electron.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  });

  it('loads the demo and draws the dashboard', async () => {
    const demo = await invoke<{ connections: number; interactions: number }>('demo:load');
    expect(demo.ok, demo.error?.message).toBe(true);
    expect(demo.value.connections).toBeGreaterThan(1000);
    await page.reload();
    await page.evaluate(() => (location.hash = '#/dashboard'));
    const share = page.getByTestId('real-share');
    await share.waitFor({ timeout: 120_000 });
    await page.locator('.tc-tier-donut svg path.recharts-sector').first().waitFor({ timeout: 30_000 });
    const info = await invoke<{ persons: number }>('app:info');
    expect(info.value.persons).toBeGreaterThan(1000);
    expect(Number(await share.getAttribute('data-share'))).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  }, 300_000);
});
