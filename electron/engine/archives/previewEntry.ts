// The usual import preview (format, columns, first rows) of one file inside an archive, read without extracting it.
import { fileBaseName } from '../importers/importError';
import { ImportError } from '../importers/importError';
import { previewFile } from '../imports/previewFile';
import { ArchiveError, DEFAULT_LIMITS, type InflateLimits } from './archiveTypes';
import { classifyEntry } from './classifyEntry';
import { openArchive, type ArchiveInput } from './openArchive';

/** A preview needs only the first rows; 2 MiB holds thousands of them. */
const PREVIEW_HEAD = 2 * 1024 * 1024;

export async function previewArchiveEntry(input: ArchiveInput, path: string, limits: InflateLimits = DEFAULT_LIMITS) {
  const archive = await openArchive(input, limits);
  try {
    let preview: Awaited<ReturnType<typeof previewFile>> | null = null;
    await archive.visit(
      (entry) => entry.path === path,
      async (entry, source) => {
        const head = await source.head(PREVIEW_HEAD);
        const use = classifyEntry(entry.path, head);
        if (use.read === 'none') throw new ArchiveError(archive.name, entry.path, null, `not a file Tiecheck reads (${use.what})`);
        try {
          preview = await previewFile(source, head, fileBaseName(entry.path), { kind: use.read, format: use.format });
        } catch (error) {
          if (error instanceof ImportError) throw new ArchiveError(archive.name, entry.path, error.line, error.reason);
          throw error;
        }
        return 'stop';
      },
    );
    if (!preview) throw new ArchiveError(archive.name, path, null, 'no such file in the archive');
    return preview;
  } finally {
    await archive.close();
  }
}
