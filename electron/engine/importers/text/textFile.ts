// Reading export files from disk as text: whole (with a size limit) or in decoded pieces for large files.
import { open, stat } from 'node:fs/promises';
import { ImportError } from '../importError';
import {
  ENCODING_SAMPLE_BYTES,
  TextStreamDecoder,
  assertTextLike,
  decodeText,
  detectEncoding,
  type DecodedText,
  type TextEncodingName,
} from './decodeText';

export interface TextStreamInfo {
  encoding: TextEncodingName;
  hadBom: boolean;
  totalBytes: number;
  /** Set when the first 64 KiB were UTF-8 but later bytes were not; the rest was read as Windows-1252. */
  switchedTo1252: boolean;
}

const CHUNK_BYTES = 1024 * 1024;

/** Reads a whole file as text, refusing files over `maxBytes` with a clear message. */
export async function readTextFile(path: string, maxBytes = 256 * 1024 * 1024): Promise<DecodedText & { totalBytes: number }> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ImportError(path, null, 'not a file');
    if (info.size > maxBytes) {
      throw new ImportError(path, null, `the file is too large to read whole (${mib(info.size)}; the limit is ${mib(maxBytes)})`);
    }
    const handle = await open(path, 'r');
    try {
      const buf = await handle.readFile();
      return { ...decodeText(buf, path), totalBytes: buf.length };
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw ImportError.wrap(path, error);
  }
}

/**
 * Streams a file as decoded text pieces. The encoding is decided from the first 64 KiB; multi-byte
 * characters split between pieces are carried over. `onText` may throw an ImportError to stop.
 */
export async function streamTextFile(
  path: string,
  onText: (text: string) => void,
  onProgress?: (bytesRead: number, totalBytes: number) => void,
): Promise<TextStreamInfo> {
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ImportError(path, null, 'not a file');
    const totalBytes = info.size;
    handle = await open(path, 'r');
    const buffer = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, ENCODING_SAMPLE_BYTES));
    let head = 0;
    while (head < ENCODING_SAMPLE_BYTES) {
      const { bytesRead } = await handle.read(buffer, head, ENCODING_SAMPLE_BYTES - head, head);
      if (bytesRead === 0) break;
      head += bytesRead;
    }
    const first = buffer.subarray(0, head);
    const guess = detectEncoding(first, head < ENCODING_SAMPLE_BYTES);
    const decoder = new TextStreamDecoder(guess);
    const firstText = decoder.write(first);
    assertTextLike(firstText, path);
    let position = head;
    onText(firstText);
    onProgress?.(position, totalBytes);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const text = decoder.write(buffer.subarray(0, bytesRead));
      if (text.includes('\u0000')) throw new ImportError(path, null, 'not a text file (it contains NUL bytes)');
      onText(text);
      onProgress?.(position, totalBytes);
    }
    const tail = decoder.end();
    if (tail) onText(tail);
    return { encoding: guess.encoding, hadBom: guess.bomLength > 0, totalBytes, switchedTo1252: decoder.switchedTo1252 };
  } catch (error) {
    throw ImportError.wrap(path, error);
  } finally {
    await handle?.close();
  }
}

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
