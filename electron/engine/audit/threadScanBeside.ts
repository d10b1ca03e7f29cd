// The thread summary's scan on both cores: a worker thread (threadScanWorker.ts) scans the upper part of the record
// ids in a connection of its own while this thread scans the lower part; the SQL of a full scan of the heavy bench
// (500,670 records) took 671–684 ms in one thread and 359–403 ms so, with a cold worker. The audit is synchronous, so
// this thread waits for the answer with Atomics.wait and takes it with receiveMessageOnPort. Two connections read two
// snapshots: the worker's records stamp must equal this thread's, else its part is scanned here again.
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/openDatabase';
import { sameStamp, type RecordsStamp } from './recordsStamp';
import { IDS_PER_RANGE, type ScanPartWire } from './threadColumnsRead';

export interface ScanJob {
  path: string;
  asOf: string;
  from: number;
}

export type ScanAnswer = { kind: 'part'; stamp: RecordsStamp; part: ScanPartWire } | { kind: 'declined'; stamp: RecordsStamp } | { kind: 'failed'; message: string };

/** Below this many ranges of ids (threadColumnsRead.ts) the scan stays in one thread: a worker costs more. */
const MIN_RANGES = 4;
/**
 * The worker's share of the ids: a little over half, since this thread reads persons, URLs, e-mails and tags (~200 ms
 * on the heavy bench) while the worker scans. At half, the worker always finished first. In alternating runs on a noisy
 * machine the first audit:get's medians were 0.88–1.02 s at 0.55 against 1.05–1.15 s at half; at 0.6 and 0.65 this
 * thread began to wait for the worker and they were no better.
 */
const WORKER_SHARE = 0.55;
/** A worker that has not answered by then is left to end alone, and its part scanned here. */
const WAIT_MS = 60_000;

let kept: Worker | null | undefined;

/** Whether this thread may block in Atomics.wait: a browser's main thread may not, so keep the scan here to be safe. */
function mayWait(): boolean {
  try {
    return Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0) === 'not-equal';
  } catch {
    return false;
  }
}

/**
 * The worker, started at the first split scan and kept (unref'd: it never holds the process open), or null if its
 * file is absent or this thread cannot wait for it.
 */
function scanWorker(): Worker | null {
  if (kept !== undefined) return kept;
  if (!mayWait()) return (kept = null);
  const here = import.meta.url;
  // Bundled, this code sits in out/main (or out/cli) or in a chunk folder below it.
  const launch = here.endsWith('.ts')
    ? { file: new URL('../jobs/tsWorkerBoot.mjs', here), data: { entry: new URL('./threadScanWorker.ts', here).href } }
    : { file: [new URL('./threadScanWorker.js', here), new URL('../threadScanWorker.js', here)].find((url) => existsSync(fileURLToPath(url))), data: {} };
  if (!launch.file) return (kept = null);
  const launched = new Worker(launch.file, { workerData: launch.data });
  launched.unref();
  // A worker that failed or ended between jobs is started again at the next; not one given up on (see part()).
  const forget = (): void => void (kept === launched && (kept = undefined));
  launched.on('error', forget);
  launched.on('exit', forget);
  return (kept = launched);
}

/**
 * Where the upper part starts, or null to scan in one thread: a database in memory (no second connection sees it),
 * too few records, or TIECHECK_AUDIT_SCAN_IN=thread; =worker splits any file database with records.
 */
function splitPoint(db: Db): number | null {
  const forced = process.env.TIECHECK_AUDIT_SCAN_IN;
  if (forced === 'thread' || db.memory) return null;
  const [lo, hi] = db.prepare(`SELECT min(id), max(id) FROM interactions`).raw(true).get() as [number | null, number | null];
  if (lo === null || hi === null) return null;
  const ranges = Math.ceil((hi - lo + 1) / IDS_PER_RANGE);
  if (forced !== 'worker' && ranges < MIN_RANGES) return null;
  return lo + Math.max(1, Math.round((hi - lo + 1) * (1 - WORKER_SHARE)));
}

export interface UpperScan {
  /** The first id of the upper part. */
  from: number;
  /** Waits for the worker's answer: its part, 'declined' (records this read cannot carry), or null to scan it here. */
  part: () => ScanPartWire | null | 'declined';
  /** Gives up the answer without waiting for it (this thread's own part was declined). */
  drop: () => void;
}

/** Starts the worker on the upper ids, or null to scan them all in this thread (see splitPoint). */
export function startUpperScan(db: Db, asOf: string, stamp: RecordsStamp): UpperScan | null {
  const from = splitPoint(db);
  if (from === null) return null;
  const worker = scanWorker();
  if (!worker) return null;
  const signal = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  worker.postMessage({ path: db.name, asOf, from, port: port2, signal }, [port2]);
  const part = (): ScanPartWire | null | 'declined' => {
    const answered = Atomics.wait(new Int32Array(signal), 0, 0, WAIT_MS) !== 'timed-out';
    const answer = answered ? (receiveMessageOnPort(port1)?.message as ScanAnswer | undefined) : undefined;
    port1.close();
    if (!answered) {
      // Most likely a worker that never started (its 'error' cannot reach a thread blocked here): stop using one, so
      // that no later audit blocks as long again.
      kept = null;
      void worker.terminate();
    }
    if (!answer || answer.kind === 'failed' || !sameStamp(answer.stamp, stamp)) return null;
    return answer.kind === 'declined' ? 'declined' : answer.part;
  };
  return { from, part, drop: () => port1.close() };
}
