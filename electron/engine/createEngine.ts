// Opens the engine for one door: the database, the handler context, and where the default database lives.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from './db/openDatabase';
import type { EngineContext } from './context';
import { VERSION } from './version';
import { AuditCache } from './audit/auditCache';

/** The desktop app's own database file (Electron's userData folder for "Tiecheck"). */
export function defaultDbPath(env = process.env, platform = process.platform): string {
  const home = homedir();
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(home, '.config'));
  return join(base, 'Tiecheck', 'tiecheck.db');
}

export function resolveDbPath(flag: string | undefined, env = process.env): string {
  return flag ?? env.TIECHECK_DB ?? defaultDbPath(env);
}

export interface EngineOptions {
  dbPath: string;
  door: 'electron' | 'browser';
  nativeBinding?: string;
  emit?: EngineContext['emit'];
  importInWorker?: boolean;
}

export function createEngine(opts: EngineOptions): EngineContext {
  const db = openDatabase(opts.dbPath, { nativeBinding: opts.nativeBinding });
  return {
    db,
    dbPath: opts.dbPath,
    door: opts.door,
    version: VERSION,
    emit: opts.emit ?? (() => {}),
    staged: new Map(),
    audits: new AuditCache(),
    importInWorker: opts.importInWorker ?? false,
    nativeBinding: opts.nativeBinding,
    jobs: new Map(),
  };
}
