import { describe, expect, it } from 'vitest';
import { detectConnectionFormat, parseConnectionBuffer } from '../../../../../electron/engine/importers/connections';
import { encode, OUTLOOK_DE, OUTLOOK_EN, OUTLOOK_FR, outlookHeader, outlookRow, widen, fieldsOf } from '../../../../fixtures/connections/connectionFixtures';

const GOOGLE_LEGACY = [
  'Name', 'Given Name', 'Additional Name', 'Family Name', 'Yomi Name', 'Given Name Yomi', 'Additional Name Yomi', 'Family Name Yomi',
  'Name Prefix', 'Name Suffix', 'Initials', 'Nickname', 'Short Name', 'Maiden Name', 'Birthday', 'Gender', 'Location',
  'Billing Information', 'Directory Server', 'Mileage', 'Occupation', 'Hobby', 'Sensitivity', 'Priority', 'Subject', 'Notes',
  'Group Membership', 'E-mail 1 - Type', 'E-mail 1 - Value', 'E-mail 2 - Type', 'E-mail 2 - Value', 'Phone 1 - Type', 'Phone 1 - Value',
  'Organization 1 - Type', 'Organization 1 - Name', 'Organization 1 - Yomi Name', 'Organization 1 - Title', 'Organization 1 - Department',
  'Website 1 - Type', 'Website 1 - Value',
];

function googleRow(values: Record<string, string>): string {
  return GOOGLE_LEGACY.map((h) => {
    const v = values[h] ?? '';
    return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(',');
}

describe('Google Contacts CSV', () => {
  it('legacy layout: groups, " ::: " multi-values, a nameless contact whose Name is its phone', () => {
    const text = [
      GOOGLE_LEGACY.join(','),
      googleRow({
        Name: 'Łukasz Wójcik', 'Given Name': 'Łukasz', 'Family Name': 'Wójcik', 'Group Membership': '* myContacts',
        'E-mail 1 - Type': '* Work', 'E-mail 1 - Value': 'lukasz@example.pl ::: l.wojcik@example.com', 'E-mail 2 - Value': 'lw@gmail.com',
        'Phone 1 - Type': 'Mobile', 'Phone 1 - Value': '+48 600 100 200 ::: +48 22 100 20 30',
        'Organization 1 - Name': 'Contoso', 'Organization 1 - Title': 'Engineer', 'Website 1 - Value': 'https://lukasz.example.pl',
      }),
      googleRow({ Name: '+1 555-123-4567', 'Phone 1 - Type': 'Mobile', 'Phone 1 - Value': '+1 555-123-4567' }),
      googleRow({ 'E-mail 1 - Value': 'only@example.com' }),
      googleRow({ 'Group Membership': '* myContacts' }),
    ].join('\r\n');
    expect(detectConnectionFormat('contacts.csv', text)).toBe('google');
    const p = parseConnectionBuffer(encode(text), 'contacts.csv');
    expect(p.format).toBe('google');
    expect(p.network).toBe('google');
    expect(fieldsOf(p.records)).toEqual([
      {
        line: 2, firstName: 'Łukasz', lastName: 'Wójcik', fullName: 'Łukasz Wójcik',
        emails: ['lukasz@example.pl', 'l.wojcik@example.com', 'lw@gmail.com'], profileUrls: ['https://lukasz.example.pl'],
        phones: ['+48 600 100 200', '+48 22 100 20 30'], company: 'Contoso', position: 'Engineer', connectedOn: null,
      },
      { line: 3, firstName: '', lastName: '', fullName: '', emails: [], profileUrls: [], phones: ['+1 555-123-4567'], company: '', position: '', connectedOn: null },
      { line: 4, firstName: '', lastName: '', fullName: '', emails: ['only@example.com'], profileUrls: [], phones: [], company: '', position: '', connectedOn: null },
    ]);
    expect(p.skipped).toEqual([{ line: 5, reason: 'no name, e-mail, URL or phone' }]);
  });

  it('current layout: First/Middle/Last Name, Organization Name/Title, E-mail and Phone values', () => {
    const header = [
      'First Name', 'Middle Name', 'Last Name', 'Phonetic First Name', 'Phonetic Middle Name', 'Phonetic Last Name', 'Name Prefix',
      'Name Suffix', 'Nickname', 'File As', 'Organization Name', 'Organization Title', 'Organization Department', 'Birthday', 'Notes',
      'Photo', 'Labels', 'E-mail 1 - Label', 'E-mail 1 - Value', 'Phone 1 - Label', 'Phone 1 - Value',
    ];
    const row = ['Zoë', 'Maria', 'Ångström', 'Zo-ee', '', '', '', '', '', '', 'Acme AB', 'CTO', '', '', '', '', '* myContacts', '* Work', 'zoe@acme.se', 'Mobile', '+46 70 123 45 67'];
    const p = parseConnectionBuffer(encode(header.join(',') + '\n' + row.join(',') + '\n'), 'contacts (1).csv');
    expect(p.format).toBe('google');
    expect(fieldsOf(p.records)).toEqual([
      { line: 2, firstName: 'Zoë', lastName: 'Ångström', fullName: 'Zoë Maria Ångström', emails: ['zoe@acme.se'], profileUrls: [], phones: ['+46 70 123 45 67'], company: 'Acme AB', position: 'CTO', connectedOn: null },
    ]);
  });
});

describe('Outlook CSV', () => {
  it.each([
    ['English, 59 columns', OUTLOOK_EN, { first: 'First Name', last: 'Last Name', email: 'E-mail Address', company: 'Company', job: 'Job Title', title: 'Title', phone: 'Mobile Phone', web: 'Web Page' }],
    ['English, 88 columns', widen(OUTLOOK_EN, 88), { first: 'First Name', last: 'Last Name', email: 'E-mail Address', company: 'Company', job: 'Job Title', title: 'Title', phone: 'Mobile Phone', web: 'Web Page' }],
    ['French, 92 columns', widen(OUTLOOK_FR, 92), { first: 'Prénom', last: 'Nom', email: 'Adresse de messagerie', company: 'Société', job: 'Fonction', title: 'Titre', phone: 'Téléphone mobile', web: 'Page Web' }],
    ['German, 56 columns', widen(OUTLOOK_DE, 56), { first: 'Vorname', last: 'Nachname', email: 'E-Mail-Adresse', company: 'Firma', job: 'Position', title: 'Anrede', phone: 'Mobiltelefon', web: 'Webseite' }],
  ])('%s, Windows-1252, fully quoted header, "0/0/00" dates', (_, header, c) => {
    const text = [
      outlookHeader(header),
      outlookRow(header, { [c.first]: 'Renée', [c.last]: 'Dubois', [c.email]: 'renee@example.fr', [c.company]: 'Café Crème', [c.job]: 'Gérante', [c.title]: 'Mme', [c.phone]: '+33 6 12 34 56 78', [c.web]: 'https://renee.example.fr' }),
    ].join('\r\n');
    expect(header.length).toBeGreaterThanOrEqual(24);
    const buf = encode(text, 'windows-1252');
    const p = parseConnectionBuffer(buf, 'contacts.CSV');
    expect(p.format).toBe('outlook');
    expect(p.network).toBe('outlook');
    expect(fieldsOf(p.records)).toEqual([
      { line: 2, firstName: 'Renée', lastName: 'Dubois', fullName: 'Renée Dubois', emails: ['renee@example.fr'], profileUrls: ['https://renee.example.fr'], phones: ['+33 6 12 34 56 78'], company: 'Café Crème', position: 'Gérante', connectedOn: null },
    ]);
    expect(p.warnings).toEqual([]);
  });

  it('data fields may be bare, the display-name and type columns are not addresses', () => {
    const header = outlookHeader(OUTLOOK_EN);
    const row = OUTLOOK_EN.map((h) => ({ 'First Name': 'Bob', 'Last Name': 'Stone', 'E-mail Address': 'bob@example.com', 'E-mail Display Name': 'Bob Stone (bob@example.com)', 'E-mail Type': 'SMTP', Birthday: '0/0/00' })[h] ?? '').join(',');
    const p = parseConnectionBuffer(encode(header + '\n' + row), 'outlook.csv');
    expect(p.records[0]).toMatchObject({ fullName: 'Bob Stone', emails: ['bob@example.com'], connectedOn: null });
  });
});
