// Streaming a CSV export (a file or an archive entry) row by row for the interaction parsers, and finding its columns by name.
import { ImportError } from '../importError';
import { CsvTableReader, streamTextFile, type CsvRow } from '../text';
import type { ByteSource } from '../text/byteSource';
import type { InteractionParseOptions } from './interactionFile';

/** Lower case, spaces/underscores/dashes collapsed, brackets kept: `Duration (s)` → `duration (s)`. */
export function columnKey(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

/** Index of the first header cell matching any candidate name (compared by `columnKey`), or -1. */
export function findColumn(header: string[], candidates: string[]): number {
  const keys = header.map(columnKey);
  for (const c of candidates) {
    const at = keys.indexOf(columnKey(c));
    if (at >= 0) return at;
  }
  return -1;
}

export interface CsvStreamSummary {
  header: string[];
  headerLine: number;
  rows: number;
  warnings: string[];
}

/**
 * Streams a CSV file: `onHeader` once (it may throw an ImportError to refuse the columns), then
 * `onRow` per data row. An empty file or one with a header only is an ImportError / zero rows.
 */
export async function streamCsvRows(
  source: ByteSource,
  opts: InteractionParseOptions,
  onHeader: (header: string[], headerLine: number) => void,
  onRow: (row: CsvRow) => void,
  onProgress?: (bytesRead: number, totalBytes: number) => void,
): Promise<CsvStreamSummary> {
  const path = source.name;
  if ((await source.size()) === 0) throw new ImportError(path, null, 'the file is empty');
  let headerSeen = false;
  const reader = new CsvTableReader(path, {
    onHeader: (header, line) => {
      headerSeen = true;
      onHeader(header, line);
    },
    onRow,
  });
  try {
    await streamTextFile(
      source,
      (text) => {
        opts.signal?.throwIfAborted();
        reader.push(text);
      },
      onProgress,
    );
  } catch (error) {
    // The text layer wraps every failure as an ImportError; a cancel should stay a cancel.
    opts.signal?.throwIfAborted();
    throw error;
  }
  const summary = reader.end();
  if (!headerSeen || summary.header.every((h) => h === '')) throw new ImportError(path, null, 'the file has no header row');
  return { header: summary.header, headerLine: summary.headerLine, rows: summary.rowCount, warnings: summary.warnings };
}
