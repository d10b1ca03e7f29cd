// The prune-list CSV: columns, RFC 4180 quoting, OWASP neutralisation and a papaparse read-back.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { formatCsvCell, neutraliseCell, PRUNE_CSV_COLUMNS, writePruneCsv } from '../../../shared/export/pruneCsv';
import type { PruneRow } from '../../../shared/export/pruneCsv';

const HEADER = 'Name,Profile URL,Company,Position,Connected On,Tier,Last Contact,Tags';

function row(overrides: Partial<PruneRow> = {}): PruneRow {
  return {
    name: 'Ada Lovelace',
    profileUrl: 'https://www.linkedin.com/in/ada',
    company: 'Analytical Engines',
    position: 'Engineer',
    connectedOn: '2015-01-01',
    tier: 'dilution',
    lastContact: null,
    tags: ['prune', 'old job'],
    ...overrides,
  };
}

function readBack(csv: string): string[][] {
  const result = Papa.parse<string[]>(csv, { delimiter: ',', newline: '\r\n', quoteChar: '"', skipEmptyLines: false });
  expect(result.errors).toEqual([]);
  const rows = result.data;
  expect(rows[rows.length - 1]).toEqual(['']);
  return rows.slice(0, -1);
}

const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r', '\n', '\0'];
const expectedCell = (value: string) => (value !== '' && FORMULA_STARTS.includes(value[0]) ? `'${value}` : value);

describe('neutraliseCell and formatCsvCell', () => {
  it.each(FORMULA_STARTS)('neutralises a cell starting with %j', (start) => {
    expect(neutraliseCell(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(formatCsvCell(`${start}1+1`)).toBe(`"'${start}1+1"`);
  });

  it('leaves ordinary text alone and quotes only what RFC 4180 needs', () => {
    expect(neutraliseCell('Contoso')).toBe('Contoso');
    expect(neutraliseCell('')).toBe('');
    expect(neutraliseCell('a=b')).toBe('a=b');
    expect(neutraliseCell(" =1")).toBe(' =1');
    expect(formatCsvCell('Contoso')).toBe('Contoso');
    expect(formatCsvCell('Contoso, Ltd')).toBe('"Contoso, Ltd"');
    expect(formatCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(formatCsvCell('two\nlines')).toBe('"two\nlines"');
    expect(formatCsvCell('cr\ronly')).toBe('"cr\ronly"');
    expect(formatCsvCell('=cmd|\' /C calc\'!A0')).toBe('"\'=cmd|\' /C calc\'!A0"');
    expect(formatCsvCell('="x"')).toBe('"\'=""x"""');
  });
});

describe('writePruneCsv', () => {
  it('writes the header with a BOM by default and CRLF line ends', () => {
    expect(writePruneCsv([])).toBe(`\uFEFF${HEADER}\r\n`);
    expect(writePruneCsv([], { bom: false })).toBe(`${HEADER}\r\n`);
    expect(PRUNE_CSV_COLUMNS.join(',')).toBe(HEADER);
  });

  it('writes one line per row, tags joined with "; ", nulls empty', () => {
    const csv = writePruneCsv([row(), row({ name: 'Bob', profileUrl: null, connectedOn: null, lastContact: '2020-03-04', tier: 'fading', tags: [] })], { bom: false });
    expect(csv).toBe(
      `${HEADER}\r\n` +
        'Ada Lovelace,https://www.linkedin.com/in/ada,Analytical Engines,Engineer,2015-01-01,dilution,,prune; old job\r\n' +
        'Bob,,Analytical Engines,Engineer,,fading,2020-03-04,\r\n',
    );
  });

  it('neutralises formulas in every text column', () => {
    const csv = writePruneCsv(
      [row({ name: '=cmd|\' /C calc\'!A0', company: '@SUM(1)', position: '-2+3', profileUrl: '+1', tags: ['=HYPERLINK("x")', 'keep'] })],
      { bom: false },
    );
    const [, cells] = readBack(csv);
    expect(cells).toEqual(["'=cmd|' /C calc'!A0", "'+1", "'@SUM(1)", "'-2+3", '2015-01-01', 'dilution', '', '\'=HYPERLINK("x"); keep']);
    expect(csv.split('\r\n')[1]).toBe('"\'=cmd|\' /C calc\'!A0","\'+1","\'@SUM(1)","\'-2+3",2015-01-01,dilution,,"\'=HYPERLINK(""x""); keep"');
  });

  it('neutralises a tags cell only by its first character', () => {
    const [, cells] = readBack(writePruneCsv([row({ tags: ['keep', '-x'] })], { bom: false }));
    expect(cells[7]).toBe('keep; -x');
  });

  it('reads back through papaparse as the original values, prefixed exactly where the rule says', () => {
    const nasty = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('=cmd|\' /C calc\'!A0', '@SUM(1)', '-2+3', '+1', '\tx', '\rx', '\nx', '\0x', 'a,b', 'a"b', '"', '""', 'a\r\nb', 'x\ry', ''),
      fc.array(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '\0', '"', ',', ' ', 'a', "'", '\r\n'), { maxLength: 8 }).map((parts) => parts.join('')),
    );
    const pruneRow = fc.record({
      name: nasty,
      profileUrl: fc.option(nasty),
      company: nasty,
      position: nasty,
      connectedOn: fc.option(nasty),
      tier: nasty,
      lastContact: fc.option(nasty),
      tags: fc.array(nasty, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(pruneRow, { maxLength: 5 }), fc.boolean(), (rows, bom) => {
        const csv = writePruneCsv(rows, { bom });
        expect(csv.startsWith('\uFEFF')).toBe(bom);
        const [header, ...body] = readBack(bom ? csv.slice(1) : csv);
        expect(header).toEqual([...PRUNE_CSV_COLUMNS]);
        expect(body).toEqual(
          rows.map((r) =>
            [r.name, r.profileUrl ?? '', r.company, r.position, r.connectedOn ?? '', r.tier, r.lastContact ?? '', r.tags.join('; ')].map(expectedCell),
          ),
        );
      }),
      { numRuns: 1000 },
    );
  });
});
