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
import { IN_FLIGHT, STOP, type ParseJob, type ParseMessage, type ParseWorkerData } from './parseMessages';
import { InteractionEncoder, type EncodedInteractions } from './interactionBatch';

type Progress = (bytesRead: number, totalBytes: number, rows: number) => void;

/**
 * Below this size a file is parsed in-thread: a built worker starts in tens of ms, but one run from
 * the TypeScript sources (tests, the bench, a CLI run through tsx) compiles its modules first, about
 * 0.4 s of CPU, more than parsing a 30,000-row connection export takes.
 * On 2 cores that export imports built as fast in-thread as beside the worker (1.27 s against 1.26 s
 * in the bench, 1.45 s of CPU against 1.87 s): the two threads, V8's helper threads and the worker's
 * cold start share them. The worker stays for machines with cores to spare, not measured here.
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
 * A connection export's worker keeps each batch's records alive while it prepares them, which a
 * young generation of 4 MB promotes to the old one: parsing and preparing the bench's 30,000
 * LinkedIn rows took a cold worker 0.87 s of CPU there and 0.78 s with 16 MB (medians of 5), CPU
 * the writing thread shares 2 cores with. The 1,000,000-row CSV still peaked at 255 MB RSS, as
 * with 4 MB (32 MB: 275 MB).
 */
const CONNECTIONS_YOUNG_GENERATION_MB = 16;

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

type Target = { path: string | null; locator: EntryLocator | null; name: string };

/**
 * What the worker opens by itself: a file on disk by its path, an archive entry by its locator, or
 * null to parse in-thread. The worker reaches an entry by listing a zip again or inflating a tar from
 * its start, so an entry goes there only when that costs less than parsing the entry itself.
 */
async function workerTarget(input: string | ByteSource): Promise<Target | null> {
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

/**
 * A parse worker started before the import knows how to parse its file: it loads the parser of its
 * kind meanwhile, and takes its job when streamConnectionFileBeside or streamInteractionFileBeside
 * is given it. Its start-up (about 0.1 s) then overlaps the import's own (format detection, its
 * batch, the session's statements) instead of following it.
 */
export class StartedParseWorker {
  readonly worker: Worker;
  readonly slots: Int32Array;
  /** An error or exit of the worker before a parse listened to it. */
  error: Error | null = null;
  exitCode: number | null = null;
  private taken = false;

  constructor(
    readonly kind: ParseJob['kind'],
    readonly target: Target,
  ) {
    const credit = new SharedArrayBuffer(8);
    this.slots = new Int32Array(credit);
    const { file, data } = workerLaunch({ kind, credit, maxInFlight: MAX_IN_FLIGHT });
    const youngMb = kind === 'connections' ? CONNECTIONS_YOUNG_GENERATION_MB : WORKER_YOUNG_GENERATION_MB;
    this.worker = new Worker(file, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: youngMb } });
    this.worker.on('error', (err) => (this.error ??= err));
    this.worker.on('exit', (code) => (this.exitCode = code));
  }

  /** The worker, for the one parse that gives it its job. */
  take(kind: ParseJob['kind']): this {
    if (this.taken || kind !== this.kind) throw new Error(`this parse worker was started for ${this.kind} and cannot parse again`);
    this.taken = true;
    return this;
  }

  /** Ends the worker if no parse took it (the import failed before it parsed); a parse ends its own. */
  release(): void {
    if (!this.taken) void this.worker.terminate();
  }
}

/** Starts the worker that will parse `input`, or gives null when the file is parsed in-thread (see parsesInWorker). */
export async function startParseWorker(kind: ParseJob['kind'], input: string | ByteSource): Promise<StartedParseWorker | null> {
  const target = await workerTarget(input);
  return target && new StartedParseWorker(kind, target);
}

/**
 * streamConnectionFile with its rows prepared (ConnectionPreparer), both in a worker thread for
 * large files and archive entries: `started` (startParseWorker's, null for in-thread), or one
 * started now.
 */
export async function streamConnectionFileBeside(
  input: string | ByteSource,
  opts: ConnectionParseOptions,
  onBatch: (rows: PreparedConnection[]) => void,
  onProgress?: Progress,
  started?: StartedParseWorker | null,
): Promise<StreamedConnections> {
  const worker = started === undefined ? await startParseWorker('connections', input) : started;
  if (worker === null) {
    const preparer = new ConnectionPreparer();
    return streamConnectionFile(input, opts, (records) => onBatch(preparer.prepare(records)), onProgress);
  }
  // As streamConnectionFile does, an error of the caller's own callbacks comes back as an ImportError.
  // The worker prepared the rows too (ConnectionPreparer.encode).
  const onRows = (rows: unknown) => onBatch(decodePreparedRows(rows as unknown[]));
  const { name } = worker.target;
  return parseInWorker(worker.take('connections'), opts, onRows, onProgress, (err) => ImportError.wrap(name, err)) as Promise<StreamedConnections>;
}

/**
 * streamInteractionFile, parsed in a worker thread for large files and archive entries (as
 * streamConnectionFileBeside), its batches encoded for the writer (interactionBatch.ts) there or,
 * in-thread, by the same encoder here.
 */
export async function streamInteractionFileBeside(
  input: string | ByteSource,
  opts: InteractionParseOptions,
  onBatch: (batch: EncodedInteractions) => void,
  onProgress?: Progress,
  started?: StartedParseWorker | null,
): Promise<InteractionFileInfo> {
  const worker = started === undefined ? await startParseWorker('interactions', input) : started;
  if (worker === null) {
    const encoder = new InteractionEncoder();
    return streamInteractionFile(input, opts, (records: InteractionRecord[]) => onBatch(encoder.encode(records)), onProgress);
  }
  const { signal, ...rest } = opts;
  // As streamInteractionFile does, errors of the caller's callbacks pass through untouched.
  return parseInWorker(worker.take('interactions'), rest, onBatch as (r: unknown) => void, onProgress, (err) => err, signal) as Promise<InteractionFileInfo>;
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

function workerLaunch(data: ParseWorkerData): { file: URL; data: ParseWorkerData } {
  const file = workerFile()!;
  return import.meta.url.endsWith('.ts') ? { file, data: { ...data, entry: new URL('./parseWorker.ts', import.meta.url).href } } : { file, data };
}

/** Gives the started worker its job and settles with what it posts back. */
function parseInWorker(
  started: StartedParseWorker,
  opts: ParseJob['opts'],
  onBatch: (batch: unknown) => void,
  onProgress: Progress | undefined,
  theirError: (err: unknown) => unknown,
  signal?: AbortSignal,
): Promise<StreamedConnections | InteractionFileInfo> {
  const { worker, slots } = started;
  const { name, path, locator } = started.target;
  const utf8 = new TextDecoder();
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
          onBatch(JSON.parse(utf8.decode(message.json)) as unknown[]);
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
    worker.on('exit', (code) => finish(() => reject(stoppedUnexpectedly(code))));
    // It may have failed while the import prepared (its modules did not load, say).
    const { error, exitCode } = started;
    if (error) return finish(() => reject(ImportError.wrap(name, error)));
    if (exitCode !== null) return finish(() => reject(stoppedUnexpectedly(exitCode)));
    worker.postMessage({ kind: started.kind, path, locator, opts } as ParseJob);
  });
}

function stoppedUnexpectedly(code: number): Error {
  return new Error(`the parse worker stopped unexpectedly (exit ${code})`);
}

/** The worker's error as the thread that posted it threw it: the same class, file, entry, line and message. */
function failure(name: string, message: Extract<ParseMessage, { type: 'failed' }>): ImportError {
  if (message.file === null) return ImportError.wrap(name, new Error(message.reason));
  if (message.entry !== undefined) return new ArchiveError(message.file, message.entry, message.line, message.reason);
  return new ImportError(message.file, message.line, message.reason);
}
