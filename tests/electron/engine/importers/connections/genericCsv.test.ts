import { describe, expect, it } from 'vitest';
import { detectConnectionFormat, parseConnectionBuffer, previewConnectionBuffer } from '../../../../../electron/engine/importers/connections';
import { ImportError } from '../../../../../electron/engine/importers/importError';
import { encode, withLineEnds, type FixtureEncoding, fieldsOf } from '../../../../fixtures/connections/connectionFixtures';

describe('any CSV of people', () => {
  it('recognises synonyms regardless of case, spaces and punctuation', () => {
    const text = withLineEnds(['Display Name,E-Mail,Profile URL,Employer,Job title,Friends since,Mobile', 'Friendster Fan,fan@example.com,http://friendster.com/fan,Acme,Tester,2004-05-06,555 0100'], '\n');
    const p = parseConnectionBuffer(encode(text), '/home/me/Friendster Friends.csv');
    expect(p.format).toBe('csv');
    expect(p.network).toBe('friendster friends');
    expect(fieldsOf(p.records)).toEqual([
      { line: 2, firstName: '', lastName: '', fullName: 'Friendster Fan', emails: ['fan@example.com'], profileUrls: ['http://friendster.com/fan'], phones: ['555 0100'], company: 'Acme', position: 'Tester', connectedOn: '2004-05-06' },
    ]);
  });

  it.each([
    ['name', 'Name'], ['name', 'full_name'], ['name', 'FULL NAME'], ['firstName', 'given name'], ['firstName', 'First-Name'],
    ['lastName', 'Surname'], ['lastName', 'family name'], ['email', 'Email Address'], ['email', 'e-mail'],
    ['url', 'link'], ['url', 'profile'], ['company', 'Organization'], ['position', 'Title'],
    ['connectedOn', 'Date'], ['connectedOn', 'Added'], ['connectedOn', 'Connection Date'], ['phone', 'Phone'],
  ])('%s ← "%s"', (field, column) => {
    const p = previewConnectionBuffer(encode(`${column},Email\nvalue,x@example.com\n`), 'people.csv');
    expect(p.mapping[field]).toBe(column);
  });

  it('a user mapping overrides recognition and names the network', () => {
    const text = 'Who,Mail,Since,Title\nAna Lima,ana@example.com,2020-01-02,CEO\n';
    const p = parseConnectionBuffer(encode(text), 'ryze.csv', { map: { name: 'Who', email: 'mail', connectedOn: 'Since', position: '' }, network: 'Ryze' });
    expect(p.network).toBe('Ryze');
    expect(p.records[0]).toMatchObject({ fullName: 'Ana Lima', emails: ['ana@example.com'], connectedOn: '2020-01-02', position: '' });
  });

  it('refuses a file with no recognisable columns, listing what it found', () => {
    const run = () => parseConnectionBuffer(encode('a,b,c\n1,2,3\n'), 'numbers.csv');
    expect(run).toThrow(ImportError);
    expect(run).toThrow('numbers.csv, line 1: no recognisable columns (found: a, b, c); map them with --map field=Column');
  });

  it('refuses a mapping to a missing column or an unknown field', () => {
    expect(() => parseConnectionBuffer(encode('Name\nA\n'), 'p.csv', { map: { email: 'Nope' } })).toThrow(/no column "Nope" for email/);
    expect(() => parseConnectionBuffer(encode('Name\nA\n'), 'p.csv', { map: { shoe: 'Name' } })).toThrow(/unknown field "shoe"/);
  });

  it('a one-column list of names', () => {
    const p = parseConnectionBuffer(encode('Name\nAna Lima\nBo Li\n'), 'names.csv');
    expect(p.records.map((r) => [r.line, r.fullName])).toEqual([[2, 'Ana Lima'], [3, 'Bo Li']]);
  });

  it('detects formats from names and content', () => {
    expect(detectConnectionFormat('friends.json', '{}')).toBe('facebook');
    expect(detectConnectionFormat('x.txt', 'BEGIN:VCARD\r\nEND:VCARD')).toBe('vcard');
    expect(detectConnectionFormat('Connections.csv', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n')).toBe('linkedin');
    expect(detectConnectionFormat('people.csv', ['Name', 'Email'])).toBe('csv');
    expect(detectConnectionFormat('people.csv', ['Given Name', 'Family Name', 'E-mail 1 - Value'])).toBe('google');
  });
});

const NAMES = ['Renée Dubois', 'Jürgen Müller', 'François Öztürk', 'Zoë Ångström'];
const WIDE = ['Łukasz Wójcik', 'Renée Dubois, MBA 🚀', 'Đinh Ngọc'];

describe('encodings, line ends and delimiters', () => {
  const cases: [FixtureEncoding, string[]][] = [
    ['utf-8', [...NAMES, ...WIDE]],
    ['utf-8-bom', [...NAMES, ...WIDE]],
    ['utf-16le', [...NAMES, ...WIDE]],
    ['utf-16be', [...NAMES, ...WIDE]],
    ['windows-1252', NAMES],
  ];
  for (const [encoding, names] of cases) {
    for (const [eolName, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
      for (const delimiter of [',', ';', '\t']) {
        it(`${encoding}, ${eolName}, ${JSON.stringify(delimiter)}: names round-trip with their lines`, () => {
          const q = (s: string) => (s.includes(delimiter) ? `"${s}"` : s);
          const lines = [['Full Name', 'Email', 'Company'].join(delimiter), ...names.map((n, i) => [q(n), `p${i}@example.com`, q('Café, Ltd')].join(delimiter))];
          const p = previewConnectionBuffer(encode(withLineEnds(lines, eol, encoding !== 'utf-8'), encoding), 'people.csv', {}, 100);
          expect(p.encoding).toBe(encoding === 'utf-8-bom' ? 'utf-8' : encoding);
          expect(p.records.map((r) => r.fullName)).toEqual(names);
          expect(p.records.map((r) => r.line)).toEqual(names.map((_, i) => i + 2));
          expect(p.records[0].company).toBe('Café, Ltd');
          expect(p.totalRows).toBe(names.length);
        });
      }
    }
  }
});

describe('bad input', () => {
  it('an unterminated quote names the file and the line where the field starts', () => {
    const text = 'First Name,Last Name,Email Address,Company,Position,Connected On\nAna,Lima,,,,1 Jan 2020\nBo,"Li, MBA,,,,1 Jan 2020\nCy,Ho,,,,1 Jan 2020\n';
    expect(() => parseConnectionBuffer(encode(text), '/tmp/x/Connections.csv')).toThrow('Connections.csv, line 3: unterminated quoted field');
  });
  it('a binary file renamed .csv', () => {
    const zip = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 0), Buffer.from([0x14, 0, 0x08, 0x08, 0xff, 0xd8])]);
    expect(() => parseConnectionBuffer(zip, 'Connections.csv')).toThrow(/^Connections\.csv: not a text file/);
  });
  it('an empty file, or one with only blank lines or a BOM', () => {
    for (const buf of [Buffer.alloc(0), Buffer.from('\r\n\n  \n'), Buffer.from([0xef, 0xbb, 0xbf])]) {
      expect(() => parseConnectionBuffer(buf, 'Connections.csv')).toThrow('Connections.csv: the file is empty');
    }
  });
  it('an HTML page (older Facebook archives) is refused with a hint', () => {
    expect(() => parseConnectionBuffer(encode('<!DOCTYPE html><html><body><h2>Friends</h2></body></html>'), 'friends.htm')).toThrow(/HTML or XML page.*JSON format/);
  });
  it('a header with no rows is not an error', () => {
    const p = parseConnectionBuffer(encode('First Name,Last Name,Connected On\n'), 'Connections.csv');
    expect(p.records).toEqual([]);
    expect(p.warnings).toEqual(['the file has a header but no rows']);
  });
});

describe('previewConnectionBuffer', () => {
  it('shows format, columns, mapping, the first rows and the total', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `P${i},Q${i},,,Acme,CEO,1 Jan 2020`);
    const p = previewConnectionBuffer(encode('First Name,Last Name,URL,Email Address,Company,Position,Connected On\n' + rows.join('\n')), 'Connections.csv', {}, 5);
    expect(p).toMatchObject({ format: 'linkedin', network: 'linkedin', encoding: 'utf-8', totalRows: 50 });
    expect(p.columns).toEqual(['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On']);
    expect(p.mapping).toEqual({ name: null, firstName: 'First Name', lastName: 'Last Name', email: 'Email Address', url: 'URL', company: 'Company', position: 'Position', connectedOn: 'Connected On', phone: null });
    expect(p.records).toHaveLength(5);
  });
  it('accepts the cut-short head of a large file', () => {
    const full = Buffer.from('Name,Notes\nAna,"a note\nover lines"\nZoë,"cut here');
    const cut = full.subarray(0, full.length - 1);
    const p = previewConnectionBuffer(Buffer.concat([cut, Buffer.from([0xc3])]), 'p.csv');
    expect(p.encoding).toBe('utf-8');
    expect(p.records.map((r) => r.fullName)).toEqual(['Ana']);
    expect(p.warnings.join(' ')).toMatch(/line 4: the text ends inside a quoted field/);
  });
});
