// Bench plumbing: settings from the environment, the data folder, timers, streaming generator output to disk, child imports.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const dataDir = join(repoRoot, 'bench-data');

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return n;
}

export interface BenchSettings {
  /** Multiplies the data sizes of every section (1 = the issues' sizes). */
  scale: number;
  mboxMb: number;
  keep: boolean;
  /** Sections to run (1–8); all by default. */
  only: Set<number>;
  asOf: string;
  seed: number;
}

/**
 * Environment: BENCH_SCALE (data sizes, default 1), BENCH_MBOX_MB (section 3, default 300; 2048 for the issue's 2 GB),
 * BENCH_PARTICIPANTS (sections 6–8, default 1,000,000 × scale), BENCH_ACCURACY_CONNECTIONS (section 5, default 5000),
 * BENCH_CHILD_TIMEOUT_S (per child import, default 240), BENCH_FROM_SOURCES=1 (children run the TypeScript sources, not a bundle), BENCH_ONLY (e.g. "1,5"; 9–12 are taken up by bench.ts: 11 = the
 * command line from outside, 12 = the mbox of section 3's size read straight from a zip), BENCH_SEED, BENCH_AS_OF, BENCH_KEEP=1.
 */
export function readSettings(): BenchSettings {
  const only = (process.env.BENCH_ONLY ?? '1,2,3,4,5,6,7,8').split(',').map((s) => Number(s.trim())).filter((n) => n >= 1 && n <= 8);
  return {
    scale: envNumber('BENCH_SCALE', 1),
    mboxMb: envNumber('BENCH_MBOX_MB', 300),
    keep: process.env.BENCH_KEEP === '1',
    only: new Set(only),
    asOf: process.env.BENCH_AS_OF ?? '2025-06-30',
    seed: envNumber('BENCH_SEED', 2006),
  };
}

/** A fresh folder under bench-data/ for one run. */
export function makeRunDir(): string {
  const dir = join(dataDir, `run-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function progress(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

export function now(): number {
  return performance.now();
}

export async function timed<T>(work: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** Writes a generator's chunks to `path` with back-pressure, so that GB-sized outputs never sit in memory. */
export async function writeChunks(path: string, chunks: Iterable<string>): Promise<number> {
  const out = createWriteStream(path);
  for (const chunk of chunks) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return statSync(path).size;
}

/** What a child process is asked to do (see benchChild.ts). */
export type ChildTask =
  | { task: 'import'; dbPath: string; file: string; kind: 'connections' | 'interactions'; format?: string; me?: { kind: 'email' | 'url' | 'name'; value: string }[]; parseIn?: 'thread' | 'worker' }
  | { task: 'papaparse'; file: string; stream: boolean }
  | { task: 'icalParse'; file: string }
  | { task: 'lineScan'; file: string }
  | { task: 'importArchive'; dbPath: string; file: string; me?: { kind: 'email' | 'url' | 'name'; value: string }[]; parseIn?: 'thread' | 'worker' }
  | { task: 'writeFloor' | 'bindFloor'; file: string; importedDb: string; beforeDb: string | null; floorDb: string };

export interface ChildResult {
  /** Wall time of the measured work only (not process start-up or module loading). */
  ms: number;
  /** CPU time (user + system) of the child during the measured work. */
  cpuMs: number;
  /** Peak resident set of the child, KB, read right after the work. */
  maxRssKb: number;
  /** Rows, records or messages the work saw. */
  count: number;
  added?: number;
  skipped?: number;
  format?: string;
  warnings?: string[];
  rows?: { interactions: number; participants: number; contacts: number; persons: number; connections: number; identities: number };
  /** Imports: the largest RSS and V8 heap seen while the file was still being read (before the final relink). */
  parsePeakRssKb?: number;
  /** Imports: CPU time of the main thread alone (the rest ran in the parse worker). */
  mainThreadCpuMs?: number;
  parsePeakHeapKb?: number;
  /** Imports of a single file: where imports/parseBesideWrites.ts parsed it. */
  parsedIn?: 'worker' | 'thread';
}

/** How far an import child has got, reported every ~2 s. */
export interface ChildProgress {
  ms: number;
  bytes: number;
  totalBytes: number;
  rows: number;
  rssKb: number;
}

/** A child that ran past its time limit and was killed; what it had reached by then. */
export class ChildTimeout extends Error {
  constructor(
    readonly task: string,
    readonly limitMs: number,
    readonly peakRssKb: number,
    readonly last: ChildProgress | null,
  ) {
    super(
      `${task} did not finish within ${Math.round(limitMs / 1000)} s (killed; peak RSS by then ${Math.round(peakRssKb / 1024)} MB` +
        `${last ? `, ${last.rows} rows / ${Math.round((100 * last.bytes) / Math.max(last.totalBytes, 1))}% of the file read` : ''})`,
    );
  }
}

/** VmHWM (peak resident set, KB) of a live process, from /proc; 0 where /proc is not available. */
function peakRssOf(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Seconds a child may run (BENCH_CHILD_TIMEOUT_S, default 240) before it is killed and reported as such. */
export const childTimeoutMs = (): number => envNumber('BENCH_CHILD_TIMEOUT_S', 240) * 1000;

/** How a child process is started: its arguments after the Node binary, and a line for the bench's header. */
export interface ChildLauncher {
  args: string[];
  describe: string;
}

export const sourcesLauncher: ChildLauncher = {
  args: ['--import', 'tsx', join(repoRoot, 'scripts', 'bench', 'benchChild.ts')],
  describe: 'the TypeScript sources through tsx (BENCH_FROM_SOURCES=1)',
};

/** The sources until bench.ts has built the child bundle (childBundle.ts). */
let launcher = sourcesLauncher;

export function setChildLauncher(next: ChildLauncher): ChildLauncher {
  return (launcher = next);
}

export const childLauncher = (): ChildLauncher => launcher;

/** Runs one task in a child Node process (fresh heap, its own peak RSS) and returns what it measured. */
export async function runChild(req: ChildTask, timeoutMs = childTimeoutMs()): Promise<ChildResult> {
  const child = spawn(process.execPath, [...launcher.args, JSON.stringify(req)], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  let peakKb = 0;
  let timedOut = false;
  let last: ChildProgress | null = null;
  let shown = 0;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => {
    stdout += d;
    let nl: number;
    while ((nl = stdout.indexOf('\n')) !== -1 && stdout.startsWith('{"progress"')) {
      last = (JSON.parse(stdout.slice(0, nl)) as { progress: ChildProgress }).progress;
      stdout = stdout.slice(nl + 1);
      if (last.ms - shown >= 15_000) {
        shown = last.ms;
        progress(`    … ${Math.round(last.ms / 1000)} s: ${last.rows} rows, ${Math.round((100 * last.bytes) / Math.max(last.totalBytes, 1))}% read, rss ${Math.round(last.rssKb / 1024)} MB`);
      }
    }
  });
  const poll = setInterval(() => (peakKb = Math.max(peakKb, peakRssOf(child.pid ?? 0))), 1000);
  const limit = setTimeout(() => {
    timedOut = true;
    peakKb = Math.max(peakKb, peakRssOf(child.pid ?? 0));
    child.kill('SIGKILL');
  }, timeoutMs);
  const [code] = (await once(child, 'close')) as [number | null];
  clearInterval(poll);
  clearTimeout(limit);
  const label = `${req.task} of ${req.file.split('/').pop()}`;
  if (timedOut) throw new ChildTimeout(label, timeoutMs, peakKb, last);
  const line = stdout.trim().split('\n').pop() ?? '';
  if (!line.startsWith('{')) throw new Error(`child ${label} failed (exit ${code}): ${stdout.slice(-2000)}`);
  const result = JSON.parse(line) as ChildResult & { error?: string };
  if (result.error || code !== 0) throw new Error(`child ${label} failed (exit ${code}): ${result.error ?? ''}`);
  return result;
}

export function mb(bytes: number): number {
  return bytes / (1024 * 1024);
}
