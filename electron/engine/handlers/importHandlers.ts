// Import calls: preview, run (with progress events and cancel), history, undo, the demo network, meetings by hand.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { EngineContext, StagedFile } from '../context';
import type { Handlers } from './handlerTypes';
import { UserFacingError } from './handlerTypes';
import { importFile, ImportCancelled, readHead } from '../imports/importFile';
import { previewFile } from '../imports/previewFile';
import { listBatches, undoBatch } from '../store/batchUndo';
import { relinkContacts } from '../linking/relinkContacts';
import { logMeeting, MeetingError } from '../imports/logMeeting';
import { loadDemoNetwork } from '../imports/loadDemo';
import { ImportError } from '../importers/importError';
import { runImportJob } from '../jobs/runImportJob';

function stagedFile(ctx: EngineContext, ref: string): StagedFile {
  const file = ctx.staged.get(ref);
  if (!file) throw new UserFacingError('not_found', 'that file is no longer staged; choose it again');
  return file;
}

export function releaseStagedFile(ctx: EngineContext, ref: string): void {
  const file = ctx.staged.get(ref);
  if (file?.temporary) rmSync(file.path, { force: true });
  ctx.staged.delete(ref);
}

export const importHandlers: Pick<Handlers, 'import:preview' | 'import:run' | 'import:cancel' | 'import:history' | 'import:undo' | 'demo:load' | 'meet:log'> = {
  'import:preview': async (req, ctx) => {
    const file = stagedFile(ctx, req.fileRef);
    try {
      return await previewFile(file.path, readFileHead(file.path), file.name, req);
    } catch (err) {
      if (err instanceof ImportError) throw new UserFacingError('import_failed', err.message);
      throw err;
    }
  },
  'import:run': async (req, ctx) => {
    const file = stagedFile(ctx, req.fileRef);
    const jobId = req.jobId ?? randomUUID();
    const controller = new AbortController();
    ctx.jobs.set(jobId, controller);
    let lastEmit = 0;
    try {
      const options = { kind: req.kind, format: req.format, network: req.network, map: req.map, removals: req.removals, displayName: file.name };
      const onProgress = (bytes: number, totalBytes: number, rows: number) => {
        const now = Date.now();
        if (now - lastEmit < 100 && bytes < totalBytes) return;
        lastEmit = now;
        ctx.emit('import:progress', { jobId, file: file.name, bytes, totalBytes, rows, phase: 'reading' });
      };
      const summary = ctx.importInWorker
        ? await runImportJob({ dbPath: ctx.dbPath, nativeBinding: ctx.nativeBinding, path: file.path, options }, { signal: controller.signal, onProgress })
        : await importFile(ctx.db, file.path, { ...options, signal: controller.signal, onProgress });
      ctx.emit('import:progress', { jobId, file: file.name, bytes: 1, totalBytes: 1, rows: summary.added + summary.updated, phase: 'done' });
      ctx.emit('data:changed', { what: req.kind });
      releaseStagedFile(ctx, req.fileRef);
      return summary;
    } catch (err) {
      if (err instanceof ImportCancelled) throw new UserFacingError('cancelled', err.message);
      if (err instanceof ImportError) throw new UserFacingError('import_failed', err.message);
      throw err;
    } finally {
      ctx.jobs.delete(jobId);
    }
  },
  'import:cancel': (req, ctx) => {
    ctx.jobs.get(req.jobId)?.abort();
    return { ok: true as const };
  },
  'import:history': (_req, ctx) => ({ batches: listBatches(ctx.db) }),
  'import:undo': (req, ctx) => {
    const undone = ctx.db.transaction(() => {
      const done = undoBatch(ctx.db, req.batchId);
      if (done) relinkContacts(ctx.db);
      return done;
    })();
    ctx.emit('data:changed', { what: 'connections' });
    return { undone };
  },
  'demo:load': async (_req, ctx) => {
    const result = await loadDemoNetwork(ctx.db);
    ctx.emit('data:changed', { what: 'connections' });
    return result;
  },
  'meet:log': (req, ctx) => {
    try {
      const { interactionId, linked } = logMeeting(ctx.db, req);
      ctx.emit('data:changed', { what: 'interactions' });
      return { interactionId, linked, unlinked: [] };
    } catch (err) {
      if (err instanceof MeetingError) throw new UserFacingError('not_found', err.message);
      throw err;
    }
  },
};

/** A preview needs only the first rows; 2 MiB holds thousands of them. */
function readFileHead(path: string): Buffer {
  return readHead(path, 2 * 1024 * 1024);
}
