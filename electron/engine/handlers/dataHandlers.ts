// Whole-database calls: download a consistent copy, restore one from a staged file, delete everything.
import type { EngineContext } from '../context';
import type { Handlers } from './handlerTypes';
import { UserFacingError } from './handlerTypes';
import { releaseStagedFile } from './importHandlers';
import { DatabaseVersionError } from '../db/openDatabase';
import { deleteAllData, exportDatabaseBytes, restoreDatabase } from '../store/dataAdmin';

/** Restore and delete replace what a running import is writing into; they wait for it instead. */
function refuseWhileImporting(ctx: EngineContext): void {
  if (ctx.jobs.size > 0) throw new UserFacingError('invalid_request', 'an import is running; wait for it to finish (or cancel it) first');
}

function announceEverythingChanged(ctx: EngineContext): void {
  for (const what of ['connections', 'interactions', 'tags', 'settings', 'links'] as const) ctx.emit('data:changed', { what });
}

function userFacing<T>(code: 'import_failed' | 'invalid_request', work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (err instanceof DatabaseVersionError) throw new UserFacingError(code, err.message);
    throw err;
  }
}

export const dataHandlers: Pick<Handlers, 'data:export' | 'data:restore' | 'data:deleteAll'> = {
  'data:export': (_req, ctx) => {
    const bytes = userFacing('invalid_request', () => exportDatabaseBytes(ctx.db));
    return { fileName: `tiecheck-backup-${new Date().toISOString().slice(0, 10)}.db`, bytes: bytes.length, base64: bytes.toString('base64') };
  },
  'data:restore': (req, ctx) => {
    refuseWhileImporting(ctx);
    const file = ctx.staged.get(req.fileRef);
    if (!file) throw new UserFacingError('not_found', 'that file is no longer staged; choose it again');
    const result = userFacing('import_failed', () => restoreDatabase(ctx.db, ctx.dbPath, file.path, file.name));
    releaseStagedFile(ctx, req.fileRef);
    announceEverythingChanged(ctx);
    return result;
  },
  'data:deleteAll': (_req, ctx) => {
    refuseWhileImporting(ctx);
    const { deletedRows, backupsRemoved } = userFacing('invalid_request', () => deleteAllData(ctx.db, ctx.dbPath));
    announceEverythingChanged(ctx);
    return { deletedRows, backupsRemoved };
  },
};
