// CSV tables as exports write them: delimiter detection, header found after any preamble, whole-row quoting undone.
import { ImportError } from '../importError';
import { CsvRowSplitter, splitCsvRows, type CsvRow } from './csvRows';

export interface CsvTable {
  header: string[];
  /** 1-based line of the header row (0 when the file has no rows at all). */
  headerLine: number;
  rows: CsvRow[];
  delimiter: string;
  warnings: string[];
}

export interface CsvTableSummary {
  header: string[];
  headerLine: number;
  delimiter: string;
  rowCount: number;
  warnings: string[];
}

export interface CsvTableHandlers {
  /** Called once, before any row, when the header is known (also for a file with a header only). */
  onHeader?: (header: string[], headerLine: number, delimiter: string) => void;
  onRow: (row: CsvRow) => void;
}

const CANDIDATES = [',', ';', '\t', '|'];
/** Text enough to decide the delimiter and find the header. */
const SAMPLE_CHARS = 64 * 1024;
/** Rows before the header that may be preamble (LinkedIn's "Notes:" lines, titles, blank rows). */
const MAX_PREAMBLE_ROWS = 20;

/** Rows of the sample that decide the delimiter. */
const DELIMITER_ROWS = 200;
/** The sample is read in pieces of this size, until it has given its first 200 rows. */
const DELIMITER_PIECE = 16 * 1024;

/** The delimiter under which most of the first 200 sample rows agree on a column count above one; `,` when none does. */
export function detectDelimiter(sample: string): string {
  let best = ',';
  let bestScore = 0;
  let bestWidth = 1;
  for (const delimiter of CANDIDATES) {
    const rows: CsvRow[] = [];
    const splitter = new CsvRowSplitter(delimiter, 'sample', (row) => {
      if (rows.length < DELIMITER_ROWS) rows.push(row);
    });
    try {
      // Rows after the first 200 count for nothing: the rest of a large sample is not read.
      for (let at = 0; at < sample.length && rows.length < DELIMITER_ROWS; at += DELIMITER_PIECE) splitter.push(sample.slice(at, at + DELIMITER_PIECE));
    } catch {
      // A sample cut inside a long quoted field says nothing about the delimiter.
    }
    const counts = new Map<number, number>();
    for (const row of rows) if (row.cells.length > 1) counts.set(row.cells.length, (counts.get(row.cells.length) ?? 0) + 1);
    for (const [width, score] of counts) {
      if (score > bestScore || (score === bestScore && width > bestWidth && delimiter !== best)) {
        best = delimiter;
        bestScore = score;
        bestWidth = width;
      }
    }
  }
  return best;
}

function nonEmptyCount(cells: string[]): number {
  let n = 0;
  for (const cell of cells) if (cell.trim() !== '') n++;
  return n;
}

/**
 * Reads a CSV table in pieces. Decides the delimiter from the first 64 KiB of text, skips a
 * preamble of one-cell rows before the first row with two or more cells, and undoes the
 * spreadsheet quirk of quoting each whole row as one cell.
 */
export class CsvTableReader {
  private sample = '';
  private splitter: CsvRowSplitter | null = null;
  private inner: string | null = null;
  private pending: CsvRow[] = [];
  private header: string[] | null = null;
  private headerLine = 0;
  private rowCount = 0;
  private ragged = 0;
  private firstRaggedLine = 0;
  private readonly warnings: string[] = [];

  constructor(
    private readonly file: string,
    private readonly handlers: CsvTableHandlers,
    private readonly forcedDelimiter?: string,
  ) {}

  push(text: string): void {
    if (this.splitter) {
      this.splitter.push(text);
      return;
    }
    this.sample += text;
    if (this.sample.length >= SAMPLE_CHARS) this.startSplitter();
  }

  /** Finishes the table. `cutShort`: the text was only the head of a file, so an open quote at its end is not an error. */
  end(options: { cutShort?: boolean } = {}): CsvTableSummary {
    if (!this.splitter) this.startSplitter();
    const splitter = this.splitter!;
    const dropped = splitter.end(options);
    if (dropped !== null) this.warnings.push(`line ${dropped}: the text ends inside a quoted field; that row is left out`);
    this.flushPreamble(true);
    if (splitter.strayQuotes > 0) {
      this.warnings.push(
        `${splitter.strayQuotes} field(s) had text after their closing quote, kept as written (first at line ${splitter.firstStrayQuoteLine})`,
      );
    }
    if (this.ragged > 0) {
      this.warnings.push(
        `${this.ragged} row(s) have a different number of columns than the header (first at line ${this.firstRaggedLine})`,
      );
    }
    return {
      header: this.header ?? [],
      headerLine: this.headerLine,
      delimiter: this.splitter!.delimiter,
      rowCount: this.rowCount,
      warnings: this.warnings,
    };
  }

  private startSplitter(): void {
    const sample = this.sample;
    this.sample = '';
    const cut = Math.max(sample.lastIndexOf('\n'), sample.lastIndexOf('\r'));
    const delimiter = this.forcedDelimiter ?? detectDelimiter(cut > 0 ? sample.slice(0, cut) : sample);
    this.splitter = new CsvRowSplitter(delimiter, this.file, (row) => this.takeRow(row));
    this.splitter.push(sample);
  }

  private takeRow(row: CsvRow): void {
    if (this.header === null) {
      this.pending.push(row);
      if (row.cells.length > 1 || this.pending.length > MAX_PREAMBLE_ROWS) this.flushPreamble(false);
      return;
    }
    this.emit(row);
  }

  /** Picks the header among the rows seen so far and releases the rows after it. */
  private flushPreamble(atEnd: boolean): void {
    if (this.header !== null || this.pending.length === 0) return;
    if (!atEnd && this.pending[this.pending.length - 1].cells.length < 2 && this.pending.length <= MAX_PREAMBLE_ROWS) return;
    let rows = this.pending;
    this.pending = [];
    let at = rows.findIndex((r) => r.cells.length > 1 && nonEmptyCount(r.cells) > 0);
    if (at < 0) {
      const wrapped = rows.filter((r) => /[,;\t|]/.test(r.cells[0]));
      if (wrapped.length > 0 && wrapped.length * 2 >= rows.length) {
        this.inner = detectDelimiter(wrapped.map((r) => r.cells[0]).join('\n'));
        rows = rows.map((r) => this.unwrap(r));
        at = rows.findIndex((r) => r.cells.length > 1);
      }
    }
    if (at < 0) at = rows.findIndex((r) => nonEmptyCount(r.cells) > 0);
    if (at < 0) at = 0;
    const head = rows[at];
    this.header = head.cells.map((c) => c.trim());
    this.headerLine = head.line;
    this.handlers.onHeader?.(this.header, this.headerLine, this.inner ?? this.splitter!.delimiter);
    for (const row of rows.slice(at + 1)) this.emit(row);
  }

  private unwrap(row: CsvRow): CsvRow {
    if (this.inner === null || row.cells.length !== 1) return row;
    try {
      const inner = splitCsvRows(row.cells[0].replace(/\n/g, ' '), this.inner, this.file);
      return { line: row.line, cells: inner[0]?.cells ?? [''] };
    } catch (error) {
      throw ImportError.wrap(this.file, error, row.line);
    }
  }

  private emit(original: CsvRow): void {
    const row = this.inner !== null ? this.unwrap(original) : original;
    const width = this.header!.length;
    if (row.cells.length !== width) {
      const extra = row.cells.slice(width);
      const harmless = row.cells.length > width && extra.every((c) => c.trim() === '');
      if (!harmless) {
        this.ragged++;
        if (this.ragged === 1) this.firstRaggedLine = row.line;
      }
      while (row.cells.length < width) row.cells.push('');
    }
    this.rowCount++;
    this.handlers.onRow(row);
  }
}

/** Reads a whole decoded text as a table. */
export function readCsvTable(text: string, file: string, delimiter?: string): CsvTable {
  const rows: CsvRow[] = [];
  let header: string[] = [];
  let headerLine = 0;
  let actual = ',';
  try {
    const reader = new CsvTableReader(
      file,
      {
        onHeader: (h, line, d) => {
          header = h;
          headerLine = line;
          actual = d;
        },
        onRow: (row) => rows.push(row),
      },
      delimiter,
    );
    reader.push(text);
    const summary = reader.end();
    return { header, headerLine, rows, delimiter: headerLine ? actual : summary.delimiter, warnings: summary.warnings };
  } catch (error) {
    throw ImportError.wrap(file, error);
  }
}
