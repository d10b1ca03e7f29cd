// Tells an archive (zip, tgz, tar) or a folder from a single export file, and opens it with the matching reader.
import { open, stat } from 'node:fs/promises';
import { ImportError } from '../importers/importError';
import { DEFAULT_LIMITS, type Archive, type InflateLimits } from './archiveTypes';
import { openFolderArchive } from './folderArchive';
import { openTarArchive } from './tarArchive';
import { openZipArchive } from './zipArchive';

export type ArchiveKind = 'zip' | 'tar' | 'folder';

/** What `path` is, from its first bytes (never its name alone): null for an ordinary file. */
export async function archiveKindOf(path: string): Promise<ArchiveKind | null> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return null;
  }
  if (info.isDirectory()) return 'folder';
  if (!info.isFile()) return null;
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await handle.read(head, 0, 512, 0);
    if (bytesRead >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6)) return 'zip';
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'tar';
    if (bytesRead === 512 && head.toString('latin1', 257, 262) === 'ustar') return 'tar';
    // A zip whose first bytes were cut or overwritten: still named .zip, refused by the zip reader with a reason.
    if (/\.zip$/i.test(path)) return 'zip';
    if (/\.(tgz|tar\.gz|tar)$/i.test(path)) return 'tar';
    return null;
  } finally {
    await handle.close();
  }
}

export async function openArchive(path: string, limits: InflateLimits = DEFAULT_LIMITS): Promise<Archive> {
  const kind = await archiveKindOf(path);
  if (kind === 'folder') return openFolderArchive(path);
  if (kind === 'zip') return openZipArchive(path, limits);
  if (kind === 'tar') return openTarArchive(path, limits);
  throw new ImportError(path, null, 'not an archive (zip, tgz) or a folder');
}
