// What every archive reader (zip, tar, folder) offers, the error naming archive and entry, and the zip-bomb limits.
import { ImportError } from '../importers/importError';
import type { ByteSource } from '../importers/text/byteSource';

export interface ArchiveEntry {
  /** The archive's base name (a folder's own name), as messages show it. */
  archive: string;
  /** The entry's path inside the archive, with forward slashes. */
  path: string;
  /** Bytes once inflated, as the archive declares (checked again while reading). */
  size: number;
}

export interface Archive {
  readonly name: string;
  /**
   * Visits the files `want` accepts, in archive order; refuses names that climb out and encrypted
   * entries. A source is readable only during its callback: a tar is one pass, read front to back.
   * The callback returns 'stop' to end the visit there (a preview needs one entry, not the rest).
   */
  visit(want: (entry: ArchiveEntry) => boolean, onEntry: (entry: ArchiveEntry, source: ByteSource) => Promise<void | 'stop'>): Promise<void>;
  close(): Promise<void>;
}

export interface InflateLimits {
  /** Inflated bytes allowed per compressed byte. Real exports compress 3–20 times; bombs a thousand. */
  ratio: number;
  /** Below this many inflated bytes nothing counts as a bomb (tiny entries compress extremely). */
  floorBytes: number;
}

export const DEFAULT_LIMITS: InflateLimits = { ratio: 100, floorBytes: 64 * 1024 * 1024 };

export function inflateLimit(compressedBytes: number, limits: InflateLimits): number {
  return Math.max(compressedBytes * limits.ratio, limits.floorBytes);
}

/** Entry names come from the archive: one line, bounded, no terminal control codes, whatever bytes they hold. */
export function printable(name: string): string {
  const flat = name.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  return flat.length > 300 ? `${flat.slice(0, 299)}…` : flat;
}

/** One line naming the archive and (when known) the entry: `takeout.zip › Takeout/Mail/x.mbox, line 4: …`. */
export class ArchiveError extends ImportError {
  readonly entry: string | null;

  constructor(archive: string, entry: string | null, line: number | null, reason: string) {
    super(archive, line, reason);
    this.entry = entry;
    if (entry !== null) this.message = `${this.file} › ${printable(entry)}${line === null ? '' : `, line ${line}`}: ${this.reason}`;
  }
}

export function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
