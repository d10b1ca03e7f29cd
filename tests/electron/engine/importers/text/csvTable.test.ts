import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitCsvRows, CsvRowSplitter, type CsvRow } from '../../../../../electron/engine/importers/text/csvRows';
import { detectDelimiter, readCsvTable, CsvTableReader } from '../../../../../electron/engine/importers/text/csvTable';
import { ImportError } from '../../../../../electron/engine/importers/importError';
import { ReferenceCsvRowSplitter } from './referenceCsvRows';

const PREAMBLE =
  'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connected members who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here: https://www.linkedin.com/help/linkedin/answer/261"\n\n';

describe('splitCsvRows', () => {
  it('handles quotes, escaped quotes, embedded newlines and their line numbers', () => {
    const text = 'a,b,c\n"x, y","say ""hi""","two\nlines"\nlast,row,here';
    expect(splitCsvRows(text, ',', 'f.csv')).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 4, cells: ['last', 'row', 'here'] },
    ]);
  });
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('counts lines with %s endings, skipping blank lines', (_, eol) => {
    const text = ['h1,h2', '', '"a', 'b",c', 'd,e', ''].join(eol);
    expect(splitCsvRows(text, ',', 'f.csv')).toEqual([
      { line: 1, cells: ['h1', 'h2'] },
      { line: 3, cells: ['a\nb', 'c'] },
      { line: 5, cells: ['d', 'e'] },
    ]);
  });
  it('keeps a trailing empty field at the end of the file', () => {
    expect(splitCsvRows('a,b,', ',', 'f.csv')).toEqual([{ line: 1, cells: ['a', 'b', ''] }]);
  });
  it('names the line where an unterminated quoted field starts', () => {
    const text = 'h1,h2\nok,row\n"Oshewolo, CFA,x\nmore\nlines';
    expect(() => splitCsvRows(text, ',', '/data/Connections.csv')).toThrow(ImportError);
    expect(() => splitCsvRows(text, ',', '/data/Connections.csv')).toThrow('Connections.csv, line 3: unterminated quoted field');
  });
  it('refuses an unquoted field that runs past 4 MB without a comma or line end, naming its line', () => {
    const rows: CsvRow[] = [];
    const splitter = new CsvRowSplitter(',', '/data/contacts.csv', (r) => rows.push(r));
    splitter.push('First Name,Last Name\nAda,Lovelace\n');
    const piece = 'x'.repeat(1024 * 1024);
    const pushPieces = (): void => {
      for (let i = 0; i < 6; i++) splitter.push(piece);
    };
    expect(pushPieces).toThrow(ImportError);
    expect(rows).toHaveLength(2);
    // A long field that does end is still read: 3 MB of notes in one cell.
    const long = 'y'.repeat(3 * 1024 * 1024);
    expect(splitCsvRows(`a,b\n${long},z\n`, ',', 'f.csv')[1]!.cells).toEqual([long, 'z']);
    const again = new CsvRowSplitter(',', '/data/contacts.csv', () => undefined);
    again.push('h\n');
    expect(() => {
      for (let i = 0; i < 6; i++) again.push(piece);
    }).toThrow('contacts.csv, line 2: a field runs past 4 MB');
  });
  it('keeps text after a closing quote and quotes inside unquoted fields', () => {
    expect(splitCsvRows('"Bob" Smith,5" tall\n', ',', 'f.csv')).toEqual([{ line: 1, cells: ['Bob Smith', '5" tall'] }]);
  });
  it('gives the same rows however the text is cut into pieces', () => {
    const text = 'h1,h2\r\n"a\r\nb","c""d"\r\ne,f\r\n"",\rg,h';
    const whole = splitCsvRows(text, ',', 'f.csv');
    for (let cut = 0; cut <= text.length; cut++) {
      const rows: CsvRow[] = [];
      const s = new CsvRowSplitter(',', 'f.csv', (r) => rows.push(r));
      s.push(text.slice(0, cut));
      s.push(text.slice(cut));
      s.end();
      expect(rows).toEqual(whole);
    }
  });
});

describe('CsvRowSplitter against the char-by-char reference', () => {
  type Outcome = { rows: CsvRow[]; stray: number; firstStray: number | null; error: string | null; lines: number };
  const run = (make: (onRow: (r: CsvRow) => void) => CsvRowSplitter | ReferenceCsvRowSplitter, pieces: string[], cutShort: boolean): Outcome => {
    const rows: CsvRow[] = [];
    const splitter = make((r) => rows.push(r));
    let error: string | null = null;
    try {
      for (const piece of pieces) splitter.push(piece);
      const dropped = splitter.end({ cutShort });
      if (dropped !== null) error = `dropped ${dropped}`;
    } catch (e) {
      error = e instanceof ImportError ? e.message : `not an ImportError: ${String(e)}`;
    }
    return { rows, stray: splitter.strayQuotes, firstStray: splitter.firstStrayQuoteLine, error, lines: splitter.linesSeen };
  };
  it('gives the same rows, lines, stray quotes and errors for any text cut anywhere', () => {
    const piece = fc.constantFrom('a', 'bc', ',', ';', '\t', '"', '""', '\n', '\r', '\r\n', ' ', 'é', '🚀', 'x"y');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 80 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.constantFrom(',', ';', '\t'),
        fc.boolean(),
        (parts, cuts, delimiter, cutShort) => {
          const text = parts.join('');
          const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const pieces: string[] = [];
          let from = 0;
          for (const cut of at) {
            pieces.push(text.slice(from, cut));
            from = cut;
          }
          pieces.push(text.slice(from));
          const fast = run((onRow) => new CsvRowSplitter(delimiter, 'f.csv', onRow), pieces, cutShort);
          const reference = run((onRow) => new ReferenceCsvRowSplitter(delimiter, 'f.csv', onRow), pieces, cutShort);
          expect(fast).toEqual(reference);
        },
      ),
      { numRuns: 5000 },
    );
  });
});

/** detectDelimiter as it was: the whole sample read under each delimiter, its first 200 rows counted. */
function detectDelimiterWhole(sample: string): string {
  let best = ',';
  let bestScore = 0;
  let bestWidth = 1;
  for (const delimiter of [',', ';', '\t', '|']) {
    const rows: CsvRow[] = [];
    const splitter = new CsvRowSplitter(delimiter, 'sample', (row) => {
      if (rows.length < 200) rows.push(row);
    });
    try {
      splitter.push(sample);
    } catch {
      // as detectDelimiter
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

describe('detectDelimiter', () => {
  it('decides from the first 200 rows as when it read the whole sample', () => {
    const line = fc.array(fc.constantFrom('a', 'bb', ',', ';', '\t', '|', '"', ' '), { maxLength: 12 }).map((p) => p.join('').repeat(8));
    const block = fc.tuple(line, fc.integer({ min: 1, max: 150 })).map(([l, n]) => Array(n).fill(l).join('\n'));
    fc.assert(
      fc.property(fc.array(block, { maxLength: 5 }), (blocks) => {
        const sample = blocks.join('\n');
        expect(detectDelimiter(sample)).toBe(detectDelimiterWhole(sample));
      }),
      { numRuns: 300 },
    );
  });
  it('finds comma, semicolon, tab and pipe', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('Fornavn;Efternavn;Firma\nJürgen;Müller, Dr.;Acme\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1,5\t2\t3\n')).toBe('\t');
    expect(detectDelimiter('a|b\n1|2\n')).toBe('|');
    expect(detectDelimiter(PREAMBLE + 'First Name,Last Name\nA,B\n')).toBe(',');
  });
});

describe('readCsvTable', () => {
  it('skips the LinkedIn preamble: header on line 4', () => {
    const t = readCsvTable(PREAMBLE + 'First Name,Last Name,URL\nAna,Lima,https://x\nBo,Li,', 'Connections.csv');
    expect(t.header).toEqual(['First Name', 'Last Name', 'URL']);
    expect(t.headerLine).toBe(4);
    expect(t.delimiter).toBe(',');
    expect(t.rows).toEqual([
      { line: 5, cells: ['Ana', 'Lima', 'https://x'] },
      { line: 6, cells: ['Bo', 'Li', ''] },
    ]);
  });
  it('skips blank lines before the header', () => {
    const t = readCsvTable('\r\n\r\nA;B\r\n1;2\r\n', 'f.csv');
    expect(t).toMatchObject({ header: ['A', 'B'], headerLine: 3, delimiter: ';', rows: [{ line: 4, cells: ['1', '2'] }] });
  });
  it('undoes whole-row quoting', () => {
    const t = readCsvTable('"Ana,Lima,,Acme,CEO,27 Nov 2023"\n"Bo,""Li, MBA"",,,,1 Jan 2020"\n', 'f.csv');
    expect(t.header).toEqual(['Ana', 'Lima', '', 'Acme', 'CEO', '27 Nov 2023']);
    expect(t.headerLine).toBe(1);
    expect(t.rows).toEqual([{ line: 2, cells: ['Bo', 'Li, MBA', '', '', '', '1 Jan 2020'] }]);
  });
  it('pads short rows and warns once about ragged rows', () => {
    const t = readCsvTable('a,b,c\n1,2\n3,4,5,6\n7,8,9,\n', 'f.csv');
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['1', '2', ''],
      ['3', '4', '5', '6'],
      ['7', '8', '9', ''],
    ]);
    expect(t.warnings).toEqual(['2 row(s) have a different number of columns than the header (first at line 2)']);
  });
  it('reads tab-separated text', () => {
    expect(readCsvTable('Date\tActivity\n2018-01-01\tx\n', 'f.csv').rows[0].cells).toEqual(['2018-01-01', 'x']);
  });
  it('streams in pieces with the same result', () => {
    const text = PREAMBLE + 'A,B\n' + Array.from({ length: 5000 }, (_, i) => `"n${i}\nx",${i}`).join('\r\n');
    const rows: CsvRow[] = [];
    const reader = new CsvTableReader('f.csv', { onRow: (r) => rows.push(r) });
    for (let i = 0; i < text.length; i += 997) reader.push(text.slice(i, i + 997));
    const summary = reader.end();
    expect(summary).toMatchObject({ header: ['A', 'B'], headerLine: 4, rowCount: 5000 });
    expect(rows[4999]).toEqual({ line: 5 + 2 * 4999, cells: ['n4999\nx', '4999'] });
    expect(rows).toEqual(readCsvTable(text, 'f.csv').rows);
  });
  it('never throws anything but ImportError and never hangs', () => {
    const piece = fc.constantFrom('a', ',', ';', '\t', '"', '\n', '\r', '\r\n', ' ', 'é', '🚀', '""');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        try {
          readCsvTable(parts.join(''), 'f.csv');
        } catch (error) {
          expect(error).toBeInstanceOf(ImportError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
