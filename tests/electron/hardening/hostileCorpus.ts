// Bad files for every importer format: a good sample of each format, then generators that break it (cut, mis-encoded, binary, huge, nested, bombs).
import { randomBytes } from 'node:crypto';
import { linkedInConnections } from '../../fixtures/tempDb';
import { OUTLOOK_EN, outlookHeader, outlookRow } from '../../fixtures/connections/connectionFixtures';
import {
  CALLS_CSV,
  INTERACTIONS_CSV,
  INVITATIONS_2023,
  MESSAGES_2022,
  callsXml,
  facebookThread,
  gmailMbox,
  googleCalendar,
} from '../../fixtures/interactions/interactionFixtures';

export interface FormatSample {
  kind: 'connections' | 'interactions';
  format: string;
  /** The extension an export of this format carries, so that auto-detection sees it as it would. */
  ext: string;
  text: string;
}

const GOOGLE = ['Name', 'Given Name', 'Family Name', 'E-mail 1 - Type', 'E-mail 1 - Value', 'Organization 1 - Name', 'Organization 1 - Title'];

export const SAMPLES: FormatSample[] = [
  {
    kind: 'connections',
    format: 'linkedin',
    ext: 'csv',
    text: linkedInConnections([
      'Ann,Bee,https://www.linkedin.com/in/ann-bee,ann@example.com,Beehive,Keeper,12 Jan 2019',
      'Carl,"Dee, PhD",https://www.linkedin.com/in/carl-dee,,"Dee ""Inc""",CTO,03 Mar 2021',
    ]),
  },
  {
    kind: 'connections',
    format: 'google',
    ext: 'csv',
    text: [GOOGLE.join(','), 'Łukasz Wójcik,Łukasz,Wójcik,* Work,lukasz@example.pl,Contoso,Engineer', 'Bo Li,Bo,Li,,bo@example.cn,,'].join('\n'),
  },
  {
    kind: 'connections',
    format: 'outlook',
    ext: 'csv',
    text: [outlookHeader(OUTLOOK_EN), outlookRow(OUTLOOK_EN, { 'First Name': 'Ann', 'Last Name': 'Bee', 'E-mail Address': 'ann@example.com', Company: 'Beehive' })].join('\r\n'),
  },
  {
    kind: 'connections',
    format: 'facebook',
    ext: 'json',
    text: JSON.stringify({ friends_v2: [{ name: 'Ann Bee', timestamp: 1700000000 }, { name: 'Carl Dee', timestamp: 1600000000 }] }),
  },
  {
    kind: 'connections',
    format: 'vcard',
    ext: 'vcf',
    text: ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Ann Bee', 'N:Bee;Ann;;;', 'EMAIL:ann@example.com', 'ORG:Beehive', 'END:VCARD', 'BEGIN:VCARD', 'VERSION:3.0', 'FN:Carl Dee', 'END:VCARD', ''].join('\r\n'),
  },
  { kind: 'connections', format: 'csv', ext: 'csv', text: ['Name,Email,Company,Friends Since', 'Ann Bee,ann@example.com,Beehive,2019-01-12', 'Carl Dee,,Dee Inc,2021-03-03'].join('\n') },
  { kind: 'interactions', format: 'linkedin-messages', ext: 'csv', text: MESSAGES_2022 },
  { kind: 'interactions', format: 'linkedin-invitations', ext: 'csv', text: INVITATIONS_2023 },
  { kind: 'interactions', format: 'mbox', ext: 'mbox', text: gmailMbox() },
  { kind: 'interactions', format: 'ics', ext: 'ics', text: googleCalendar() },
  { kind: 'interactions', format: 'calls', ext: 'csv', text: CALLS_CSV },
  { kind: 'interactions', format: 'calls-xml', ext: 'xml', text: callsXml() },
  { kind: 'interactions', format: 'csv', ext: 'csv', text: INTERACTIONS_CSV },
  { kind: 'interactions', format: 'facebook-messages', ext: 'json', text: facebookThread() },
];

/** A deterministic byte stream, so that a failing case is the same file on the next run. */
function pseudoRandomBytes(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  let s = seed >>> 0 || 7;
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = s & 0xff;
  }
  return out;
}

function firstLine(text: string): string {
  return text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? text;
}

function utf16leNoBom(text: string): Buffer {
  return Buffer.from(text, 'utf16le');
}

/** Latin-1 é, ÿ and lone continuation bytes dropped into the middle of UTF-8 text. */
function sprinkleLatin1(text: string): Buffer {
  const utf8 = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  for (let i = 0; i < utf8.length; i += 17) parts.push(utf8.subarray(i, i + 17), Buffer.from([0xe9, 0xff, 0x80]));
  return Buffer.concat(parts);
}

function billionLaughs(): string {
  const entities = ['<!ENTITY a "aaaaaaaaaa">'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    entities.push(`<!ENTITY ${String.fromCharCode(97 + i)} "${`&${prev};`.repeat(10)}">`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!DOCTYPE calls [ ${entities.join(' ')} <!ENTITY ext SYSTEM "file:///etc/passwd"> ]>`,
    '<calls count="2">',
    '  <call number="&j;" duration="60" date="1706290307000" type="1" contact_name="&j;" />',
    '  <call number="+15550100" duration="60" date="1706290307000" type="1" contact_name="&ext;" />',
    '</calls>',
  ].join('\n');
}

function jsonNestingBomb(sample: FormatSample, depth: number): string {
  const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
  return sample.format === 'facebook-messages' ? `{"participants":[{"name":"Owner Person"}],"messages":${deep}}` : `{"friends_v2":${deep}}`;
}

export interface BadFile {
  name: string;
  /** Large cases are written just before they run and removed after. */
  make(sample: FormatSample): Buffer;
  /** Too slow to run twice (explicit format and auto-detection): explicit only. */
  heavy?: boolean;
}

export const HUGE_LINE_BYTES = 50 * 1024 * 1024;

export const BAD_FILES: BadFile[] = [
  { name: 'empty', make: () => Buffer.alloc(0) },
  { name: 'bom-only', make: () => Buffer.from([0xef, 0xbb, 0xbf]) },
  { name: 'utf16-bom-only', make: () => Buffer.from([0xff, 0xfe]) },
  { name: 'header-cut', make: (s) => Buffer.from(firstLine(s.text).slice(0, Math.max(1, Math.floor(firstLine(s.text).length / 2)))) },
  { name: 'row-cut', make: (s) => Buffer.from(s.text.slice(0, Math.floor(s.text.length * 0.7))) },
  { name: 'multibyte-cut', make: (s) => Buffer.concat([Buffer.from(s.text), Buffer.from('Wójcik 🚀', 'utf8').subarray(0, 9)]) },
  { name: 'utf16-no-bom', make: (s) => utf16leNoBom(s.text) },
  { name: 'latin1-sprinkled', make: (s) => sprinkleLatin1(s.text) },
  { name: 'png', make: () => Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), pseudoRandomBytes(4096, 1)]) },
  { name: 'zip', make: () => Buffer.concat([Buffer.from('504b0304140000000800', 'hex'), Buffer.from('Connections.csv'), pseudoRandomBytes(4096, 2)]) },
  { name: 'random', make: () => pseudoRandomBytes(65_536, 3) },
  { name: 'crypto-random', make: () => randomBytes(8192) },
  { name: 'nul-inside', make: (s) => Buffer.concat([Buffer.from(s.text.slice(0, s.text.length >> 1)), Buffer.alloc(100), Buffer.from(s.text.slice(s.text.length >> 1))]) },
  {
    name: 'unbalanced-quotes',
    make: (s) => Buffer.from(`${firstLine(s.text)}\n"Ann,"Bee""",x"y,"""\n${'a"b,"c\n'.repeat(10_000)}"never closed,${'z'.repeat(1000)}\n`),
  },
  { name: 'nested-quotes', make: (s) => Buffer.from(`${firstLine(s.text)}\n${'"'.repeat(200_001)}\n${'""'.repeat(50_000)},x\n`) },
  {
    name: 'wide',
    make: (s) => {
      const header = Array.from({ length: 20_000 }, (_, i) => `Col${i}`);
      header[0] = firstLine(s.text).split(',')[0] ?? 'Name';
      return Buffer.from(`${header.join(',')}\n${Array.from({ length: 20_000 }, (_, i) => `v${i}`).join(',')}\n${'x,'.repeat(30_000)}\n`);
    },
  },
  { name: 'xml-bomb', make: () => Buffer.from(billionLaughs()) },
  { name: 'json-bomb', make: (s) => Buffer.from(jsonNestingBomb(s, 200_000)) },
  { name: 'json-unbalanced', make: (s) => Buffer.from(jsonNestingBomb(s, 100_000).slice(0, -50_010)) },
  { name: 'markup', make: () => Buffer.from('<!DOCTYPE html><html><body><table><tr><td>Ann</td></tr></table></body></html>') },
  // 300,000 rows that are all skipped: the skipped list must stay bounded (it was spread into an array and overflowed the stack).
  { name: 'many-skipped', heavy: true, make: (s) => Buffer.from(`${firstLine(s.text)}\n${',,,,,,\n'.repeat(300_000)}`) },
  {
    name: 'huge-line',
    heavy: true,
    make: (s) => Buffer.concat([Buffer.from(`${firstLine(s.text)}\n`), Buffer.alloc(HUGE_LINE_BYTES, 'x')]),
  },
  {
    name: 'quote-to-end',
    heavy: true,
    make: (s) => Buffer.concat([Buffer.from(`${firstLine(s.text)}\n"`), Buffer.alloc(8 * 1024 * 1024, 'y,\n')]),
  },
];
