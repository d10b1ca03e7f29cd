// The char-by-char CSV state machine the importer used before its indexOf scanner: kept as the reference the scanner is checked against.
import { ImportError } from '../../../../../electron/engine/importers/importError';

export interface CsvRow {
  /** 1-based line of the file where the row starts (quoted newlines counted). */
  line: number;
  cells: string[];
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

const START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_SEEN = 3;

/** A quoted field longer than this is almost surely an unterminated quote eating the file. */
const MAX_FIELD_CHARS = 4 * 1024 * 1024;
const MAX_CELLS = 100_000;

/**
 * RFC 4180 with the leniency real exports need: CRLF, LF or CR line ends (also split across
 * pieces), `""` escapes, text after a closing quote kept as text, quotes inside unquoted fields
 * kept. Blank lines produce no row. An unterminated quote is an ImportError naming its line.
 */
export class ReferenceCsvRowSplitter {
  private readonly delim: number;
  private state = START;
  private field = '';
  private cells: string[] = [];
  private line = 1;
  private rowLine = 1;
  private quoteLine = 1;
  private pendingCR = false;
  private rowQuoted = false;
  /** Fields with text after their closing quote, kept as written. */
  strayQuotes = 0;
  firstStrayQuoteLine: number | null = null;

  constructor(
    readonly delimiter: string,
    private readonly file: string,
    private readonly onRow: (row: CsvRow) => void,
  ) {
    this.delim = delimiter.charCodeAt(0);
  }

  /** Lines fully or partly read so far. */
  get linesSeen(): number {
    return this.line;
  }

  push(s: string): void {
    const n = s.length;
    const delim = this.delim;
    let i = 0;
    if (this.pendingCR && n > 0) {
      this.pendingCR = false;
      if (s.charCodeAt(0) === LF) i = 1;
    }
    let start = i;
    while (i < n) {
      const c = s.charCodeAt(i);
      switch (this.state) {
        case START:
          if (c === QUOTE) {
            this.state = QUOTED;
            this.quoteLine = this.line;
            this.rowQuoted = true;
            i++;
            start = i;
            continue;
          }
          // The character starts an unquoted field: read it again in that state.
          this.state = UNQUOTED;
          start = i;
          continue;
        case UNQUOTED:
          if (c === delim) {
            this.field += s.slice(start, i);
            this.endField();
            i++;
            start = i;
            continue;
          }
          if (c === LF || c === CR) {
            this.field += s.slice(start, i);
            this.endField();
            i = this.endLine(s, i);
            this.endRow();
            start = i;
            continue;
          }
          i++;
          continue;
        case QUOTED:
          if (c === QUOTE) {
            this.field += s.slice(start, i);
            this.state = QUOTE_SEEN;
            i++;
            start = i;
            continue;
          }
          if (c === LF || c === CR) {
            this.field += s.slice(start, i) + '\n';
            i = this.endLine(s, i);
            start = i;
            continue;
          }
          i++;
          continue;
        default:
          if (c === QUOTE) {
            this.field += '"';
            this.state = QUOTED;
            i++;
            start = i;
            continue;
          }
          if (c === delim) {
            this.endField();
            i++;
            start = i;
            continue;
          }
          if (c === LF || c === CR) {
            this.endField();
            i = this.endLine(s, i);
            this.endRow();
            start = i;
            continue;
          }
          this.strayQuotes++;
          this.firstStrayQuoteLine ??= this.line;
          this.state = UNQUOTED;
          start = i;
          continue;
      }
    }
    if (this.state === UNQUOTED || this.state === QUOTED) this.field += s.slice(start, n);
    if (this.state === QUOTED && this.field.length > MAX_FIELD_CHARS) {
      throw new ImportError(this.file, this.quoteLine, 'unterminated quoted field (it runs past 4 MB of text)');
    }
  }

  /**
   * Finishes the last row; an open quote at the end of the file is an error. With `cutShort` (the
   * text is only the head of a file) the unfinished row is dropped instead and its line returned.
   */
  end(options: { cutShort?: boolean } = {}): number | null {
    if (this.state === QUOTED) {
      if (!options.cutShort) throw new ImportError(this.file, this.quoteLine, 'unterminated quoted field');
      const line = this.rowLine;
      this.cells = [];
      this.field = '';
      this.state = START;
      return line;
    }
    if (this.state !== START || this.cells.length > 0) {
      this.endField();
      this.endRow();
    }
    this.pendingCR = false;
    return null;
  }

  private endLine(s: string, i: number): number {
    this.line++;
    if (s.charCodeAt(i) === CR) {
      if (i + 1 < s.length) return s.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
      this.pendingCR = true;
    }
    return i + 1;
  }

  private endField(): void {
    if (this.cells.length >= MAX_CELLS) throw new ImportError(this.file, this.rowLine, `a row with more than ${MAX_CELLS} cells`);
    this.cells.push(this.field);
    this.field = '';
    this.state = START;
  }

  private endRow(): void {
    const cells = this.cells;
    const line = this.rowLine;
    this.cells = [];
    this.rowLine = this.line;
    const blank = cells.length === 1 && cells[0] === '' && !this.rowQuoted;
    this.rowQuoted = false;
    if (!blank) this.onRow({ line, cells });
  }
}

/** Splits a whole text into rows (convenience for small inputs and tests). */
export function referenceSplitCsvRows(text: string, delimiter: string, file: string): CsvRow[] {
  const rows: CsvRow[] = [];
  const splitter = new ReferenceCsvRowSplitter(delimiter, file, (row) => rows.push(row));
  splitter.push(text);
  splitter.end();
  return rows;
}
