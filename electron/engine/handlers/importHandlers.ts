// Import calls: preview, run (with progress events and cancel), history, undo, the demo network, meetings by hand;
// which staged files stay staged.
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

/** The job id of the demo's progress events: one demo loads at a time. */
export const DEMO_JOB_ID = 'demo';

function stagedFile(ctx: EngineContext, ref: string): StagedFile {
  const file = ctx.staged.get(ref);
  if (!file) throw new UserFacingError('not_found', 'that file is no longer staged; choose it again');
  return file;
}

export function releaseStagedFile(ctx: EngineContext, ref: string): void {
  const file = ctx.staged.get(ref);
  if (file?.temporary) rmSync(file.path, { force: true });
  ctx.staged.delete(ref);
  importedRefs.get(ctx)?.delete(ref);
}

/** Staged files kept at most; beyond it the oldest go (uploads are copies on disk). */
export const MAX_STAGED_FILES = 10;
/** Per engine: files already imported, kept staged so that confirming removals reads the same upload. */
const importedRefs = new WeakMap<EngineContext, Set<string>>();

/** Per engine: staged files an import is reading now → whether they were released meanwhile. */
const runningImports = new WeakMap<EngineContext, Map<string, boolean>>();

function importsRunning(ctx: EngineContext): Map<string, boolean> {
  let running = runningImports.get(ctx);
  if (!running) runningImports.set(ctx, (running = new Map()));
  return running;
}

/**
 * An imported file stays staged until another file is imported, and never more than
 * MAX_STAGED_FILES files are (the oldest are dropped; `keep` never is).
 */
function keepStaged(ctx: EngineContext, keep: string, imported: boolean): void {
  let refs = importedRefs.get(ctx);
  if (!refs) importedRefs.set(ctx, (refs = new Set()));
  if (imported) {
    for (const ref of [...refs]) if (ref !== keep) releaseStagedFile(ctx, ref);
    refs.add(keep);
  }
  // A Map keeps insertion order: the first keys are the oldest staged files.
  for (const ref of [...ctx.staged.keys()]) {
    if (ctx.staged.size <= MAX_STAGED_FILES) break;
    if (ref !== keep) releaseStagedFile(ctx, ref);
  }
}

export const importHandlers: Pick<Handlers, 'import:preview' | 'import:run' | 'import:cancel' | 'import:release' | 'import:history' | 'import:undo' | 'demo:load' | 'meet:log'> = {
  'import:preview': async (req, ctx) => {
    const file = stagedFile(ctx, req.fileRef);
    keepStaged(ctx, req.fileRef, false);
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
    importsRunning(ctx).set(req.fileRef, false);
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
      keepStaged(ctx, req.fileRef, true);
      return summary;
    } catch (err) {
      if (err instanceof ImportCancelled) throw new UserFacingError('cancelled', err.message);
      if (err instanceof ImportError) throw new UserFacingError('import_failed', err.message);
      throw err;
    } finally {
      ctx.jobs.delete(jobId);
      const releaseNow = importsRunning(ctx).get(req.fileRef);
      importsRunning(ctx).delete(req.fileRef);
      if (releaseNow) releaseStagedFile(ctx, req.fileRef);
    }
  },
  'import:cancel': (req, ctx) => {
    ctx.jobs.get(req.jobId)?.abort();
    return { ok: true as const };
  },
  'import:release': (req, ctx) => {
    // A file still being imported is read by its job: it goes when the job ends.
    const running = importsRunning(ctx);
    if (running.has(req.fileRef)) running.set(req.fileRef, true);
    else releaseStagedFile(ctx, req.fileRef);
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
    const result = await loadDemoNetwork(ctx.db, { onProgress: (p) => ctx.emit('import:progress', { jobId: DEMO_JOB_ID, ...p }) });
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
