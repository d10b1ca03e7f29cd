// The parse worker thread: reads one connection or interaction file with the streaming importers and
// posts their record batches to the thread that writes them, waiting while too many are unwritten.
import { parentPort, workerData } from 'node:worker_threads';
import type { StreamedConnections } from '../importers/connections';
import type { InteractionFileInfo } from '../importers/interactions';
import { ImportError } from '../importers/importError';
import { ArchiveError } from '../archives/archiveTypes';
import type { ByteSource } from '../importers/text/byteSource';
import type { ConnectionRecord, InteractionRecord } from '../../../shared/domain/records';
import { IN_FLIGHT, STOP, type ParseJob, type ParseMessage, type ParseWorkerData } from './parseMessages';

const port = parentPort!;
const started = workerData as ParseWorkerData;
const credit = new Int32Array(started.credit);

class Stopped extends Error {}

function send(message: ParseMessage): void {
  port.postMessage(message);
}

/**
 * Waits (back-pressure: the parsers call `onBatch` synchronously, and the worker has nothing else to
 * do) until the writer has taken a batch off, which bounds the records held in memory.
 */
function takeCredit(): void {
  for (;;) {
    if (Atomics.load(credit, STOP) !== 0) throw new Stopped();
    const inFlight = Atomics.load(credit, IN_FLIGHT);
    if (inFlight < started.maxInFlight) break;
    Atomics.wait(credit, IN_FLIGHT, inFlight, 1000);
  }
  Atomics.add(credit, IN_FLIGHT, 1);
}

/**
 * Progress at most once per MiB read (and at the end): every message is handled by the writing
 * thread between its batches, and a progress bar needs no finer step than that.
 */
const PROGRESS_EVERY_BYTES = 1024 * 1024;
let progressSent = -PROGRESS_EVERY_BYTES;
const onProgress = (bytes: number, totalBytes: number, rows: number) => {
  if (bytes - progressSent < PROGRESS_EVERY_BYTES && bytes < totalBytes) return;
  progressSent = bytes;
  send({ type: 'progress', bytes, totalBytes, rows });
};

type Parse = (job: ParseJob, input: string | ByteSource) => Promise<StreamedConnections | InteractionFileInfo>;

/**
 * The parser of the worker's kind, loaded as soon as the worker starts (the import posts the job
 * once it knows the file's format): a connection export needs neither the interaction parsers nor
 * the archive readers, whose modules took about half the worker's start-up, while the writing
 * thread waited for its first batch.
 */
async function parserOf(kind: ParseWorkerData['kind']): Promise<Parse> {
  if (kind === 'connections') {
    const [{ streamConnectionFile }, { ConnectionPreparer }] = await Promise.all([import('../importers/connections'), import('./preparedConnections')]);
    // Connection rows are prepared here too (identities, the file's duplicate check), off the writing thread.
    const preparer = new ConnectionPreparer();
    const utf8 = new TextEncoder();
    const onBatch = (records: ConnectionRecord[]) => {
      takeCredit();
      // As JSON: JSON.parse rebuilds the records on the writing thread faster than the structured
      // clone of as many objects is read there. In UTF-8 bytes, transferred: a batch's text is UTF-16
      // as soon as one name has an emoji, and cloning the 30,000 LinkedIn rows' took this thread 45 ms
      // where encoding them took 6 (decoding them there costs what reading the clone did).
      const json = utf8.encode(preparer.encode(records));
      port.postMessage({ type: 'batch', json } satisfies ParseMessage, [json.buffer as ArrayBuffer]);
    };
    return (job, input) => streamConnectionFile(input, (job as Extract<ParseJob, { kind: 'connections' }>).opts, onBatch, onProgress);
  }
  const [{ streamInteractionFile }, { InteractionEncoder, transferablesOf }] = await Promise.all([import('../importers/interactions'), import('./interactionBatch')]);
  // Interaction records leave normalised and encoded: the writing thread has less to do than this one.
  const encoder = new InteractionEncoder();
  const onBatch = (records: InteractionRecord[]) => {
    takeCredit();
    const batch = encoder.encode(records);
    port.postMessage({ type: 'interactions', batch } satisfies ParseMessage, transferablesOf(batch));
  };
  return (job, input) => streamInteractionFile(input, (job as Extract<ParseJob, { kind: 'interactions' }>).opts, onBatch, onProgress);
}

/** The one job this worker gets, posted by parseBesideWrites.ts (it may come before the parser has loaded). */
const job = new Promise<ParseJob>((resolve) => port.once('message', resolve));

async function run(): Promise<void> {
  try {
    const [parse, todo] = await Promise.all([parserOf(started.kind), job]);
    let info: StreamedConnections | InteractionFileInfo;
    if (todo.locator) {
      const { withArchiveEntry } = await import('../archives/reopenEntry');
      info = await withArchiveEntry(todo.locator, (source) => parse(todo, source));
    } else info = await parse(todo, todo.path!);
    send({ type: 'done', info });
  } catch (err) {
    if (err instanceof Stopped || (err instanceof ImportError && Atomics.load(credit, STOP) !== 0)) return;
    if (err instanceof ArchiveError) send({ type: 'failed', file: err.file, entry: err.entry, line: err.line, reason: err.reason });
    else if (err instanceof ImportError) send({ type: 'failed', file: err.file, line: err.line, reason: err.reason });
    else send({ type: 'failed', file: null, line: null, reason: err instanceof Error ? err.message : String(err) });
  }
}

void run();
