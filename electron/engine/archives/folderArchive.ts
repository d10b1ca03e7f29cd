// A folder the user already unzipped, read like an archive: every regular file below it, in name order.
import { lstat, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileSource } from '../importers/text/byteSource';
import type { Archive, ArchiveEntry } from './archiveTypes';

/** Symbolic links are not followed: a link may point anywhere on the disk, outside what was dropped. */
async function walk(root: string, rel: string, out: ArchiveEntry[], archive: string): Promise<void> {
  const items = await readdir(join(root, rel), { withFileTypes: true });
  items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const item of items) {
    const path = rel ? `${rel}/${item.name}` : item.name;
    if (item.isDirectory()) await walk(root, path, out, archive);
    else if (item.isFile()) out.push({ archive, path, size: (await lstat(join(root, path))).size });
  }
}

export async function openFolderArchive(root: string, displayName = root): Promise<Archive> {
  const name = basename(displayName.replace(/[\\/]+$/, '')) || displayName;
  let listed: ArchiveEntry[] | null = null;
  const list = async () => {
    if (!listed) {
      const out: ArchiveEntry[] = [];
      await walk(root, '', out, name);
      listed = out;
    }
    return listed;
  };
  return {
    name,
    async visit(want, onEntry) {
      for (const entry of await list()) {
        if (want(entry) && (await onEntry(entry, { ...fileSource(join(root, entry.path)), name: entry.path })) === 'stop') return;
      }
    },
    async close() {},
  };
}
