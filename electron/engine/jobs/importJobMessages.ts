// The messages between an import job and its worker thread.
import type { ImportSummary } from '../../../shared/api/schemas';
import type { ImportFileOptions } from '../imports/importFile';

export interface ImportJobRequest {
  dbPath: string;
  nativeBinding?: string;
  path: string;
  options: Omit<ImportFileOptions, 'signal' | 'onProgress'>;
  /** Set when running from TypeScript sources: the worker loads them through tsx. */
  entry?: string;
}

export type WorkerMessage =
  | { type: 'progress'; bytes: number; totalBytes: number; rows: number }
  | { type: 'done'; summary: ImportSummary }
  | { type: 'failed'; kind: 'import'; file: string; line: number | null; reason: string; message: string }
  | { type: 'failed'; kind: 'cancelled' | 'other'; message: string };
