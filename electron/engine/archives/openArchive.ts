// Tells an archive (zip, tgz, tar) or a folder from a single export file, and opens it with the matching reader.
import { open, stat } from 'node:fs/promises';
import { ImportError } from '../importers/importError';
import { DEFAULT_LIMITS, type Archive, type InflateLimits } from './archiveTypes';
import { openFolderArchive } from './folderArchive';
import { openTarArchive } from './tarArchive';
import { openZipArchive } from './zipArchive';

export type ArchiveKind = 'zip' | 'tar' | 'folder';

/** What `path` is, from its first bytes (never its name alone): null for an ordinary file. */
export async function archiveKindOf(path: string, name = path): Promise<ArchiveKind | null> {
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
    if (/\.zip$/i.test(name)) return 'zip';
    if (/\.(tgz|tar\.gz|tar)$/i.test(name)) return 'tar';
    return null;
  } finally {
    await handle.close();
  }
}

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
