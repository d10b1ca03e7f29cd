// A file is a list of people (SPEC §6): rows of one file join only on a strong identifier or when every
// field is equal, in every connection format; re-imports, re-exports and databases keyed by name keys.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile, readHead } from '../../../electron/engine/imports/importFile';
import { previewFile } from '../../../electron/engine/imports/previewFile';
import { undoBatch } from '../../../electron/engine/store/batchUndo';
import { runAudit } from '../../../electron/engine/audit/runAudit';
import { readPersonDetail } from '../../../electron/engine/audit/personDetail';
import { nameKey } from '../../../shared/identity/nameKey';
import { linkedInConnections, tempWorkspace, type TempWorkspace } from '../../fixtures/tempDb';
import { LINKEDIN_PREAMBLE } from '../../fixtures/connections/connectionFixtures';

let ws: TempWorkspace;
beforeEach(() => {
  ws = tempWorkspace();
});
afterEach(() => ws.close());

const count = (table: string): number => (ws.ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const names = (): string[] => ws.ctx.db.prepare(`SELECT display_name FROM persons ORDER BY display_name, id`).pluck().all() as string[];

/** A LinkedIn export of the years without the URL column (or with it stripped before sharing). */
function urlLess(rows: string[]): string {
  return `${LINKEDIN_PREAMBLE}First Name,Last Name,Email Address,Company,Position,Connected On\n${rows.join('\n')}\n`;
}

const AMIT_EXL = 'Amit,Kumar,,EXL,Programmer Analyst,28 Mar 2022';
const AMIT_MS = 'Amit,Kumar,,Morgan Stanley,Data Scientist - Director,28 Mar 2022';
const RODRIGO_GAVB = 'Rodrigo,Ribeiro da Silva (GAVB),,GAVB,Engineer,10 May 2021';
const RODRIGO_OPEN = 'Rodrigo,Santos da Silva (Open Co),,Open Co,Engineer,10 May 2021';

async function load(name: string, text: string, format?: string) {
  return importFile(ws.ctx.db, ws.write(name, text), { kind: 'connections', ...(format ? { format } : {}) });
}

describe('rows of one file', () => {
  it('LinkedIn without URLs: namesakes on one date and names with one name key are different people; an identical row is joined', async () => {
    const text = urlLess([AMIT_EXL, AMIT_MS, RODRIGO_GAVB, RODRIGO_OPEN, AMIT_EXL]);
    const s = await load('Connections.csv', text);
    expect(s).toMatchObject({ added: 4, skipped: 1, joined: 1 });
    expect(s.skippedRows).toEqual([{ line: 9, reason: 'the same connection as line 5 (every field equal)' }]);
    expect(names()).toEqual(['Amit Kumar', 'Amit Kumar', 'Rodrigo Ribeiro da Silva (GAVB)', 'Rodrigo Santos da Silva (Open Co)']);
    // The same file again changes nothing.
    const again = await load('Connections.csv', text);
    expect(again).toMatchObject({ added: 0, updated: 0, missing: 0, batchId: null, joined: 1 });
    expect(count('connections')).toBe(4);
  });

  it('rows whose key repeats with a field spelt differently are matched by order, and a re-import finds each again', async () => {
    const text = urlLess(['Amit,Kumar,,EXL,Analyst,28 Mar 2022', 'AMIT,KUMAR,,EXL,Analyst,28 Mar 2022', 'Amit,Kumar,,exl,analyst,28 Mar 2022']);
    expect(await load('Connections.csv', text)).toMatchObject({ added: 3, joined: 0 });
    const keys = ws.ctx.db.prepare(`SELECT external_key FROM connections ORDER BY id`).pluck().all();
    expect(keys).toEqual(['r:amit kumar|exl|analyst|2022-03-28', 'r:amit kumar|exl|analyst|2022-03-28#2', 'r:amit kumar|exl|analyst|2022-03-28#3']);
    expect(await load('Connections.csv', text)).toMatchObject({ added: 0, updated: 0, missing: 0 });
  });

  it('any strong identifier joins two rows, not only the first one; the reason names it', async () => {
    const rows = [
      'Ana,Lima,https://www.linkedin.com/in/ana-lima,ana@contoso.com,Contoso,CEO,27 Nov 2023',
      'Ana,Lima,,ANA@contoso.com,Contoso,CEO,27 Nov 2023',
      'Bo,Li,https://www.linkedin.com/in/bo-li,,Fabrikam,CTO,03 Mar 2024',
      'Bo,Li,https://www.linkedin.com/in/bo-li-2,,Fabrikam,CTO,03 Mar 2024',
    ];
    const s = await load('Connections.csv', linkedInConnections(rows));
    expect(s).toMatchObject({ added: 3, joined: 1 });
    expect(s.joinedRows).toEqual([{ line: 6, sameAs: 5, why: 'same e-mail ana@contoso.com' }]);
  });

  it('Google: service numbers that share first and last word, contacts known only by a phone, an e-mail or an organisation, and a shared e-mail', async () => {
    const google = [
      'Name,Given Name,Family Name,E-mail 1 - Value,Phone 1 - Value,Organization 1 - Name',
      'AIRTEL DOCOMO VIRGIN CARE TOLL FREE,AIRTEL,FREE,,121,',
      'AIRTEL GPRS BALANCE TOLL FREE,AIRTEL,FREE,,12310,',
      ',,,,+91 98765 43210,',
      ',,,priya.n@example.in,,',
      'Wei Zhang,Wei,Zhang,,,Huawei',
      'Wei Zhang,Wei,Zhang,,,Tencent',
      'Wei Zhang,Wei,Zhang,,,Huawei',
      'W. Zhang,,,wei.zhang@example.cn,,',
      'Zhang Wei,,,WEI.ZHANG@example.cn,,',
      ',,,,,AIRTEL CUSTOMER CARE',
    ].join('\n');
    const s = await load('contacts.csv', google, 'google');
    expect(s).toMatchObject({ added: 8, joined: 2 });
    expect(s.skippedRows).toEqual([
      { line: 8, reason: 'the same connection as line 6 (every field equal)' },
      { line: 10, reason: 'the same connection as line 9 (same e-mail wei.zhang@example.cn)' },
    ]);
    expect(names()).toEqual(
      ['+91 98765 43210', 'AIRTEL CUSTOMER CARE', 'AIRTEL DOCOMO VIRGIN CARE TOLL FREE', 'AIRTEL GPRS BALANCE TOLL FREE', 'W. Zhang', 'Wei Zhang', 'Wei Zhang', 'priya.n@example.in'].sort((a, b) =>
        a < b ? -1 : 1,
      ),
    );
    // The audit names them the same way: nobody is blank.
    const audited = runAudit(ws.ctx.db, { asOf: '2026-01-01' }).persons.map((p) => p.name);
    expect(audited).toHaveLength(8);
    expect(audited).toContain('+91 98765 43210');
    expect(audited).toContain('priya.n@example.in');
    expect(audited.every((n) => n.trim() !== '')).toBe(true);
    // And the person page, its connection row included.
    const phoneOnly = ws.ctx.db.prepare(`SELECT id FROM persons WHERE display_name = '+91 98765 43210'`).pluck().get() as string;
    const detail = readPersonDetail(ws.ctx.db, phoneOnly);
    expect(detail.person.name).toBe('+91 98765 43210');
    expect(detail.connections.map((c) => c.name)).toEqual(['+91 98765 43210']);
  });

  it('Outlook: namesakes without an e-mail are kept, a shared phone joins', async () => {
    const outlook = [
      'First Name,Middle Name,Last Name,Company,Job Title,E-mail Address,Mobile Phone',
      'Maria,,da Silva,Itaú,Analyst,,',
      'Maria,Aparecida,da Silva,Itaú,Analyst,,',
      'Maria,,da Silva,Bradesco,Manager,,+55 11 91234-5678',
      'Maria,,Silva,Bradesco,Manager,,+55 (11) 91234 5678',
    ].join('\r\n');
    const s = await load('outlook.csv', outlook, 'outlook');
    expect(s).toMatchObject({ added: 3, joined: 1 });
    expect(s.joinedRows).toEqual([{ line: 5, sameAs: 4, why: 'same phone +5511912345678' }]);
  });

  it('vCard: cards of one repeated-letter name with different local numbers, and cards with only an EMAIL or a TEL', async () => {
    const card = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n');
    const vcf = [
      card('FN:A A', 'N:A;A;;;', 'TEL;TYPE=CELL:098765 43210'),
      card('FN:A A', 'N:A;A;;;', 'TEL;TYPE=CELL:099887 76655'),
      card('EMAIL:only@example.com'),
      card('TEL:+1 202 555 0147'),
      card('FN:A A', 'N:A;A;;;', 'TEL;TYPE=CELL:098765 43210'),
    ].join('\r\n');
    const s = await load('contacts.vcf', vcf);
    expect(s).toMatchObject({ added: 4, joined: 1 });
    expect(s.joinedRows).toEqual([{ line: 21, sameAs: 1, why: 'every field equal' }]);
    expect(names()).toEqual(['+1 202 555 0147', 'A A', 'A A', 'only@example.com']);
    expect(await load('contacts.vcf', vcf)).toMatchObject({ added: 0, updated: 0, missing: 0 });
  });

  it('Facebook: two friends of one name added the same day are two people; the very same entry twice is one', async () => {
    const json = JSON.stringify({
      friends_v2: [
        { name: 'Mohammed Ali', timestamp: 1650000000 },
        { name: 'Mohammed Ali', timestamp: 1650003600 },
        { name: 'Mohammed Ali', timestamp: 1650000000 },
      ],
    }, null, 2);
    const s = await load('your_friends.json', json);
    expect(s).toMatchObject({ format: 'facebook', added: 2, joined: 1 });
    expect(count('persons')).toBe(2);
    expect(await load('your_friends.json', json)).toMatchObject({ added: 0, updated: 0, missing: 0 });
  });

  it('a generic friends list: namesakes with the same "friends since" are kept apart by their other columns', async () => {
    const csv = ['Display Name,Friends Since,City', 'Wei Zhang,2009-04-01,Beijing', 'Wei Zhang,2009-04-01,Shanghai', 'Wei Zhang,2009-04-01,Beijing'].join('\n');
    const s = await load('friendster.csv', csv, 'csv');
    expect(s).toMatchObject({ added: 2, joined: 1 });
    expect(await load('friendster.csv', csv, 'csv')).toMatchObject({ added: 0, updated: 0, missing: 0 });
  });
});

describe('later exports of the same network', () => {
  it('a new position at the same employer updates the connection (same person, same tags), among namesakes too', async () => {
    await load('Connections.csv', urlLess([AMIT_EXL, AMIT_MS]));
    const before = ws.ctx.db.prepare(`SELECT person_id FROM connections WHERE company = 'EXL'`).pluck().get();
    const s = await load('Connections.csv', urlLess([AMIT_MS, 'Amit,Kumar,,EXL,Senior Programmer Analyst,28 Mar 2022']));
    expect(s).toMatchObject({ added: 0, updated: 1, missing: 0 });
    const exl = ws.ctx.db.prepare(`SELECT person_id AS personId, position, external_key AS k FROM connections WHERE company = 'EXL'`).get();
    expect(exl).toEqual({ personId: before, position: 'Senior Programmer Analyst', k: 'r:amit kumar|exl|senior programmer analyst|2022-03-28' });
    // Undo puts the old position and key back.
    expect(undoBatch(ws.ctx.db, s.batchId!)).toBe(true);
    expect(ws.ctx.db.prepare(`SELECT position, external_key AS k FROM connections WHERE company = 'EXL'`).get()).toEqual({
      position: 'Programmer Analyst',
      k: 'r:amit kumar|exl|programmer analyst|2022-03-28',
    });
  });

  it('a changed row is never taken by a namesake: exact rows find their own connections first, whatever the order', async () => {
    await load('Connections.csv', urlLess([AMIT_EXL, AMIT_MS]));
    // A third Amit Kumar of the same day comes first; both stored ones are unchanged.
    const s = await load('Connections.csv', urlLess(['Amit,Kumar,,Goldman Sachs,VP,28 Mar 2022', AMIT_EXL, AMIT_MS]));
    expect(s).toMatchObject({ added: 1, updated: 0, missing: 0 });
  });

  it('namesakes who both changed employer and title are not guessed: new connections, the old ones reported missing', async () => {
    await load('Connections.csv', urlLess([AMIT_EXL, AMIT_MS]));
    const s = await load('Connections.csv', urlLess(['Amit,Kumar,,Goldman Sachs,VP,28 Mar 2022', 'Amit,Kumar,,Citi,Quant,28 Mar 2022']));
    expect(s).toMatchObject({ added: 2, updated: 0, missing: 2 });
  });

  it('one person of a name and date who changed employer and title is still found', async () => {
    await load('Connections.csv', urlLess([AMIT_EXL, RODRIGO_GAVB]));
    const s = await load('Connections.csv', urlLess(['Amit,Kumar,,Morgan Stanley,Director,28 Mar 2022', RODRIGO_GAVB]));
    expect(s).toMatchObject({ added: 0, updated: 1, missing: 0 });
  });

  it('a database written with name keys: the same URL-less file adds only the namesakes it lost, then nothing', async () => {
    await load('Connections.csv', urlLess([AMIT_EXL, RODRIGO_GAVB]));
    // What the earlier versions stored: `n:<name key>|<date>` (and the namesake rows were dropped).
    const rekey = ws.ctx.db.prepare(`UPDATE connections SET external_key = ? WHERE id = ?`);
    for (const c of ws.ctx.db.prepare(`SELECT id, full_name AS name, connected_on AS day FROM connections`).all() as { id: number; name: string; day: string }[]) {
      rekey.run(`n:${nameKey(c.name)}|${c.day}`, c.id);
    }
    const text = urlLess([AMIT_MS, AMIT_EXL, RODRIGO_OPEN, RODRIGO_GAVB]);
    const s = await load('Connections.csv', text);
    expect(s).toMatchObject({ added: 2, missing: 0 });
    expect(count('connections')).toBe(4);
    const exlPerson = ws.ctx.db.prepare(`SELECT position FROM connections WHERE company = 'EXL'`).pluck().all();
    expect(exlPerson).toEqual(['Programmer Analyst']);
    expect(await load('Connections.csv', text)).toMatchObject({ added: 0, updated: 0, missing: 0 });
  });

  it('a later export that adds a URL column finds the connection stored by its e-mail', async () => {
    await load('Connections.csv', urlLess(['Ana,Lima,ana@contoso.com,Contoso,CEO,27 Nov 2023']));
    const s = await load('Connections.csv', linkedInConnections(['Ana,Lima,https://www.linkedin.com/in/ana-lima,ana@contoso.com,Contoso,CEO,27 Nov 2023']));
    expect(s).toMatchObject({ added: 0, updated: 1, missing: 0 });
    expect(await load('Connections.csv', linkedInConnections(['Ana,Lima,https://www.linkedin.com/in/ana-lima,ana@contoso.com,Contoso,CEO,27 Nov 2023']))).toMatchObject({
      added: 0,
      updated: 0,
      batchId: null,
    });
  });
});

describe('the preview', () => {
  it('lists the joins of the whole file, beyond the rows it shows, before anything is written', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => `Wei,Zhang,,Company ${i % 7},Engineer ${i},01 Jan 2020`);
    const path = ws.write('Connections.csv', urlLess([AMIT_EXL, ...many, AMIT_MS, AMIT_EXL, 'Wei,Zhang,,Company 3,Engineer 10,01 Jan 2020']));
    const p = await previewFile(path, readHead(path), 'Connections.csv', { kind: 'connections' });
    expect(p.rows).toHaveLength(20);
    expect(p).toMatchObject({
      joinsComplete: true,
      joined: 2,
      joins: [
        { line: 3007, sameAs: 5, why: 'every field equal' },
        { line: 3008, sameAs: 16, why: 'every field equal' },
      ],
    });
    expect(count('connections')).toBe(0);
    const s = await importFile(ws.ctx.db, path, { kind: 'connections' });
    expect(s).toMatchObject({ added: 3002, joined: 2, joinedRows: 'joins' in p ? p.joins : 'no joins in the preview' });
  });
});
