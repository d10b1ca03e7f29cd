// Reading export files (on disk or inside an archive) as text: whole (with a size limit) or in decoded pieces for large files.
import { ImportError } from '../importError';
import { readAllBytes, toByteSource, type ByteSource } from './byteSource';
import {
  ENCODING_SAMPLE_BYTES,
  TextStreamDecoder,
  assertTextLike,
  decodeText,
  detectEncoding,
  type DecodedText,
  type EncodingGuess,
  type TextEncodingName,
} from './decodeText';

export interface TextStreamInfo {
  encoding: TextEncodingName;
  hadBom: boolean;
  totalBytes: number;
  /** Set when the first 64 KiB were UTF-8 but later bytes were not; the rest was read as Windows-1252. */
  switchedTo1252: boolean;
}

/** Reads a whole file (or archive entry) as text, refusing one over `maxBytes` with a clear message. */
export async function readTextFile(input: string | ByteSource, maxBytes = 256 * 1024 * 1024): Promise<DecodedText & { totalBytes: number }> {
  const source = toByteSource(input);
  try {
    const buf = await readAllBytes(source, maxBytes, (size) => `the file is too large to read whole (${mib(size)}; the limit is ${mib(maxBytes)})`);
    return { ...decodeText(buf, source.name), totalBytes: buf.length };
  } catch (error) {
    throw ImportError.wrap(source.name, error);
  }
}

/**
 * Streams a file (or archive entry) as decoded text pieces. The encoding is decided from the first
 * 64 KiB; multi-byte characters split between pieces are carried over. `onText` may throw an
 * ImportError to stop.
 */
export async function streamTextFile(
  input: string | ByteSource,
  onText: (text: string) => void,
  onProgress?: (bytesRead: number, totalBytes: number) => void,
): Promise<TextStreamInfo> {
  const source = toByteSource(input);
  const path = source.name;
  try {
    const totalBytes = await source.size();
    const sample = Buffer.allocUnsafe(ENCODING_SAMPLE_BYTES);
    let sampled = 0;
    let position = 0;
    let started: { guess: EncodingGuess; decoder: TextStreamDecoder } | null = null;
    // The first 64 KiB decide the encoding, however the source happens to cut its chunks.
    const start = (complete: boolean) => {
      const first = sample.subarray(0, sampled);
      const guess = detectEncoding(first, complete);
      const decoder = new TextStreamDecoder(guess);
      const firstText = decoder.write(first);
      assertTextLike(firstText, path);
      onText(firstText);
      onProgress?.(sampled, totalBytes);
      return { guess, decoder };
    };
    for await (const chunk of source.chunks()) {
      let rest = chunk;
      if (!started) {
        const take = Math.min(ENCODING_SAMPLE_BYTES - sampled, chunk.length);
        chunk.copy(sample, sampled, 0, take);
        sampled += take;
        position += take;
        if (sampled < ENCODING_SAMPLE_BYTES) continue;
        started = start(false);
        rest = chunk.subarray(take);
        if (rest.length === 0) continue;
      }
      position += rest.length;
      const text = started.decoder.write(rest);
      if (text.includes('\u0000')) throw new ImportError(path, null, 'not a text file (it contains NUL bytes)');
      onText(text);
      onProgress?.(position, totalBytes);
    }
    started ??= start(true);
    const tail = started.decoder.end();
    if (tail) onText(tail);
    return { encoding: started.guess.encoding, hadBom: started.guess.bomLength > 0, totalBytes, switchedTo1252: started.decoder.switchedTo1252 };
  } catch (error) {
    throw ImportError.wrap(path, error);
  }
}

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
