// The end-to-end harness: a `tiecheck serve` child on a temp database, headless Chromium on its URL, and a guard that fails on any non-loopback request.
// It builds nothing: run `npm run build:renderer` first (the server serves out/renderer).
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, onTestFailed } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOTS = join(ROOT, 'tests', 'e2e', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const run = promisify(execFile);

export interface Session {
  /** The URL `serve` printed, token included. */
  url: string;
  dbPath: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Requests that tried to leave the machine (each was aborted); must stay empty. */
  foreignRequests: string[];
  /** Uncaught errors in the page. */
  pageErrors: string[];
  /** Saves tests/e2e/screenshots/<name>.png (the full page, or the window only) and returns its path. */
  screenshot(name: string, fullPage?: boolean): Promise<string>;
  /** What the server printed so far (and its exit code if it ended): for failure messages. */
  serverLog(): string;
  /** Opens a hash route, e.g. `#/import`, keeping the session token. */
  open(route: string): Promise<void>;
  close(): Promise<void>;
}

export function uiIsBuilt(): boolean {
  return existsSync(join(ROOT, 'out', 'renderer', 'index.html'));
}

function isLoopback(url: string): boolean {
  if (/^(data|blob|about|chrome-error):/.test(url)) return true;
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '::1';
  } catch {
    return false;
  }
}

/** Starts `npx tsx electron/cli/index.ts serve --port 0 --db <db>` and resolves with the printed URL. */
function startServer(dbPath: string): Promise<{ child: ChildProcess; url: string; log: () => string }> {
  const child = spawn('npx', ['tsx', 'electron/cli/index.ts', 'serve', '--port', '0', '--db', dbPath], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  let err = '';
  return new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => fail(new Error(`serve printed no URL within 60 s.\nstdout: ${out}\nstderr: ${err}`)), 60_000);
    const fail = (e: Error) => {
      clearTimeout(timer);
      stopServer(child);
      reject(e);
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveUrl({ child, url: m[1], log: () => `stdout: ${out}\nstderr: ${err}${child.exitCode !== null ? `\nexited with ${child.exitCode}` : ''}` });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('exit', (code) => {
      if (!/token=/.test(out)) fail(new Error(`serve exited with ${code} before printing a URL.\nstdout: ${out}\nstderr: ${err}`));
    });
  });
}

/** Ends the server's process group (npx → tsx → node), by its own id only. */
function stopServer(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
}

export async function startSession(opts: { dbPath?: string } = {}): Promise<Session> {
  const dir = mkdtempSync(join(tmpdir(), 'tiecheck-e2e-'));
  const dbPath = opts.dbPath ?? join(dir, 'tiecheck.db');
  const { child, url, log } = await startServer(dbPath);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  await context.route('**/*', (route) => {
    const target = route.request().url();
    if (isLoopback(target)) return route.continue();
    foreignRequests.push(target);
    return route.abort('blockedbyclient');
  });
  context.on('request', (req) => {
    if (!isLoopback(req.url()) && !foreignRequests.includes(req.url())) foreignRequests.push(req.url());
  });
  const page = await context.newPage();
  // Generous: other suites may share the machine; a real hang still fails well inside the test timeout.
  page.setDefaultTimeout(45_000);
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(url);
  const origin = new URL(url).origin;
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    url,
    dbPath,
    browser,
    context,
    page,
    foreignRequests,
    pageErrors,
    serverLog: log,
    async screenshot(name, fullPage = true) {
      const path = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path, fullPage });
      return path;
    },
    async open(route) {
      // The token was moved to sessionStorage on the first load; the hash route alone is enough now.
      // A reload, so each step starts from a fresh page as a user coming back would.
      await page.goto(`${origin}/${route}`);
      // Others may be rebuilding out/renderer on a shared machine (vite empties it first): retry a page that came up bare.
      for (let attempt = 1; ; attempt++) {
        await page.reload();
        try {
          await page.locator('.shell').waitFor({ timeout: 10_000 });
          return;
        } catch (err) {
          if (attempt >= 4) throw err;
          await page.waitForTimeout(2_000);
        }
      }
    },
    async close() {
      await browser.close().catch(() => undefined);
      stopServer(child);
      rmSync(dir, { recursive: true, force: true });
      if (foreignRequests.length) throw new Error(`requests left the machine: ${foreignRequests.join(', ')}`);
    },
  };
}

/** `npm run -s tiecheck -- <args>` on the same database, returning stdout (the server keeps running: WAL allows concurrent reads). */
export async function tiecheckCli(args: string[]): Promise<string> {
  const { stdout } = await run('npm', ['run', '-s', 'tiecheck', '--', ...args], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  return stdout;
}

export interface CliAudit {
  asOf: string;
  rules: Record<string, number>;
  summary: { persons: number; real: number; fading: number; acquaintance: number; dilution: number; realShare: number };
  persons: { name: string; tier: string }[];
}

export async function auditFromCli(dbPath: string): Promise<CliAudit> {
  return JSON.parse(await tiecheckCli(['audit', '--json', '--db', dbPath])) as CliAudit;
}

/** The share as the UI words it (the same rule as shared/report/verdict's formatPercent). */
export { formatPercent } from '../../shared/report/verdict';

/** Calls the contract from inside the page, with the session token the UI keeps (as the UI itself does). */
export async function callApi<T>(page: Page, channel: string, body: unknown = {}): Promise<T> {
  // The page moves the token from its URL into sessionStorage once its script has run.
  await page.waitForFunction(() => Boolean(sessionStorage.getItem('tiecheck-token')));
  const envelope = await page.evaluate(
    async ([ch, b]) => {
      const res = await fetch(`/api/${ch}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionStorage.getItem('tiecheck-token') ?? ''}` },
        body: JSON.stringify(b),
      });
      return res.json();
    },
    [channel, body] as const,
  );
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value as T;
}

/**
 * One Chromium session for a whole describe block, with a screenshot and the server's log on every
 * failure: call inside `describe`; `assign` receives the session once it has started.
 */
export function useSession(assign: (session: Session) => void, opts: { dbPath?: string } = {}): void {
  let session: Session | undefined;
  beforeAll(async () => {
    session = await startSession(opts);
    assign(session);
  });
  afterAll(async () => {
    await session?.close();
  });
  beforeEach((ctx) => {
    onTestFailed(async () => {
      await session?.screenshot(`failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
      console.error(`server log for "${ctx.task.name}":\n${session?.serverLog().slice(-4000)}`);
    });
  });
}
