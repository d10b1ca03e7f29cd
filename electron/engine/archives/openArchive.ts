// Tells an archive (zip, tgz, tar) or a folder from a single export file, and opens it with the matching reader.
import { ImportError } from '../importers/importError';
import { DEFAULT_LIMITS, type Archive, type InflateLimits } from './archiveTypes';
import { openFolderArchive } from './folderArchive';
import { openTarArchive } from './tarArchive';
import { openZipArchive } from './zipArchive';
import { archiveKindOf } from './archiveKind';

// What a path is lives in its own module, so that telling a CSV from an archive loads no archive reader.
export { archiveKindOf, type ArchiveKind } from './archiveKind';

/** A path, or a staged upload: its copy on disk and the name the person gave it. */
export type ArchiveInput = string | { path: string; name: string };

export async function openArchive(input: ArchiveInput, limits: InflateLimits = DEFAULT_LIMITS): Promise<Archive> {
  const { path, name } = typeof input === 'string' ? { path: input, name: input } : input;
  const kind = await archiveKindOf(path, name);
  if (kind === 'folder') return openFolderArchive(path, name);
  if (kind === 'zip') return openZipArchive(path, limits, name);
  if (kind === 'tar') return openTarArchive(path, limits, name);
  throw new ImportError(name, null, 'not an archive (zip, tgz) or a folder');
}
