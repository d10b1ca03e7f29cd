// The worker side of importRunner: runs importFile on its own connection and reports the outcome, including the class of any error.
import { parentPort } from 'node:worker_threads';
import { openDatabase, type Db } from '../../../electron/engine/db/openDatabase';
import { basename } from 'node:path';
import { importFile, readHead, type ImportFileOptions } from '../../../electron/engine/imports/importFile';
import { previewFile } from '../../../electron/engine/imports/previewFile';
import { ImportError } from '../../../electron/engine/importers/importError';

export interface RunRequest {
  id: number;
  /** `import` writes through importFile; `preview` is what the UI's import:preview call runs. */
  entry: 'import' | 'preview';
  dbPath: string;
  path: string;
  options: Pick<ImportFileOptions, 'kind' | 'format'>;
}

export type RunOutcome =
  | { id: number; ok: true; added: number; skipped: number; heapMb: number }
  | { id: number; ok: false; errorClass: string; isImportError: boolean; message: string; line: number | null; heapMb: number };

const dbs = new Map<string, Db>();

parentPort!.on('message', (request: RunRequest) => {
  void (async () => {
    let db = dbs.get(request.dbPath);
    if (!db) {
      db = openDatabase(request.dbPath, { check: 'off' });
      dbs.set(request.dbPath, db);
    }
    const heapMb = () => Math.round(process.memoryUsage().heapUsed / 1048576);
    try {
      if (request.entry === 'preview') {
        const preview = await previewFile(request.path, readHead(request.path, 2 * 1024 * 1024), basename(request.path), request.options);
        parentPort!.postMessage({ id: request.id, ok: true, added: preview.rows.length, skipped: preview.skipped.length, heapMb: heapMb() } satisfies RunOutcome);
      } else {
        const summary = await importFile(db, request.path, request.options);
        parentPort!.postMessage({ id: request.id, ok: true, added: summary.added, skipped: summary.skipped, heapMb: heapMb() } satisfies RunOutcome);
      }
    } catch (err) {
      parentPort!.postMessage({
        id: request.id,
        ok: false,
        errorClass: err instanceof Error ? err.constructor.name : typeof err,
        isImportError: err instanceof ImportError,
        message: err instanceof Error ? err.message : String(err),
        line: err instanceof ImportError ? err.line : null,
        heapMb: heapMb(),
      } satisfies RunOutcome);
    }
  })();
});
