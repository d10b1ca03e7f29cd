// Where an importer's bytes come from: a file on disk or an entry inside an archive, read as chunks from the start.
import { open, stat } from 'node:fs/promises';
import { ImportError } from '../importError';

/**
 * The bytes of one export file. Importers read through this, so the same parser streams a file on
 * disk and an entry of a zip or tar without extracting it anywhere.
 */
export interface ByteSource {
  /** Named in messages: a path (its base name is shown) or an entry's path inside an archive. */
  readonly name: string;
  /** Set when the bytes are a file on disk, which another thread can open by itself (parsing beside the writes). */
  readonly path?: string;
  /** Set for an entry of a zip or tar on disk, which another thread can reopen by itself the same way. */
  readonly locator?: EntryLocator;
  /** The size in bytes (an archive entry's declared size); throws an ImportError when unreadable. */
  size(): Promise<number>;
  /** Up to `bytes` from the start (fewer when the source is shorter). */
  head(bytes: number): Promise<Buffer>;
  /**
   * The bytes from the start, in chunks. A chunk may be reused for the next one: copy what must be
   * kept. Breaking out of the loop releases the source.
   */
  chunks(): AsyncIterable<Buffer>;
}

/**
 * An archive entry named so that any thread can reopen it with the archive readers and the same
 * checks: plain data (it crosses to a worker thread), the `index`-th file entry in archive order.
 */
export interface EntryLocator {
  kind: 'zip' | 'tar';
  /** The archive on disk, and the name messages give it (an upload's own name). */
  archive: string;
  archiveName: string;
  entry: string;
  index: number;
  /** The inflation limits the archive was opened with (InflateLimits). */
  limits: { ratio: number; floorBytes: number };
  /**
   * What reopening costs before the entry's first byte, as the bytes that parsing would read in the
   * same time: a tar's bytes inflated before the entry, a zip's central directory listed again.
   */
  before: number;
}

const CHUNK_BYTES = 1024 * 1024;
const FIRST_CHUNK_BYTES = 64 * 1024;

/** A file on disk, read into two reused 1 MiB buffers (no garbage per chunk on a 2 GB mailbox), one chunk ahead. */
export function fileSource(path: string): ByteSource {
  return {
    name: path,
    path,
    async size() {
      let info;
      try {
        info = await stat(path);
      } catch (error) {
        throw ImportError.wrap(path, error);
      }
      if (!info.isFile()) throw new ImportError(path, null, 'not a file');
      return info.size;
    },
    async head(bytes) {
      const handle = await open(path, 'r');
      try {
        const buf = Buffer.alloc(bytes);
        let got = 0;
        while (got < bytes) {
          const { bytesRead } = await handle.read(buf, got, bytes - got, got);
          if (bytesRead === 0) break;
          got += bytesRead;
        }
        return buf.subarray(0, got);
      } finally {
        await handle.close();
      }
    },
    async *chunks() {
      const handle = await open(path, 'r');
      // Two buffers taking turns: the next chunk is read while the caller works on this one, which
      // it may use until it asks for the next (the ByteSource contract), so its buffer is free then.
      const buffers = [Buffer.allocUnsafe(CHUNK_BYTES), Buffer.allocUnsafe(CHUNK_BYTES)];
      let ahead: Promise<{ bytesRead: number }> | null = null;
      const readAhead = (buffer: Buffer, bytes: number, position: number) => {
        const read = handle.read(buffer, 0, bytes, position);
        // Its failure is rethrown where it is awaited, not reported as unhandled while a chunk is parsed.
        read.catch(() => undefined);
        return read;
      };
      try {
        // The first piece is the 64 KiB that decide a text file's encoding, as the text reader always read it.
        ahead = readAhead(buffers[0], FIRST_CHUNK_BYTES, 0);
        let position = 0;
        for (let turn = 0; ; turn ^= 1) {
          const { bytesRead } = await ahead;
          ahead = null;
          if (bytesRead === 0) return;
          position += bytesRead;
          ahead = readAhead(buffers[turn ^ 1], CHUNK_BYTES, position);
          yield buffers[turn].subarray(0, bytesRead);
        }
      } finally {
        // A read still under way must end before its file handle closes.
        await ahead?.catch(() => undefined);
        await handle.close();
      }
    },
  };
}

/** Entry points keep taking a path; anything else is already a source. */
export function toByteSource(input: string | ByteSource): ByteSource {
  return typeof input === 'string' ? fileSource(input) : input;
}

/** Reads a whole source into memory, refusing one past `maxBytes` (checked on the bytes read, not only the size). */
export async function readAllBytes(source: ByteSource, maxBytes: number, tooLarge: (bytes: number) => string): Promise<Buffer> {
  const size = await source.size();
  if (size > maxBytes) throw new ImportError(source.name, null, tooLarge(size));
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of source.chunks()) {
    total += chunk.length;
    if (total > maxBytes) throw new ImportError(source.name, null, tooLarge(total));
    parts.push(Buffer.from(chunk));
  }
  return parts.length === 1 ? parts[0] : Buffer.concat(parts, total);
}
