// An incremental CSV scanner: text in pieces → rows of cells, each with the real file line it starts on.
import { ImportError } from '../importError';

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
export const MAX_FIELD_CHARS = 4 * 1024 * 1024;
const MAX_CELLS = 100_000;

/**
 * RFC 4180 with the leniency real exports need: CRLF, LF or CR line ends (also split across
 * pieces), `""` escapes, text after a closing quote kept as text, quotes inside unquoted fields
 * kept. Blank lines produce no row. An unterminated quote is an ImportError naming its line.
 *
 * Fields are found with `indexOf` rather than read a character at a time: the next delimiter, line
 * feed, carriage return and quote of a piece are each looked up once and reused until passed.
 */
export class CsvRowSplitter {
  private readonly delim: number;
  private readonly delimChar: string;
  private state = START;
  private field = '';
  private cells: string[] = [];
  private line = 1;
  private rowLine = 1;
  private quoteLine = 1;
  private pendingCR = false;
  private rowQuoted = false;
  // Positions of the next delimiter, LF and CR in the current piece (its length when there is none).
  private nextDelim = -1;
  private nextLF = -1;
  private nextCR = -1;
  /** Fields with text after their closing quote, kept as written. */
  strayQuotes = 0;
  firstStrayQuoteLine: number | null = null;

  constructor(
    readonly delimiter: string,
    private readonly file: string,
    private readonly onRow: (row: CsvRow) => void,
  ) {
    this.delim = delimiter.charCodeAt(0);
    this.delimChar = delimiter.charAt(0);
  }

  /** Lines fully or partly read so far. */
  get linesSeen(): number {
    return this.line;
  }

  push(s: string): void {
    const n = s.length;
    let i = 0;
    if (this.pendingCR && n > 0) {
      this.pendingCR = false;
      if (s.charCodeAt(0) === LF) i = 1;
    }
    this.nextDelim = this.nextLF = this.nextCR = -1;
    while (i < n) {
      switch (this.state) {
        case START:
          if (s.charCodeAt(i) === QUOTE) {
            this.state = QUOTED;
            this.quoteLine = this.line;
            this.rowQuoted = true;
            i++;
            continue;
          }
          this.state = UNQUOTED;
          continue;
        case UNQUOTED: {
          const delim = this.delimAt(s, i);
          const eol = this.eolAt(s, i);
          if (delim < eol) {
            this.takeField(s, i, delim);
            i = delim + 1;
            continue;
          }
          if (eol === n) {
            this.field += s.slice(i);
            // Without this a 50 MB line of one unquoted cell became one person's 50 MB name (20 s, 1.2 GB).
            if (this.field.length > MAX_FIELD_CHARS) throw new ImportError(this.file, this.line, 'a field runs past 4 MB of text without a comma or line end');
            i = n;
            continue;
          }
          this.takeField(s, i, eol);
          i = this.endLine(s, eol);
          this.endRow();
          continue;
        }
        case QUOTED: {
          let quote = s.indexOf('"', i);
          if (quote < 0) quote = n;
          this.appendQuoted(s, i, quote);
          if (quote === n) {
            i = n;
            continue;
          }
          this.state = QUOTE_SEEN;
          i = quote + 1;
          continue;
        }
        default: {
          const c = s.charCodeAt(i);
          if (c === QUOTE) {
            this.field += '"';
            this.state = QUOTED;
            i++;
            continue;
          }
          if (c === this.delim) {
            this.endField();
            i++;
            continue;
          }
          if (c === LF || c === CR) {
            this.endField();
            i = this.endLine(s, i);
            this.endRow();
            continue;
          }
          this.strayQuotes++;
          this.firstStrayQuoteLine ??= this.line;
          this.state = UNQUOTED;
          continue;
        }
      }
    }
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

  private delimAt(s: string, i: number): number {
    if (this.nextDelim < i) {
      const at = s.indexOf(this.delimChar, i);
      this.nextDelim = at < 0 ? s.length : at;
    }
    return this.nextDelim;
  }

  /** The next line end at or after `i`: LF or CR, whichever comes first. */
  private eolAt(s: string, i: number): number {
    if (this.nextLF < i) {
      const at = s.indexOf('\n', i);
      this.nextLF = at < 0 ? s.length : at;
    }
    if (this.nextCR < i) {
      const at = s.indexOf('\r', i);
      this.nextCR = at < 0 ? s.length : at;
    }
    return this.nextLF < this.nextCR ? this.nextLF : this.nextCR;
  }

  /** Ends an unquoted field (or the unquoted tail of one) at `end`. */
  private takeField(s: string, from: number, end: number): void {
    const text = s.slice(from, end);
    if (this.cells.length >= MAX_CELLS) throw new ImportError(this.file, this.rowLine, `a row with more than ${MAX_CELLS} cells`);
    this.cells.push(this.field === '' ? text : this.field + text);
    this.field = '';
    this.state = START;
  }

  /** Quoted text from `from` to `to`: every line end in it (CRLF, LF or CR) becomes one LF and counts a line. */
  private appendQuoted(s: string, from: number, to: number): void {
    if (this.eolAt(s, from) >= to) {
      this.field += s.slice(from, to);
      return;
    }
    let start = from;
    for (let i = from; i < to; ) {
      const c = s.charCodeAt(i);
      if (c !== LF && c !== CR) {
        i++;
        continue;
      }
      this.field += s.slice(start, i) + '\n';
      i = this.endLine(s, i);
      start = i;
    }
    if (start < to) this.field += s.slice(start, to);
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
export function splitCsvRows(text: string, delimiter: string, file: string): CsvRow[] {
  const rows: CsvRow[] = [];
  const splitter = new CsvRowSplitter(delimiter, file, (row) => rows.push(row));
  splitter.push(text);
  splitter.end();
  return rows;
}
