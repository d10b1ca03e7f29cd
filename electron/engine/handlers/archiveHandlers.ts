// Archive calls: what dropped archives hold, the preview of one file in them, and the import of all they recognise.
import { randomUUID } from 'node:crypto';
import type { EngineContext } from '../context';
import type { Handlers } from './handlerTypes';
import { UserFacingError } from './handlerTypes';
import { entryLabel, importArchives } from '../archives/importArchive';
import { previewArchiveEntry } from '../archives/previewEntry';
import { surveyArchives } from '../archives/surveyArchive';
import type { ArchiveInput } from '../archives/openArchive';
import { ImportError } from '../importers/importError';
import { ImportCancelled } from '../imports/importFile';

function inputsOf(ctx: EngineContext, refs: string[]): ArchiveInput[] {
  return refs.map((ref) => {
    const file = ctx.staged.get(ref);
    if (!file) throw new UserFacingError('not_found', 'that archive is no longer staged; choose it again');
    return { path: file.path, name: file.name };
  });
}

/** Engine errors reach the person as one line; anything else stays an internal error. */
async function asUserFacing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ImportCancelled) throw new UserFacingError('cancelled', err.message);
    if (err instanceof ImportError) throw new UserFacingError('import_failed', err.message);
    throw err;
  }
}

export const archiveHandlers: Pick<Handlers, 'archive:survey' | 'archive:preview' | 'archive:run'> = {
  'archive:survey': (req, ctx) =>
    asUserFacing(async () => {
      const { archives, files } = await surveyArchives(inputsOf(ctx, req.fileRefs), { only: req.only });
      await Promise.all(archives.map((a) => a.close()));
      return {
        archives: archives.map((a) => a.name),
        files: files.map((f) => ({
          id: `${f.archiveIndex}:${f.path}`,
          archive: f.archive,
          path: f.path,
          size: f.size,
          read: f.use.read,
          format: f.use.read === 'none' ? null : f.use.format,
          what: f.use.what,
          rows: f.rows,
          willRead: f.willRead,
        })),
      };
    }),
  'archive:preview': (req, ctx) =>
    asUserFacing(async () => {
      const colon = req.id.indexOf(':');
      const index = Number(req.id.slice(0, colon));
      const inputs = inputsOf(ctx, req.fileRefs);
      if (colon < 1 || !Number.isInteger(index) || index < 0 || index >= inputs.length) throw new UserFacingError('invalid_request', 'no such file in the archive');
      return previewArchiveEntry(inputs[index], req.id.slice(colon + 1));
    }),
  'archive:run': (req, ctx) =>
    asUserFacing(async () => {
      const jobId = req.jobId ?? randomUUID();
      const controller = new AbortController();
      ctx.jobs.set(jobId, controller);
      let lastEmit = 0;
      try {
        const result = await importArchives(ctx.db, inputsOf(ctx, req.fileRefs), {
          only: req.only,
          signal: controller.signal,
          onProgress: (bytes, totalBytes, file, filesDone) => {
            const now = Date.now();
            if (now - lastEmit < 100 && bytes < totalBytes) return;
            lastEmit = now;
            ctx.emit('import:progress', { jobId, file, bytes, totalBytes, rows: filesDone, phase: 'reading' });
          },
        });
        ctx.emit('import:progress', { jobId, file: '', bytes: 1, totalBytes: 1, rows: result.summaries.length, phase: 'done' });
        ctx.emit('data:changed', { what: 'connections' });
        ctx.emit('data:changed', { what: 'interactions' });
        return {
          summaries: result.summaries,
          notUsed: result.files.filter((f) => !f.willRead).map((f) => ({ file: entryLabel(f), what: f.use.what })),
        };
      } finally {
        ctx.jobs.delete(jobId);
      }
    }),
};
