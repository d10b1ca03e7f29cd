import { describe, expect, it } from 'vitest';
import { parseConnectionBuffer } from '../../../../../electron/engine/importers/connections';
import { csvLine, encode, LINKEDIN_PREAMBLE, OUTLOOK_EN, outlookHeader, outlookRow, withLineEnds, fieldsOf } from '../../../../fixtures/connections/connectionFixtures';

const HEADER_2018 = 'First Name,Last Name,Email Address,Company,Position,Connected On';
const HEADER_2023 = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

function parse(text: string | Buffer, name = 'Connections.csv') {
  return parseConnectionBuffer(typeof text === 'string' ? encode(text) : text, name);
}

describe('LinkedIn Connections.csv, every era', () => {
  it('2018: no preamble, US dates with time', () => {
    const p = parse(withLineEnds([HEADER_2018, 'Ana,Lima,ana@example.com,Acme,CEO,"1/8/18, 6:14 PM"', 'Bo,Li,,,,20 Nov 2018'], '\n'));
    expect(p.format).toBe('linkedin');
    expect(p.network).toBe('linkedin');
    expect(fieldsOf(p.records)).toEqual([
      { line: 2, firstName: 'Ana', lastName: 'Lima', fullName: 'Ana Lima', emails: ['ana@example.com'], profileUrls: [], phones: [], company: 'Acme', position: 'CEO', connectedOn: '2018-01-08' },
      { line: 3, firstName: 'Bo', lastName: 'Li', fullName: 'Bo Li', emails: [], profileUrls: [], phones: [], company: '', position: '', connectedOn: '2018-11-20' },
    ]);
  });

  it('2021: three-line preamble, header on line 4, no final newline', () => {
    const p = parse(LINKEDIN_PREAMBLE + HEADER_2018 + '\nAna,Lima,,Acme,CEO,17 Jun 2021\nBo,Li,,Beta,CTO,04 Jan 2004');
    expect(p.records.map((r) => [r.line, r.fullName, r.connectedOn])).toEqual([
      [5, 'Ana Lima', '2021-06-17'],
      [6, 'Bo Li', '2004-01-04'],
    ]);
    expect(p.warnings).toEqual([]);
  });

  it('mid 2023 on: URL column, percent-encoded slugs kept as given, urn emails dropped', () => {
    const p = parse(
      LINKEDIN_PREAMBLE +
        HEADER_2023 +
        '\nJürgen,Müller,https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-1a2b3c,urn:li:member:664293716,Contoso,Head of Sales,27 Nov 2023\nAna,Lima,,,Acme,CEO,26 Nov 2023\n',
    );
    expect(p.records[0]).toMatchObject({
      line: 5,
      fullName: 'Jürgen Müller',
      profileUrls: ['https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-1a2b3c'],
      emails: [],
      connectedOn: '2023-11-27',
    });
    expect(p.records[1].profileUrls).toEqual([]);
  });

  it('skips blank-person rows with their reason and line', () => {
    const p = parse(LINKEDIN_PREAMBLE + HEADER_2023 + '\nAna,Lima,,,Acme,CEO,26 Nov 2023\n,,,,,,27 Jul 2018\nBo,Li,,,,,1 Jan 2019');
    expect(p.records.map((r) => r.line)).toEqual([5, 7]);
    expect(p.skipped).toEqual([{ line: 6, reason: 'blank person (hidden or deleted member)' }]);
  });

  it('keeps emoji, credentials, scripts; trims trailing spaces; strips control characters', () => {
    const rows = [
      ['Renée ', 'Dubois, MBA 🚀', '', '', 'Acme ', 'VP\u0010 Sales', '1 Feb 2022'],
      ['Anke', 'Steenhuis-Daalhuizen 🍀', '', '', '', '', '1 Feb 2022'],
      ['Tolu', 'Oshewolo, CFA', '', '', '', '', '1 Feb 2022'],
      ['Łukasz', 'Wójcik', '', '', '', '', '1 Feb 2022'],
      ['Zoë', 'Ångström', '', '', '', '', '1 Feb 2022'],
      ['محمد', 'علي', '', '', '', '', '1 Feb 2022'],
      ['Nguyễn Văn An – Growth Marketer', 'Helping startups scale', '', '', '', '', '1 Feb 2022'],
    ];
    const p = parse(LINKEDIN_PREAMBLE + HEADER_2023 + '\n' + rows.map((r) => csvLine(r)).join('\n'));
    expect(p.records.map((r) => r.fullName)).toEqual([
      'Renée Dubois, MBA 🚀',
      'Anke Steenhuis-Daalhuizen 🍀',
      'Tolu Oshewolo, CFA',
      'Łukasz Wójcik',
      'Zoë Ångström',
      'محمد علي',
      'Nguyễn Văn An – Growth Marketer Helping startups scale',
    ]);
    expect(p.records[0]).toMatchObject({ firstName: 'Renée', company: 'Acme', position: 'VP Sales' });
  });

  it('≤2014: the Outlook layout in Windows-1252', () => {
    const text = [
      outlookHeader(OUTLOOK_EN),
      outlookRow(OUTLOOK_EN, { 'First Name': 'François', 'Last Name': 'Dupré', 'E-mail Address': 'f.dupre@example.fr', Company: 'Société Générale', 'Job Title': 'Directeur', Title: 'M.' }),
      outlookRow(OUTLOOK_EN, { 'First Name': 'Jürgen', 'Last Name': 'Müller', Company: 'Müller GmbH' }),
    ].join('\r\n');
    const p = parseConnectionBuffer(encode(text, 'windows-1252'), 'LinkedIn Connections.csv');
    expect(OUTLOOK_EN).toHaveLength(59);
    expect(p.format).toBe('linkedin');
    expect(fieldsOf(p.records)).toEqual([
      { line: 2, firstName: 'François', lastName: 'Dupré', fullName: 'François Dupré', emails: ['f.dupre@example.fr'], profileUrls: [], phones: [], company: 'Société Générale', position: 'Directeur', connectedOn: null },
      { line: 3, firstName: 'Jürgen', lastName: 'Müller', fullName: 'Jürgen Müller', emails: [], profileUrls: [], phones: [], company: 'Müller GmbH', position: '', connectedOn: null },
    ]);
  });
});

describe('LinkedIn after spreadsheet round trips', () => {
  it('CRLF, preamble gone, 23-Apr-23 dates, NA blanks', () => {
    const p = parse(withLineEnds([HEADER_2023, 'Ana,Lima,NA,NA,Acme,CEO,23-Apr-23', 'Bo,Li,NA,NA,NA,NA,01-Jan-19'], '\r\n'));
    expect(fieldsOf(p.records)).toEqual([
      { line: 2, firstName: 'Ana', lastName: 'Lima', fullName: 'Ana Lima', emails: [], profileUrls: [], phones: [], company: 'Acme', position: 'CEO', connectedOn: '2023-04-23' },
      { line: 3, firstName: 'Bo', lastName: 'Li', fullName: 'Bo Li', emails: [], profileUrls: [], phones: [], company: '', position: '', connectedOn: '2019-01-01' },
    ]);
  });

  it('Danish Excel: ";" + Windows-1252 + 16.09.2021 and a dropped column', () => {
    const text = withLineEnds(['First Name;Last Name;Company;Position;Connected On', 'Søren;Kierkegaard, PhD;Københavns Universitet;Lektor;16.09.2021', 'Renée;Dubois;Æble A/S;Chef;01.02.2020'], '\r\n');
    const p = parse(encode(text, 'windows-1252'));
    expect(p.format).toBe('linkedin');
    expect(p.records.map((r) => [r.line, r.fullName, r.company, r.connectedOn])).toEqual([
      [2, 'Søren Kierkegaard, PhD', 'Københavns Universitet', '2021-09-16'],
      [3, 'Renée Dubois', 'Æble A/S', '2020-02-01'],
    ]);
  });

  it('a UTF-8 BOM and two empty lines before the header', () => {
    const p = parse(encode('\n\n' + HEADER_2018 + '\nZoë,Ångström,,Acme,CEO,27 Nov 2023\n', 'utf-8-bom'));
    expect(p.records).toHaveLength(1);
    expect(p.records[0]).toMatchObject({ line: 4, fullName: 'Zoë Ångström', connectedOn: '2023-11-27' });
  });

  it('no header and each whole row quoted', () => {
    const rows = ['Ana,Lima,,Acme,CEO,27 Nov 2023', 'Renée,"Dubois, MBA 🚀",,,,1 Jan 2020', ',,,,,27 Jul 2018'];
    const p = parse(rows.map((r) => `"${r.replace(/"/g, '""')}"`).join('\r\n'));
    expect(p.format).toBe('linkedin');
    expect(p.records.map((r) => [r.line, r.fullName, r.company, r.connectedOn])).toEqual([
      [1, 'Ana Lima', 'Acme', '2023-11-27'],
      [2, 'Renée Dubois, MBA 🚀', '', '2020-01-01'],
    ]);
    expect(p.skipped).toEqual([{ line: 3, reason: 'blank person (hidden or deleted member)' }]);
    expect(p.warnings.join(' ')).toMatch(/no header row/);
  });

  it('warns once about dates it cannot read', () => {
    const p = parse(HEADER_2018 + '\nAna,Lima,,,,someday\nBo,Li,,,,never\n');
    expect(p.records.map((r) => r.connectedOn)).toEqual([null, null]);
    expect(p.warnings).toEqual(['2 connection date(s) could not be read and were left empty (first at line 2: "someday")']);
  });
});
