// Tells an archive (zip, tgz, tar) or a folder from a single export file by its first bytes, loading no archive reader.
import { open, stat } from 'node:fs/promises';

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
