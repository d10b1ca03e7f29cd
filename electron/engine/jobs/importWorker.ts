// The import worker thread: opens its own connection to the database and runs one import, so the
// process that serves the window stays responsive; progress and the result go back as messages.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/openDatabase';
import { importFile, ImportCancelled, type ImportFileOptions } from '../imports/importFile';
import { ImportError } from '../importers/importError';
import type { ImportJobRequest, WorkerMessage } from './importJobMessages';

const port = parentPort!;
const request = workerData as ImportJobRequest;
const controller = new AbortController();
port.on('message', (message: unknown) => {
  if (message === 'cancel') controller.abort();
});

function send(message: WorkerMessage): void {
  port.postMessage(message);
}

async function run(): Promise<void> {
  // The engine that started this worker checked the file when it opened it.
  const db = openDatabase(request.dbPath, { nativeBinding: request.nativeBinding, check: 'off' });
  try {
    const options: ImportFileOptions = {
      ...request.options,
      signal: controller.signal,
      onProgress: (bytes, totalBytes, rows) => send({ type: 'progress', bytes, totalBytes, rows }),
    };
    send({ type: 'done', summary: await importFile(db, request.path, options) });
  } catch (err) {
    if (err instanceof ImportError) send({ type: 'failed', kind: 'import', file: err.file, line: err.line, reason: err.reason, message: err.message });
    else if (err instanceof ImportCancelled) send({ type: 'failed', kind: 'cancelled', message: err.message });
    else send({ type: 'failed', kind: 'other', message: err instanceof Error ? err.message : String(err) });
  } finally {
    db.close();
  }
}

void run();
