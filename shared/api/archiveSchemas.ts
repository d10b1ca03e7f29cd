// The shapes of the archive calls (a whole export dropped at once): what the archive holds, a file's preview, the run.
import { z } from 'zod';
import { filePreviewSchema, fileRef, importSummarySchema } from './schemas';

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
/** One entry's preview: the same answer as import:preview's, shown with the same table. */
export const archivePreviewSchema = filePreviewSchema;

export const archiveRunRequest = z.object({ fileRefs: archiveRefs, only: z.enum(['records']).optional(), jobId: z.string().max(64).optional() }).strict();
export const archiveRunSchema = z.object({
  summaries: z.array(importSummarySchema),
  notUsed: z.array(z.object({ file: z.string(), what: z.string() })),
});
