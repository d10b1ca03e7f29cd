// Runs an import in a worker thread (its own SQLite connection), relaying progress and honouring cancel.
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ImportSummary } from '../../../shared/api/schemas';
import { ImportError } from '../importers/importError';
import { ImportCancelled, type ImportFileOptions } from '../imports/importFile';
import type { ImportJobRequest, WorkerMessage } from './importJobMessages';

/** From the sources the worker is a .ts file loaded through tsx; in a build it is a bundled .js beside this one. */
function workerLaunch(request: ImportJobRequest): { file: URL; data: ImportJobRequest } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    return { file: new URL('./tsWorkerBoot.mjs', here), data: { ...request, entry: new URL('./importWorker.ts', here).href } };
  }
  const built = new URL('./importWorker.js', here);
  if (!existsSync(fileURLToPath(built))) throw new Error('the import worker is missing from this build');
  return { file: built, data: request };
}

export function runImportJob(
  request: Omit<ImportJobRequest, 'entry'>,
  opts: { signal?: AbortSignal; onProgress?: ImportFileOptions['onProgress'] },
): Promise<ImportSummary> {
  const { file, data } = workerLaunch(request);
  const worker = new Worker(file, { workerData: data });
  const cancel = () => worker.postMessage('cancel');
  opts.signal?.addEventListener('abort', cancel, { once: true });
  return new Promise<ImportSummary>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') opts.onProgress?.(message.bytes, message.totalBytes, message.rows);
      else {
        settled = true;
        if (message.type === 'done') resolve(message.summary);
        else if (message.kind === 'cancelled') reject(new ImportCancelled());
        else if (message.kind === 'import') reject(new ImportError(message.file, message.line, message.reason));
        else reject(new Error(message.message));
      }
    });
    worker.on('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.on('exit', (code) => {
      opts.signal?.removeEventListener('abort', cancel);
      if (!settled) reject(new Error(`the import worker stopped unexpectedly (exit ${code})`));
    });
  });
}
