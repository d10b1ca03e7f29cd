// What every handler works with: the open database, the door it serves, staged files and running jobs.
import type { Db } from './db/openDatabase';
import type { EventName, EventPayload } from '../../shared/api/contract';
import type { AuditCache } from './audit/auditCache';

export interface StagedFile {
  path: string;
  name: string;
  /** Delete the file when the engine is done with it (uploads); never for a user's own path. */
  temporary: boolean;
}

export interface EngineContext {
  db: Db;
  dbPath: string;
  door: 'electron' | 'browser';
  version: string;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  staged: Map<string, StagedFile>;
  /** Audits computed since the data last changed (shared by every call that needs one). */
  audits: AuditCache;
  /** Imports run in a worker thread (the window's process stays responsive); off for the CLI and tests. */
  importInWorker: boolean;
  /** How this door turns the report into a PDF (Electron's printToPDF); default: the system Chromium. */
  printPdf?: (html: string) => Promise<Buffer>;
  /** better-sqlite3 build for Electron's ABI, handed to worker threads too. */
  nativeBinding?: string;
  jobs: Map<string, AbortController>;
}
