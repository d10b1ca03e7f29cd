// Reopens one archive entry from its locator (another thread's view of it), with the same reader and checks that listed it.
import type { ByteSource, EntryLocator } from '../importers/text/byteSource';
import { ArchiveError } from './archiveTypes';
import { openTarArchive } from './tarArchive';
import { openZipArchive } from './zipArchive';

/**
 * Runs `read` on the entry while it is readable (a tar is streamed from its start up to the entry).
 * The zip-bomb, encryption and path checks run again here exactly as where the entry was listed, so
 * a hostile entry fails the same way in a worker thread as in-thread.
 */
export async function withArchiveEntry<T>(locator: EntryLocator, read: (source: ByteSource) => Promise<T>): Promise<T> {
  const archive = locator.kind === 'zip' ? await openZipArchive(locator.archive, locator.limits, locator.archiveName) : await openTarArchive(locator.archive, locator.limits, locator.archiveName);
  try {
    let index = -1;
    let result: { value: T } | null = null;
    await archive.visit(
      () => ++index === locator.index,
      async (entry, source) => {
        if (entry.path !== locator.entry) throw new ArchiveError(archive.name, locator.entry, null, 'the archive changed while it was read');
        result = { value: await read(source) };
        return 'stop';
      },
    );
    if (!result) throw new ArchiveError(archive.name, locator.entry, null, 'the archive changed while it was read');
    return (result as { value: T }).value;
  } finally {
    await archive.close();
  }
}
