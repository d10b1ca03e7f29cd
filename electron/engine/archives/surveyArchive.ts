// The first look at dropped archives: every file they hold, what it is, how many rows, and which will be read.
import { streamConnectionFile } from '../importers/connections';
import { ImportError } from '../importers/importError';
import { streamInteractionFile } from '../importers/interactions';
import { ENCODING_SAMPLE_BYTES } from '../importers/text';
import { ArchiveError, DEFAULT_LIMITS, type Archive, type InflateLimits } from './archiveTypes';
import { classifyEntry, needsHead, type EntryUse } from './classifyEntry';
import { openArchive, type ArchiveInput } from './openArchive';

export interface SurveyedFile {
  /** Which of the dropped archives holds it (index into `archives`). */
  archiveIndex: number;
  archive: string;
  path: string;
  /** Bytes once inflated. */
  size: number;
  use: EntryUse;
  /** Rows a table or JSON file holds (records, invitations and skipped rows), counted by the importer that will read it; null for mailboxes and calendars (their size says it). */
  rows: number | null;
  /** False for files Tiecheck does not read, and for connection files when only records are wanted. */
  willRead: boolean;
}

export interface ArchiveSurvey {
  archives: Archive[];
  files: SurveyedFile[];
}

export interface SurveyOptions {
  /** `records`: only message, mail, calendar and call files are read (`tiecheck log ARCHIVE`). */
  only?: 'records';
  limits?: InflateLimits;
}

/** Rows are counted by reading small tables in full; a mailbox or calendar is counted by size instead. */
const COUNT_ROWS_UP_TO = 256 * 1024 * 1024;

export async function surveyArchives(paths: ArchiveInput[], opts: SurveyOptions = {}): Promise<ArchiveSurvey> {
  const archives: Archive[] = [];
  const files: SurveyedFile[] = [];
  try {
    for (const path of paths) archives.push(await openArchive(path, opts.limits ?? DEFAULT_LIMITS));
    for (const [archiveIndex, archive] of archives.entries()) {
      await archive.visit(
        () => true,
        async (entry, source) => {
          // An empty file (Takeout writes some for labels or calendars with nothing in them) holds nothing to refuse the archive for.
          const use: EntryUse =
            entry.size === 0 ? { read: 'none', what: 'empty file' } : classifyEntry(entry.path, needsHead(entry.path) ? await source.head(ENCODING_SAMPLE_BYTES) : null);
          const willRead = use.read === 'interactions' || (use.read === 'connections' && opts.only !== 'records');
          let rows: number | null = null;
          if (use.read !== 'none' && willRead && use.format !== 'mbox' && use.format !== 'ics' && entry.size <= COUNT_ROWS_UP_TO) {
            rows = await countRows(use, source).catch((error: unknown) => {
              if (error instanceof ImportError) throw new ArchiveError(archive.name, entry.path, error.line, error.reason);
              throw error;
            });
          }
          files.push({ archiveIndex, archive: archive.name, path: entry.path, size: entry.size, use, rows, willRead });
        },
      );
    }
  } catch (error) {
    await Promise.all(archives.map((a) => a.close()));
    throw error;
  }
  return { archives, files };
}

async function countRows(use: Exclude<EntryUse, { read: 'none' }>, source: Parameters<typeof streamConnectionFile>[0]): Promise<number> {
  if (use.read === 'connections') return (await streamConnectionFile(source, { format: use.format }, () => undefined)).rows;
  let records = 0;
  const info = await streamInteractionFile(source, { format: use.format }, (batch) => (records += batch.length));
  // Invitations are kept apart from records, and skipped rows (spam, drafts) are rows of the file too.
  return records + (info.invitations?.length ?? 0) + info.skipped.length;
}

/** The files to import, connections first (they make the persons records link to), each group in archive order. */
export function importOrder(files: SurveyedFile[]): SurveyedFile[] {
  const read = files.filter((f) => f.willRead);
  return [...read.filter((f) => f.use.read === 'connections'), ...read.filter((f) => f.use.read === 'interactions')];
}
