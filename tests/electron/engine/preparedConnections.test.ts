// Connection rows prepared off the writing thread (imports/preparedConnections.ts): the compact batches
// the parse worker posts read back as exactly the rows prepared in-thread, and an import leaves the same
// database and summary either way, into a fresh network, beside another network, and imported again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { streamConnectionFile } from '../../../electron/engine/importers/connections';
import { ConnectionPreparer, decodePreparedRows, type PreparedConnection } from '../../../electron/engine/imports/preparedConnections';
import { FileRowJoiner } from '../../../electron/engine/imports/fileRowJoiner';
import { identitiesOfConnection } from '../../../electron/engine/store/identityKeys';
import { importFile, type ImportFileOptions } from '../../../electron/engine/imports/importFile';
import type { Db } from '../../../electron/engine/db/openDatabase';
import type { ConnectionRecord } from '../../../shared/domain/records';
import { linkedInConnections, tempWorkspace, type TempWorkspace } from '../../fixtures/tempDb';
import { LINKEDIN_PREAMBLE } from '../../fixtures/connections/connectionFixtures';

let ws: TempWorkspace;
beforeEach(() => {
  ws = tempWorkspace();
});
afterEach(() => {
  ws.close();
  delete process.env.TIECHECK_PARSE_IN;
});

// Rows joined by a later e-mail, by a URL, by every field; namesakes keyed by their fields (#2, #3);
// headline and credential names; a row with an e-mail only, one with nothing but a name.
const LINKEDIN = linkedInConnections([
  'Ana,Lima,https://www.linkedin.com/in/ana-lima,ana@contoso.com,Contoso,CEO,27 Nov 2023',
  'Ana,Lima,,ANA@contoso.com,Contoso,CEO,27 Nov 2023',
  'Bo,Li,https://www.linkedin.com/in/bo-li,,Fabrikam,CTO,03 Mar 2024',
  'Bo,Li,https://www.linkedin.com/in/bo-li-2,,Fabrikam,CTO,03 Mar 2024',
  'Bo,Li,HTTPS://WWW.LINKEDIN.COM/IN/BO-LI/,,Fabrikam,CTO,03 Mar 2024',
  'Ade,"Oshewolo, CFA",https://www.linkedin.com/in/ade-oshewolo,,Bank,Analyst,01 Jan 2020',
  'Fábio,Sato,https://www.linkedin.com/in/fábio-sato-42,,,,02 Feb 2019',
  'Jane,Doe | CEO at Contoso,,jane@example.com,,,04 Apr 2017',
  'Amit,Kumar,,,EXL,Analyst,28 Mar 2022',
  'AMIT,KUMAR,,,EXL,Analyst,28 Mar 2022',
  'Amit,Kumar,,,exl,analyst,28 Mar 2022',
  'Amit,Kumar,,,EXL,Analyst,28 Mar 2022',
  ',,,,,,',
  'Zoë,"O\'Brien (she/her)",,,"Acme, Inc.","Lead ""Ops""",',
]);

const GOOGLE = [
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
  'Ana Lima,Ana,Lima,ana@contoso.com,+55 11 91234-5678,Contoso',
].join('\n');

async function recordsOf(name: string, text: string, batch = 3): Promise<ConnectionRecord[][]> {
  const batches: ConnectionRecord[][] = [];
  const pending: ConnectionRecord[] = [];
  await streamConnectionFile(ws.write(name, text), { format: 'auto' }, (records) => pending.push(...records));
  // Cut into small batches: a preparer remembers the rows of the batches before.
  for (let i = 0; i < pending.length; i += batch) batches.push(pending.slice(i, i + batch));
  return batches;
}

describe('prepared connection rows', () => {
  for (const [name, text] of [
    ['Connections.csv', LINKEDIN],
    ['contacts.csv', GOOGLE],
  ] as const) {
    it(`${name}: a worker's batches read back as the rows prepared in-thread, verdicts as the file's joiner gives them`, async () => {
      const inThread = new ConnectionPreparer();
      const inWorker = new ConnectionPreparer();
      const joiner = new FileRowJoiner();
      const prepared: PreparedConnection[] = [];
      const decoded: PreparedConnection[] = [];
      const expected: PreparedConnection[] = [];
      for (const batch of await recordsOf(name, text)) {
        for (const r of batch) {
          const ids = identitiesOfConnection(r);
          const v = joiner.verdict(r, ids);
          expected.push({ r: { ...r }, ids, verdict: 'join' in v ? { join: v.join } : { key: v.key, rowKey: v.rowKey } });
        }
        const copies = batch.map((r) => ({ ...r }));
        // Across the thread boundary as the worker posts it: JSON text.
        decoded.push(...decodePreparedRows(JSON.parse(inWorker.encode(copies)) as unknown[]));
        prepared.push(...inThread.prepare(batch));
      }
      // What the session reads of a row: its fields (without rawRow), identities and verdict.
      const plain = (rows: PreparedConnection[]) =>
        rows.map(({ r: { rawRow: _raw, ...fields }, ids, verdict }) => ({ r: fields, ids, verdict: 'join' in verdict ? { join: verdict.join } : { key: verdict.key, rowKey: verdict.rowKey } }));
      expect(plain(prepared)).toEqual(plain(expected));
      expect(decoded).toEqual(plain(expected));
      // In-thread rows keep their rawRow; across threads it is not sent.
      expect(prepared.map((p) => p.r.rawRow)).toEqual(expected.map((p) => p.r.rawRow));
      expect(decoded.every((p) => p.r.rawRow === undefined)).toBe(true);
      // The fixture has each kind of verdict.
      expect(expected.some((p) => 'join' in p.verdict)).toBe(true);
      expect(expected.some((p) => 'key' in p.verdict && p.verdict.rowKey)).toBe(true);
      expect(expected.some((p) => 'key' in p.verdict && !p.verdict.rowKey)).toBe(true);
    });
  }
});

const TABLES = ['import_batches', 'persons', 'identities', 'connections', 'batch_changes'];

/** Every row of the tables a connection import writes; person ids by order of creation, creation instants blanked. */
function contents(db: Db): Record<string, string[]> {
  const rank = new Map((db.prepare(`SELECT id FROM persons ORDER BY rowid`).pluck().all() as string[]).map((id, i) => [id, `person#${i}`]));
  const out: Record<string, string[]> = {};
  for (const table of TABLES) {
    const rows = db.prepare(`SELECT * FROM ${table} ${table === 'identities' ? '' : 'ORDER BY rowid'}`).all() as Record<string, unknown>[];
    out[table] = rows.map((row) => {
      if ('created_at' in row) row.created_at = '(now)';
      return JSON.stringify(row).replace(/p_[0-9a-f]{20}/g, (id) => rank.get(id) ?? id);
    });
    if (table === 'identities') out[table].sort();
  }
  return out;
}

const URL_LESS = `${LINKEDIN_PREAMBLE}First Name,Last Name,Email Address,Company,Position,Connected On\nAmit,Kumar,,EXL,Analyst,28 Mar 2022\nAmit,Kumar,,Morgan Stanley,Director,28 Mar 2022\nJane,Doe,jane@example.com,Acme,CTO,15 Mar 2021\n`;

/** Fresh LinkedIn; Google beside it (lookups into another network); LinkedIn again with changes and rows gone; a URL-less re-export. */
const STEPS: { name: string; text: string; options: ImportFileOptions }[] = [
  { name: 'Connections.csv', text: LINKEDIN, options: { kind: 'connections' } },
  { name: 'contacts.csv', text: GOOGLE, options: { kind: 'connections' } },
  {
    name: 'Connections.csv',
    text: LINKEDIN.replace('Fabrikam,CTO,03 Mar 2024\nBo,Li,https://www.linkedin.com/in/bo-li-2', 'Fabrikam,CEO,03 Mar 2024\nBo,Li,https://www.linkedin.com/in/bo-li-2').replace(/^Jane,Doe.*$/m, ''),
    options: { kind: 'connections', removals: true },
  },
  { name: 'Connections.csv', text: URL_LESS, options: { kind: 'connections' } },
];

async function importSteps(mode: 'thread' | 'worker'): Promise<{ summaries: unknown[]; db: Record<string, string[]> }> {
  process.env.TIECHECK_PARSE_IN = mode;
  const w = tempWorkspace();
  try {
    const summaries: unknown[] = [];
    for (const step of STEPS) {
      const s = await importFile(w.ctx.db, w.write(step.name, step.text), step.options);
      summaries.push({ ...s, batchId: s.batchId === null ? null : 'batch', missingConnections: (s.missingConnections ?? []).map((c) => c.name) });
    }
    return { summaries, db: contents(w.ctx.db) };
  } finally {
    w.close();
  }
}

describe('an import with its rows prepared in the parse worker', () => {
  it('leaves the same database and summaries as one prepared in-thread, step after step', async () => {
    const thread = await importSteps('thread');
    const worker = await importSteps('worker');
    // The steps do what they say: rows added, joined, updated, missing and removed, matched across networks.
    expect(thread.summaries).toMatchObject([
      { added: 10, joined: 3 },
      { added: 8, joined: 2 },
      { updated: 1, missing: 1, removed: 1 },
      { added: 1, updated: 1 },
    ]);
    expect(thread.db.batch_changes.length).toBeGreaterThan(0);
    expect(worker.summaries).toEqual(thread.summaries);
    expect(worker.db).toEqual(thread.db);
  }, 60_000);
});
