// The shapes of the archive calls (a whole export dropped at once): what the archive holds, a file's preview, the run.
import { z } from 'zod';
import { fileRef, importSummarySchema } from './schemas';

/** One archive, or the parts of one export (Takeout's -001.zip, -002.zip) dropped together. */
export const archiveRefs = z.array(fileRef).min(1).max(20);

export const archiveFileSchema = z.object({
  /** `archiveIndex:path`, the handle a preview asks for. */
  id: z.string(),
  archive: z.string(),
  path: z.string(),
  size: z.number(),
  read: z.enum(['connections', 'interactions', 'none']),
  format: z.string().nullable(),
  what: z.string(),
  rows: z.number().nullable(),
  willRead: z.boolean(),
});
export type ArchiveFile = z.infer<typeof archiveFileSchema>;

export const archiveSurveyRequest = z.object({ fileRefs: archiveRefs, only: z.enum(['records']).optional() }).strict();
export const archiveSurveySchema = z.object({ archives: z.array(z.string()), files: z.array(archiveFileSchema) });

export const archivePreviewRequest = z.object({ fileRefs: archiveRefs, id: z.string().min(3).max(5000) }).strict();
/** The same shape as import:preview's answer (a test holds the two together): the UI shows it with the same table. */
export const archivePreviewSchema = z.object({
  format: z.string(),
  network: z.string().nullable(),
  encoding: z.string(),
  columns: z.array(z.string()),
  mapping: z.record(z.string(), z.string().nullable()),
  rows: z.array(z.record(z.string(), z.string())),
  totalRows: z.number(),
  skipped: z.array(z.object({ line: z.number(), reason: z.string() })),
  warnings: z.array(z.string()),
});

export const archiveRunRequest = z.object({ fileRefs: archiveRefs, only: z.enum(['records']).optional(), jobId: z.string().max(64).optional() }).strict();
export const archiveRunSchema = z.object({
  summaries: z.array(importSummarySchema),
  notUsed: z.array(z.object({ file: z.string(), what: z.string() })),
});
