// Reading a .zip (zip64 included) with yauzl: the central directory lists entries, each entry inflates as a stream.
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { fileBaseName, ImportError } from '../importers/importError';
import type { ByteSource } from '../importers/text/byteSource';
import { ArchiveError, inflateLimit, mib, type Archive, type ArchiveEntry, type InflateLimits } from './archiveTypes';

/**
 * Listing the central directory again takes yauzl 20–50 µs an entry (measured on 50,000), as long as
 * the importers take to parse a few KB: a Takeout of tens of thousands of photos costs seconds to reopen.
 */
const LISTING_COST_BYTES = 4096;
const CHUNK_BYTES = 1024 * 1024;
const FIRST_CHUNK_BYTES = 64 * 1024;

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (err, zip) => (err ? reject(err) : resolve(zip)));
  });
}

/** yauzl names what it refuses in its message; turn those into a line a person understands. */
function describeZipError(archive: string, error: unknown): ArchiveError {
  const detail = error instanceof Error ? error.message : String(error);
  const climbing = /^(invalid relative path|absolute path|invalid characters in fileName): (.*)$/s.exec(detail);
  if (climbing) {
    const why = climbing[1] === 'invalid relative path' ? 'its path climbs out of the archive (..)' : climbing[1] === 'absolute path' ? 'its path is absolute' : 'its path holds a backslash';
    return new ArchiveError(archive, climbing[2], null, `refused: ${why}; nothing was read`);
  }
  return new ArchiveError(archive, null, null, `not a readable zip archive (${detail})`);
}

export async function openZipArchive(path: string, limits: InflateLimits, displayName = path): Promise<Archive> {
  const name = fileBaseName(displayName);
  let zip: ZipFile;
  try {
    zip = await openZip(path);
  } catch (error) {
    throw describeZipError(name, error);
  }
  let listed: { entry: Entry; info: ArchiveEntry }[] | null = null;

  const readAll = (): Promise<{ entry: Entry; info: ArchiveEntry }[]> =>
    new Promise((resolve, reject) => {
      const out: { entry: Entry; info: ArchiveEntry }[] = [];
      const fail = (error: unknown) => {
        zip.removeAllListeners();
        reject(error instanceof ArchiveError ? error : describeZipError(name, error));
      };
      zip.on('entry', (entry: Entry) => {
        if (!entry.fileName.endsWith('/')) {
          if (entry.isEncrypted()) return fail(new ArchiveError(name, entry.fileName, null, 'the entry is encrypted (password-protected); Tiecheck reads only unencrypted archives'));
          const limit = inflateLimit(entry.compressedSize, limits);
          if (entry.uncompressedSize > limit) return fail(bombError(name, entry.fileName, entry.compressedSize, limits));
          out.push({ entry, info: { archive: name, path: entry.fileName, size: entry.uncompressedSize } });
        }
        zip.readEntry();
      });
      zip.on('end', () => {
        zip.removeAllListeners();
        resolve(out);
      });
      zip.on('error', fail);
      zip.readEntry();
    });

  const entries = async () => (listed ??= await readAll());

  const sourceOf = (entry: Entry, index: number): ByteSource => {
    const limit = inflateLimit(entry.compressedSize, limits);
    const chunks = async function* (): AsyncGenerator<Buffer> {
      let stream: Readable;
      try {
        stream = await new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))));
      } catch (error) {
        throw new ArchiveError(name, entry.fileName, null, `the entry cannot be read (${error instanceof Error ? error.message : String(error)})`);
      }
      let inflated = 0;
      // Inflated 16 KiB at a time, handed on as a file on disk is (64 KiB first, then 1 MiB): the parsers pay per chunk.
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      let filled = 0;
      let want = FIRST_CHUNK_BYTES;
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          inflated += chunk.length;
          // Counted on the bytes actually inflated: the header's sizes are the attacker's to write.
          if (inflated > limit) throw bombError(name, entry.fileName, entry.compressedSize, limits);
          for (let at = 0; at < chunk.length; ) {
            const n = Math.min(chunk.length - at, want - filled);
            chunk.copy(buffer, filled, at, at + n);
            filled += n;
            at += n;
            if (filled === want) {
              yield buffer.subarray(0, filled);
              filled = 0;
              want = CHUNK_BYTES;
            }
          }
        }
        if (filled > 0) yield buffer.subarray(0, filled);
      } catch (error) {
        if (error instanceof ImportError) throw error;
        const detail = error instanceof Error ? error.message : String(error);
        if (/too many bytes/.test(detail)) throw bombError(name, entry.fileName, entry.compressedSize, limits);
        throw new ArchiveError(name, entry.fileName, null, `the entry is damaged (${detail})`);
      } finally {
        stream.destroy();
      }
    };
    return {
      name: entry.fileName,
      locator: { kind: 'zip', archive: path, archiveName: displayName, entry: entry.fileName, index, limits: { ratio: limits.ratio, floorBytes: limits.floorBytes }, before: zip.entryCount * LISTING_COST_BYTES },
      size: async () => entry.uncompressedSize,
      async head(bytes) {
        const parts: Buffer[] = [];
        let got = 0;
        for await (const chunk of chunks()) {
          parts.push(Buffer.from(chunk.subarray(0, bytes - got)));
          got += Math.min(chunk.length, bytes - got);
          if (got >= bytes) break;
        }
        return Buffer.concat(parts, got);
      },
      chunks,
    };
  };

  return {
    name,
    async visit(want, onEntry) {
      for (const [index, { entry, info }] of (await entries()).entries()) {
        if (want(info) && (await onEntry(info, sourceOf(entry, index))) === 'stop') return;
      }
    },
    async close() {
      zip.close();
    },
  };
}

function bombError(archive: string, entry: string, compressed: number, limits: InflateLimits): ArchiveError {
  return new ArchiveError(archive, entry, null, `refused as a zip bomb: it inflates past ${limits.ratio} times its compressed size of ${mib(compressed)} (and past ${mib(limits.floorBytes)})`);
}
