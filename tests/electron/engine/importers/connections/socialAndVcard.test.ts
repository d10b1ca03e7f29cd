import { describe, expect, it } from 'vitest';
import { parseConnectionBuffer, repairFacebookText } from '../../../../../electron/engine/importers/connections';
import { ImportError } from '../../../../../electron/engine/importers/importError';
import { encode, facebookEscape, fieldsOf } from '../../../../fixtures/connections/connectionFixtures';

describe('Facebook friends JSON', () => {
  it('reads "friends" (2018–19) with byte-escaped names, timestamps and deleted accounts', () => {
    const text = [
      '{',
      '  "friends": [',
      '    {',
      `      "name": "${facebookEscape('José Álvarez')}",`,
      '      "timestamp": 1528748575',
      '    },',
      '    {',
      `      "name": "${facebookEscape('Đinh Ngọc')}",`,
      '      "timestamp": 1357000000',
      '    },',
      '    {',
      '      "name": "",',
      '      "timestamp": 1357000001',
      '    }',
      '  ]',
      '}',
    ].join('\n');
    expect(text).toContain('Jos\\u00c3\\u00a9');
    const p = parseConnectionBuffer(encode(text), 'friends.json');
    expect(p.format).toBe('facebook');
    expect(p.network).toBe('facebook');
    expect(fieldsOf(p.records)).toEqual([
      { line: 4, firstName: '', lastName: '', fullName: 'José Álvarez', emails: [], profileUrls: [], phones: [], company: '', position: '', connectedOn: '2018-06-11' },
      { line: 8, firstName: '', lastName: '', fullName: 'Đinh Ngọc', emails: [], profileUrls: [], phones: [], company: '', position: '', connectedOn: '2013-01-01' },
    ]);
    expect(p.skipped).toEqual([{ line: 12, reason: 'deleted account' }]);
  });

  it('reads "friends_v2" (2024–) on one line, by entry number', () => {
    const json = JSON.stringify({ friends_v2: [{ name: 'Zo\u00c3\u00ab \u00c3\u0085ngstr\u00c3\u00b6m', timestamp: 1700000000 }, { name: 'Plain Name', timestamp: 1700000000 }] });
    const p = parseConnectionBuffer(encode(json), 'your_friends.json');
    expect(p.records.map((r) => [r.line, r.fullName, r.connectedOn])).toEqual([
      [1, 'Zoë Ångström', '2023-11-14'],
      [1, 'Plain Name', '2023-11-14'],
    ]);
  });

  it('leaves real Latin-1 text and wide text alone', () => {
    expect(repairFacebookText('Ren\u00e9e')).toBe('Renée');
    expect(repairFacebookText('Łukasz')).toBe('Łukasz');
    expect(repairFacebookText('\u00c3\u0085')).toBe('Å');
  });

  it('refuses JSON that is not a friends list, and broken JSON with a line', () => {
    expect(() => parseConnectionBuffer(encode('{"messages":[]}'), 'x.json')).toThrow(/not a Facebook friends file/);
    expect(() => parseConnectionBuffer(encode('{\n"friends": [\n{"name": }\n]}'), 'friends.json')).toThrow(ImportError);
  });
});

describe('vCard', () => {
  it('reads 2.1 quoted-printable with soft breaks and CHARSET, 3.0 escapes and folding, 4.0 item groups, cards with only an EMAIL', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;',
      'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BC=',
      'ller',
      'ORG;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:M=FCller GmbH;Vertrieb',
      'TEL;CELL:+49 170 1234567',
      'EMAIL;INTERNET:juergen@example.de',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Dubois\\, MBA;Renée;;;',
      'FN:Renée Dubois\\, MBA 🚀',
      'ORG:Café\\; Crème;',
      'TITLE:Head of Sales\\, EMEA',
      'NOTE:a very long note that is folded',
      '  onto a second line',
      'item1.EMAIL;TYPE=INTERNET:renee@exam',
      ' ple.fr',
      'item1.X-ABLabel:Work',
      'item2.URL:https\\://renee.example.fr',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'EMAIL;TYPE=work:mailto:only@example.com',
      'TEL;VALUE=uri:tel:+1-555-0100',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'NOTE:nothing else',
      'END:VCARD',
    ].join('\r\n');
    const p = parseConnectionBuffer(encode(text), 'contacts.vcf');
    expect(p.format).toBe('vcard');
    expect(p.network).toBe('vcard');
    expect(fieldsOf(p.records)).toEqual([
      { line: 1, firstName: 'Jürgen', lastName: 'Müller', fullName: 'Jürgen Müller', emails: ['juergen@example.de'], profileUrls: [], phones: ['+49 170 1234567'], company: 'Müller GmbH', position: '', connectedOn: null },
      { line: 10, firstName: 'Renée', lastName: 'Dubois, MBA', fullName: 'Renée Dubois, MBA 🚀', emails: ['renee@example.fr'], profileUrls: ['https://renee.example.fr'], phones: [], company: 'Café; Crème', position: 'Head of Sales, EMEA', connectedOn: null },
      { line: 23, firstName: '', lastName: '', fullName: '', emails: ['only@example.com'], profileUrls: [], phones: ['+1-555-0100'], company: '', position: '', connectedOn: null },
    ]);
    expect(p.skipped).toEqual([{ line: 28, reason: 'empty card (no name, e-mail, URL or phone)' }]);
  });

  it('refuses a .vcf without cards', () => {
    expect(() => parseConnectionBuffer(encode('hello\n'), 'x.vcf')).toThrow('x.vcf: not a vCard file (no BEGIN:VCARD)');
  });
});
