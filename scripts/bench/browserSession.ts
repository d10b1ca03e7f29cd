// A browser session for the bench: `tiecheck serve` on a database in a child process and the system Chromium, headless, through playwright-core.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { progress, repoRoot } from './benchEnv';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const VIEWPORT = { width: 1360, height: 900 };

export interface BrowserSession {
  /** The link `serve` printed (with the session token). */
  url: string;
  origin: string;
  token: string;
  browser: Browser;
  /** A fresh page in a fresh context (no cache, no session storage from an earlier page). */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** `tiecheck serve` as users run it (the built CLI, through its launcher), or from the sources with BENCH_FROM_SOURCES=1. */
function serveArgv(): string[] {
  if (process.env.BENCH_FROM_SOURCES === '1') return [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, 'electron/cli/index.ts')];
  return [join(repoRoot, 'scripts', 'tiecheck.mjs')];
}

function startServe(dbPath: string): Promise<{ server: ChildProcess; url: string }> {
  const server = spawn(process.execPath, [...serveArgv(), 'serve', '--port', '0', '--db', dbPath], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`serve printed no URL within 60 s: ${err.slice(-500)}`)), 60_000);
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ server, url: m[0] });
      }
    });
    server.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited ${code}: ${err.slice(-500)}`));
    });
  });
}

/** Starts `serve` on `dbPath` and Chromium; the UI must have been built (`NODE_ENV=production npm run build:renderer`). */
export async function openBrowserSession(dbPath: string): Promise<BrowserSession> {
  if (!existsSync(join(repoRoot, 'out', 'renderer', 'index.html'))) throw new Error('the UI is not built: run `NODE_ENV=production npm run build:renderer` first');
  const executablePath = process.env.TIECHECK_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath} (set TIECHECK_CHROMIUM)`);
  const { server, url } = await startServe(dbPath);
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  } catch (err) {
    server.kill();
    throw err;
  }
  progress(`  serve at ${new URL(url).origin}, Chromium ${browser.version()}`);
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    browser,
    async newPage() {
      const context = await browser.newContext({ viewport: VIEWPORT });
      return context.newPage();
    },
    async close() {
      await browser.close().catch(() => undefined);
      server.kill();
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    },
  };
}
