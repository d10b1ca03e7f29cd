// Parsing beside the writes: streamConnectionFile and streamInteractionFile run in a worker thread
// (parseWorker.ts) that reads, decodes, parses and threads the file, while this thread only runs the
// import's session (its lookups and SQLite writes) on the batches it posts. Same callbacks, same
// results and errors as the in-thread functions; small files stay in-thread, where starting a worker
// costs more than it saves. An archive entry goes too: the worker reopens it from its locator.
import { Worker } from 'node:worker_threads';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { streamConnectionFile, type ConnectionParseOptions, type StreamedConnections } from '../importers/connections';
import { streamInteractionFile, type InteractionFileInfo, type InteractionParseOptions } from '../importers/interactions';
import { ImportError } from '../importers/importError';
import type { ByteSource, EntryLocator } from '../importers/text/byteSource';
import { ArchiveError } from '../archives/archiveTypes';
import type { InteractionRecord } from '../../../shared/domain/records';
import { ConnectionPreparer, decodePreparedRows, type PreparedConnection } from './preparedConnections';
import { IN_FLIGHT, STOP, type ParseMessage, type ParseRequest } from './parseMessages';
import { InteractionEncoder, type EncodedInteractions } from './interactionBatch';

type Progress = (bytesRead: number, totalBytes: number, rows: number) => void;

/**
 * Below this size a file is parsed in-thread: a built worker starts in tens of ms, but one run from
 * the TypeScript sources (tests, the bench, a CLI run through tsx) compiles its modules first, about
 * 0.4 s of CPU, more than parsing a 30,000-row connection export takes.
 */
const WORKER_MIN_BYTES = import.meta.url.endsWith('.ts') ? 32 * 1024 * 1024 : 1024 * 1024;
/**
 * Batches posted and not yet written: one waiting while one is written keeps both threads busy (a
 * batch is ≤ 2,000 connections or ≤ 250 messages). On a 2 GB mailbox, 2 in flight ran as fast as 8
 * and peaked at 257–270 MB RSS, against 262–319 MB with 8 (measured, young generation as below).
 */
const MAX_IN_FLIGHT = 2;
/**
 * The worker's young generation, in MB. Its garbage is short-lived batch text, and V8's default
 * (semi-spaces of up to 16 MB per isolate, on top of this thread's own) took the 2 GB mailbox import
 * to 314–353 MB peak RSS, where the in-thread import peaks near 250 MB. 4 MB ran no slower.
 */
const WORKER_YOUNG_GENERATION_MB = 4;

/**
 * Where files are parsed: TIECHECK_PARSE_IN=worker or =thread forces one way (the bench and the tests
 * compare the two); otherwise files of WORKER_MIN_BYTES and more go to the worker.
 */
export function parsesInWorker(path: string): boolean {
  return wantsWorker(() => statSync(path).size);
}

function wantsWorker(size: () => number): boolean {
  if (!workerFile()) return false;
  const forced = process.env.TIECHECK_PARSE_IN;
  if (forced === 'worker') return true;
  if (forced === 'thread') return false;
  try {
    return size() >= WORKER_MIN_BYTES;
  } catch {
    return false;
  }
}

/**
 * What the worker opens by itself: a file on disk by its path, an archive entry by its locator, or
 * null to parse in-thread. The worker reaches an entry by listing a zip again or inflating a tar from
 * its start, so an entry goes there only when that costs less than parsing the entry itself.
 */
async function workerTarget(input: string | ByteSource): Promise<{ path: string | null; locator: EntryLocator | null; name: string } | null> {
  if (typeof input === 'string') return parsesInWorker(input) ? { path: input, locator: null, name: input } : null;
  if (input.path !== undefined) return parsesInWorker(input.path) ? { path: input.path, locator: null, name: input.name } : null;
  if (!input.locator) return null;
  return entryParsesInWorker(input.locator, await input.size()) ? { path: null, locator: input.locator, name: input.name } : null;
}

/** The same rule for an archive entry of `size` inflated bytes, unless reopening it costs more than parsing it. */
export function entryParsesInWorker(locator: EntryLocator, size: number): boolean {
  if (process.env.TIECHECK_PARSE_IN !== 'worker' && locator.before > size) return false;
  return wantsWorker(() => size);
}

/** streamConnectionFile with its rows prepared (ConnectionPreparer), both in a worker thread for large files and archive entries. */
export async function streamConnectionFileBeside(
  input: string | ByteSource,
  opts: ConnectionParseOptions,
  onBatch: (rows: PreparedConnection[]) => void,
  onProgress?: Progress,
): Promise<StreamedConnections> {
  const target = await workerTarget(input);
  if (target === null) {
    const preparer = new ConnectionPreparer();
    return streamConnectionFile(input, opts, (records) => onBatch(preparer.prepare(records)), onProgress);
  }
  // As streamConnectionFile does, an error of the caller's own callbacks comes back as an ImportError.
  // The worker prepared the rows too (ConnectionPreparer.encode).
  const onRows = (rows: unknown) => onBatch(decodePreparedRows(rows as unknown[]));
  return parseInWorker({ kind: 'connections', ...target, opts }, onRows, onProgress, (err) => ImportError.wrap(target.name, err)) as Promise<StreamedConnections>;
}

/**
 * streamInteractionFile, parsed in a worker thread for large files and archive entries, its batches
 * encoded for the writer (interactionBatch.ts) there or, in-thread, by the same encoder here.
 */
export async function streamInteractionFileBeside(
  input: string | ByteSource,
  opts: InteractionParseOptions,
  onBatch: (batch: EncodedInteractions) => void,
  onProgress?: Progress,
): Promise<InteractionFileInfo> {
  const target = await workerTarget(input);
  if (target === null) {
    const encoder = new InteractionEncoder();
    return streamInteractionFile(input, opts, (records: InteractionRecord[]) => onBatch(encoder.encode(records)), onProgress);
  }
  const { signal, ...rest } = opts;
  // As streamInteractionFile does, errors of the caller's callbacks pass through untouched.
  return parseInWorker({ kind: 'interactions', ...target, opts: rest }, onBatch as (r: unknown) => void, onProgress, (err) => err, signal) as Promise<InteractionFileInfo>;
}

let launchFile: URL | null | undefined;

/**
 * From the sources the worker is a .ts file loaded through tsx (tsWorkerBoot.mjs); in a build it is
 * a bundled .js near this module. A bundle without it (another entry point's build) parses in-thread.
 */
function workerFile(): URL | null {
  if (launchFile !== undefined) return launchFile;
  const here = import.meta.url;
  if (here.endsWith('.ts')) launchFile = new URL('../jobs/tsWorkerBoot.mjs', here);
  // Bundled, this code sits in out/main or in a chunk folder below it.
  else launchFile = [new URL('./parseWorker.js', here), new URL('../parseWorker.js', here)].find((url) => existsSync(fileURLToPath(url))) ?? null;
  return launchFile;
}

function workerLaunch(request: ParseRequest): { file: URL; data: ParseRequest } {
  const file = workerFile()!;
  return import.meta.url.endsWith('.ts') ? { file, data: { ...request, entry: new URL('./parseWorker.ts', import.meta.url).href } } : { file, data: request };
}

type Job = { path: string | null; locator: EntryLocator | null; name: string } & (
  | { kind: 'connections'; opts: ConnectionParseOptions }
  | { kind: 'interactions'; opts: Omit<InteractionParseOptions, 'signal'> }
);

function parseInWorker(
  job: Job,
  onBatch: (batch: unknown) => void,
  onProgress: Progress | undefined,
  theirError: (err: unknown) => unknown,
  signal?: AbortSignal,
): Promise<StreamedConnections | InteractionFileInfo> {
  const credit = new SharedArrayBuffer(8);
  const slots = new Int32Array(credit);
  const { name, ...request } = job;
  const { file, data } = workerLaunch({ ...request, credit, maxInFlight: MAX_IN_FLIGHT } as ParseRequest);
  const worker = new Worker(file, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      // Wakes a worker waiting for credit so that it stops at once, then ends it.
      Atomics.store(slots, STOP, 1);
      Atomics.notify(slots, IN_FLIGHT);
      void worker.terminate();
      outcome();
    };
    const onAbort = () => finish(() => reject(signal?.reason ?? new Error('aborted')));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: ParseMessage) => {
      if (settled) return;
      try {
        if (message.type === 'batch') {
          onBatch(JSON.parse(message.json) as unknown[]);
          Atomics.sub(slots, IN_FLIGHT, 1);
          Atomics.notify(slots, IN_FLIGHT);
        } else if (message.type === 'interactions') {
          onBatch(message.batch);
          Atomics.sub(slots, IN_FLIGHT, 1);
          Atomics.notify(slots, IN_FLIGHT);
        } else if (message.type === 'progress') onProgress?.(message.bytes, message.totalBytes, message.rows);
        else if (message.type === 'done') finish(() => resolve(message.info));
        else finish(() => reject(failure(name, message)));
      } catch (err) {
        const error = signal?.aborted ? (signal.reason ?? err) : theirError(err);
        finish(() => reject(error));
      }
    });
    worker.on('error', (err) => finish(() => reject(ImportError.wrap(name, err))));
    worker.on('exit', (code) => finish(() => reject(new Error(`the parse worker stopped unexpectedly (exit ${code})`))));
  });
}

/** The worker's error as the thread that posted it threw it: the same class, file, entry, line and message. */
function failure(name: string, message: Extract<ParseMessage, { type: 'failed' }>): ImportError {
  if (message.file === null) return ImportError.wrap(name, new Error(message.reason));
  if (message.entry !== undefined) return new ArchiveError(message.file, message.entry, message.line, message.reason);
  return new ImportError(message.file, message.line, message.reason);
}
