// Imports everything Tiecheck recognises in one or more archives (or folders): connections first, each file its own batch, all or nothing.
import type { Db } from '../db/openDatabase';
import type { ImportSummary } from '../../../shared/api/schemas';
import type { OwnIdentity } from '../../../shared/domain/records';
import { fileBaseName, ImportError } from '../importers/importError';
import { ImportCancelled, importFile } from '../imports/importFile';
import { ArchiveError, printable, type InflateLimits } from './archiveTypes';
import type { ArchiveInput } from './openArchive';
import { importOrder, surveyArchives, type ArchiveSurvey, type SurveyedFile } from './surveyArchive';
import { beginWithJournalsInMemory } from '../imports/statementJournal';

export interface ArchiveImportOptions {
  only?: 'records';
  me?: OwnIdentity[];
  signal?: AbortSignal;
  /** Bytes read across every file to import, against their total; `file` is the one being read, `filesDone` those finished. */
  onProgress?: (bytes: number, totalBytes: number, file: string, filesDone: number) => void;
  limits?: InflateLimits;
  /** Called once the archives are surveyed, before anything is written (the CLI lists them). */
  onSurvey?: (survey: ArchiveSurvey) => void;
}

export interface ArchiveImportResult {
  files: SurveyedFile[];
  /** One per file read, in the order read; `file` is `archive › path`. */
  summaries: ImportSummary[];
}

/** `archive › path`, as every door names a file inside an archive. */
export function entryLabel(file: { archive: string; path: string }): string {
  return `${printable(file.archive)} › ${printable(file.path)}`;
}

/**
 * Reads every recognised file as if imported one by one (the same importer, options and order), but
 * inside one transaction: a damaged entry, a bomb or a cancel leaves the database as it was.
 */
export async function importArchives(db: Db, paths: ArchiveInput[], opts: ArchiveImportOptions = {}): Promise<ArchiveImportResult> {
  const survey = await surveyArchives(paths, { only: opts.only, limits: opts.limits });
  try {
    const plan = importOrder(survey.files);
    if (plan.length === 0) throw nothingReadable(survey, opts.only);
    opts.onSurvey?.(survey);
    const totalBytes = plan.reduce((sum, f) => sum + f.size, 0);
    let doneBytes = 0;
    const summaries: ImportSummary[] = [];
    // The writes' statement journals in memory for the whole archive (imports/statementJournal.ts).
    const restoreJournals = beginWithJournalsInMemory(db);
    try {
      for (const phase of ['connections', 'interactions'] as const) {
        for (const [index, archive] of survey.archives.entries()) {
          const wanted = new Set(plan.filter((f) => f.archiveIndex === index && f.use.read === phase).map((f) => f.path));
          if (wanted.size === 0) continue;
          let left = wanted.size;
          await archive.visit(
            (entry) => wanted.has(entry.path),
            async (entry, source) => {
              const file = plan.find((f) => f.archiveIndex === index && f.path === entry.path)!;
              if (file.use.read === 'none') return;
              if (opts.signal?.aborted) throw new ImportCancelled();
              const label = entryLabel(file);
              try {
                const summary = await importFile(db, source, {
                  kind: phase,
                  format: file.use.format,
                  me: phase === 'interactions' ? opts.me : undefined,
                  signal: opts.signal,
                  inArchive: true,
                  // The entry's own name, as when the file is imported alone: the same format detection and network.
                  displayName: fileBaseName(entry.path),
                  onProgress: (bytes) => opts.onProgress?.(doneBytes + Math.min(bytes, file.size), totalBytes, label, summaries.length),
                });
                summaries.push({ ...summary, file: label });
              } catch (error) {
                if (error instanceof ImportError) throw new ArchiveError(archive.name, entry.path, error.line, error.reason);
                throw error;
              }
              doneBytes += file.size;
              opts.onProgress?.(doneBytes, totalBytes, label, summaries.length);
              // A tar is read front to back: once its last wanted file is in, the rest need not be inflated.
              return --left === 0 ? 'stop' : undefined;
            },
          );
        }
      }
      if (opts.signal?.aborted) throw new ImportCancelled();
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      if (opts.signal?.aborted) throw new ImportCancelled();
      throw error;
    } finally {
      restoreJournals();
    }
    return { files: survey.files, summaries };
  } finally {
    await Promise.all(survey.archives.map((a) => a.close()));
  }
}

function nothingReadable(survey: ArchiveSurvey, only: 'records' | undefined): ArchiveError {
  const names = survey.archives.map((a) => a.name).join(' + ');
  const count = survey.files.length;
  const connectionsOnly = only === 'records' && survey.files.some((f) => f.use.read === 'connections');
  const reason =
    count === 0
      ? 'the archive holds no files'
      : connectionsOnly
        ? `its ${count} file(s) hold connections but no messages, mail, calendar or calls: import it with "tiecheck import"`
        : `none of its ${count} file(s) is an export Tiecheck reads (LinkedIn Connections.csv or messages.csv, Takeout .mbox, .ics or contacts, Facebook friends or Messenger JSON, call logs)`;
  return new ArchiveError(names, null, null, reason);
}
