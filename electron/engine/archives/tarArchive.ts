// Reading a .tgz/.tar.gz (or a plain .tar) with tar-stream: one pass per visit, each entry streamed as it passes by.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline, Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import tarStream from 'tar-stream';
import { fileBaseName, ImportError } from '../importers/importError';
import type { ByteSource, EntryLocator } from '../importers/text/byteSource';
import { ArchiveError, inflateLimit, mib, type Archive, type ArchiveEntry, type InflateLimits } from './archiveTypes';

/** Pulls an entry's chunks one at a time; the rest can be drained without destroying the archive stream. */
class EntryReader {
  private queue: Buffer[] = [];
  private ended = false;
  private failure: unknown = null;
  private wake: (() => void) | null = null;

  constructor(private readonly entry: Readable) {
    entry.on('data', (chunk: Buffer) => {
      this.queue.push(chunk);
      entry.pause();
      this.signal();
    });
    entry.on('end', () => {
      this.ended = true;
      this.signal();
    });
    entry.on('error', (error: unknown) => {
      this.failure = error;
      this.signal();
    });
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  async next(): Promise<Buffer | null> {
    for (;;) {
      if (this.queue.length) return this.queue.shift()!;
      if (this.failure) throw this.failure;
      if (this.ended) return null;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.entry.resume();
      });
    }
  }

  /** Skips whatever the importer did not read, so the archive moves on to the next entry. */
  async drain(): Promise<void> {
    while ((await this.next()) !== null) this.queue.length = 0;
  }
}

/** Names in a tar are plain strings: refuse the ones that would climb out if anyone extracted them. */
function checkName(archive: string, name: string): void {
  if (/^([a-zA-Z]:|[\\/])/.test(name)) throw new ArchiveError(archive, name, null, 'refused: its path is absolute; nothing was read');
  if (name.split(/[\\/]/).includes('..')) throw new ArchiveError(archive, name, null, 'refused: its path climbs out of the archive (..); nothing was read');
}

async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const magic = Buffer.alloc(2);
    await handle.read(magic, 0, 2, 0);
    return magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

export async function openTarArchive(path: string, limits: InflateLimits, displayName = path): Promise<Archive> {
  const name = fileBaseName(displayName);
  const fileSize = (await stat(path)).size;
  const gzipped = await isGzip(path);
  const limit = inflateLimit(fileSize, limits);

  /** One pass over the archive; `onEntry` gets each file entry with a reader, the pass waits for it. */
  const pass = (onEntry: (info: ArchiveEntry, reader: EntryReader, before: number) => Promise<void | 'stop'>): Promise<void> =>
    new Promise((resolve, reject) => {
      const file = createReadStream(path, { highWaterMark: 1 << 20 });
      const extract = tarStream.extract();
      let inflated = 0;
      // The gzip stream as a whole is what inflates: count its output, whatever the tar headers say.
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          inflated += chunk.length;
          if (gzipped && inflated > limit) done(new ArchiveError(name, null, null, `refused as a gzip bomb: it inflates past ${limits.ratio} times its own size of ${mib(fileSize)}`));
          else done(null, chunk);
        },
      });
      let settled = false;
      /** The entry being read, named when the archive breaks inside it. */
      let current: string | null = null;
      const finish = (error?: unknown) => {
        if (settled) return;
        settled = true;
        if (error) {
          file.destroy();
          extract.destroy();
          const detail = error instanceof Error ? error.message : String(error);
          const reason = current ? `the archive is damaged or cut short inside this file (${detail})` : `not a readable tar archive (${detail})`;
          reject(error instanceof ImportError ? error : new ArchiveError(name, current, null, reason));
        } else resolve();
      };
      const stages = gzipped ? [file, createGunzip(), counter] : [file, counter];
      pipeline([...stages, extract] as unknown as NodeJS.ReadWriteStream[], (error: unknown) => {
        if (error) finish(error);
      });
      extract.on('entry', (header, stream, next) => {
        const reader = new EntryReader(stream as unknown as Readable);
        const type = header.type ?? 'file';
        current = header.name;
        const work = async () => {
          checkName(name, header.name);
          if (type === 'file' || type === 'contiguous-file') {
            if ((await onEntry({ archive: name, path: header.name, size: header.size ?? 0 }, reader, inflated)) === 'stop') return 'stop';
          }
          await reader.drain();
        };
        work().then((outcome) => {
          current = null;
          if (outcome !== 'stop') return next();
          // Nothing more is wanted: close the file rather than inflate the rest of the archive.
          finish();
          file.destroy();
          extract.destroy();
        }, finish);
      });
      extract.on('finish', () => finish());
      extract.on('error', finish);
    });

  return {
    name,
    async visit(want, onEntry) {
      let index = -1;
      await pass(async (info, reader, before) => {
        index++;
        const locator = { kind: 'tar' as const, archive: path, archiveName: displayName, entry: info.path, index, limits: { ratio: limits.ratio, floorBytes: limits.floorBytes }, before };
        if (want(info)) return onEntry(info, tarEntrySource(info, reader, locator));
      });
    },
    async close() {},
  };
}

/** A tar entry read once, front to back; its head is kept so format detection can look before the importer reads. */
function tarEntrySource(info: ArchiveEntry, reader: EntryReader, locator: EntryLocator): ByteSource {
  const held: Buffer[] = [];
  let heldBytes = 0;
  let started = false;
  let done = false;
  return {
    name: info.path,
    locator,
    size: async () => info.size,
    async head(bytes) {
      if (started) throw new ArchiveError(info.archive, info.path, null, 'internal: the head of a tar entry was asked for after reading began');
      while (heldBytes < bytes && !done) {
        const chunk = await reader.next();
        if (chunk === null) done = true;
        else {
          held.push(Buffer.from(chunk));
          heldBytes += chunk.length;
        }
      }
      return Buffer.concat(held, heldBytes).subarray(0, bytes);
    },
    async *chunks() {
      if (started) throw new ArchiveError(info.archive, info.path, null, 'internal: a tar entry can be read only once');
      started = true;
      for (const chunk of held) yield chunk;
      held.length = 0;
      while (!done) {
        const chunk = await reader.next();
        if (chunk === null) done = true;
        else yield chunk;
      }
    },
  };
}
