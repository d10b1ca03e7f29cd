// Parsing beside the writes changes no import's result: the same files imported with their parsing in a
// worker thread and in-thread leave the same database, row for row (person ids and creation times aside,
// which differ between any two imports), report the same summaries, and fail with the same messages.
import { afterEach, describe, expect, it } from 'vitest';
import { importFile, type ImportFileOptions } from '../../../electron/engine/imports/importFile';
import { generateDemoBundle, generateNetwork, writeMboxText } from '../../../shared/demo';
import type { Db } from '../../../electron/engine/db/openDatabase';
import { tempWorkspace, linkedInConnections, type TempWorkspace } from '../../fixtures/tempDb';
import { OUTLOOK_EN, encode, outlookHeader, outlookRow } from '../../fixtures/connections/connectionFixtures';
import {
  CALLS_CSV,
  INTERACTIONS_CSV,
  INVITATIONS_2023,
  MESSAGES_2018,
  MESSAGES_2022,
  MESSAGES_2025,
  callsXml,
  daemonMbox,
  facebookThread,
  gmailMbox,
  googleCalendar,
  thunderbirdMbox,
} from '../../fixtures/interactions/interactionFixtures';

interface FileImport {
  name: string;
  content: string | Buffer;
  options: ImportFileOptions;
}

const TABLES = ['import_batches', 'persons', 'identities', 'connections', 'batch_changes', 'contacts', 'interactions', 'participants', 'invitations', 'my_identities', 'settings'];

/** Every row of every table an import writes; person ids by order of creation, creation instants blanked. */
function contents(db: Db): Record<string, string[]> {
  const personIds = db.prepare(`SELECT id FROM persons ORDER BY rowid`).pluck().all() as string[];
  const rank = new Map(personIds.map((id, i) => [id, `person#${i}`]));
  const out: Record<string, string[]> = {};
  for (const table of TABLES) {
    const rows = db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
    out[table] = rows
      .map((row) => {
        if ('created_at' in row) row.created_at = '(now)';
        return JSON.stringify(row).replace(/p_[0-9a-f]{20}/g, (id) => rank.get(id) ?? id);
      })
      .sort();
  }
  return out;
}

async function importAll(mode: 'thread' | 'worker', files: FileImport[]): Promise<{ results: unknown[]; db: Record<string, string[]> }> {
  process.env.TIECHECK_PARSE_IN = mode;
  const ws: TempWorkspace = tempWorkspace();
  try {
    const results: unknown[] = [];
    for (const f of files) {
      try {
        const summary = await importFile(ws.ctx.db, ws.write(f.name, f.content), f.options);
        results.push({ ...summary, batchId: summary.batchId === null ? null : 'batch' });
      } catch (err) {
        results.push({ error: err instanceof Error ? `${err.constructor.name}: ${err.message}` : String(err) });
      }
    }
    return { results, db: contents(ws.ctx.db) };
  } finally {
    ws.close();
  }
}

afterEach(() => {
  delete process.env.TIECHECK_PARSE_IN;
});

const linkedin = linkedInConnections([
  'Jane,Doe,https://www.linkedin.com/in/jane-doe-123,jane@example.com,Acme,CTO,15 Mar 2021',
  'Ade,"Oshewolo, CFA",https://www.linkedin.com/in/ade-oshewolo,,Bank,Analyst,01 Jan 2020',
  'Fábio,Sato,https://www.linkedin.com/in/fábio-sato-42,,,,02 Feb 2019',
  'Alex,Smith,https://www.linkedin.com/in/alex-smith,,,,03 Mar 2018',
  'Alice,Example,,alice@example.com,,,04 Apr 2017',
  'Jane,Doe,https://www.linkedin.com/in/jane-doe-123,jane@example.com,Acme,CTO,15 Mar 2021',
]);

const FIXTURES: FileImport[] = [
  { name: 'Connections.csv', content: encode(linkedin, 'utf-16le'), options: { kind: 'connections' } },
  {
    name: 'contacts.csv',
    content: [outlookHeader(OUTLOOK_EN), outlookRow(OUTLOOK_EN, { 'First Name': 'Bob', 'Last Name': 'Builder', 'E-mail Address': 'bob@example.com', 'Mobile Phone': '+1 555 0101' })].join('\r\n'),
    options: { kind: 'connections', network: 'Outlook' },
  },
  { name: 'messages-2018.csv', content: MESSAGES_2018, options: { kind: 'interactions' } },
  { name: 'messages.csv', content: MESSAGES_2022, options: { kind: 'interactions', me: [{ kind: 'url', value: 'https://www.linkedin.com/in/owner-person' }] } },
  { name: 'messages-2025.csv', content: MESSAGES_2025, options: { kind: 'interactions' } },
  { name: 'Invitations.csv', content: INVITATIONS_2023, options: { kind: 'interactions' } },
  { name: 'All mail Including Spam and Trash.mbox', content: gmailMbox(), options: { kind: 'interactions' } },
  { name: 'daemon.mbox', content: daemonMbox(), options: { kind: 'interactions' } },
  { name: 'Inbox', content: thunderbirdMbox(), options: { kind: 'interactions', format: 'mbox' } },
  { name: 'calendar.ics', content: googleCalendar(), options: { kind: 'interactions' } },
  { name: 'calls.csv', content: CALLS_CSV, options: { kind: 'interactions' } },
  { name: 'calls.xml', content: callsXml(), options: { kind: 'interactions' } },
  { name: 'log.csv', content: INTERACTIONS_CSV, options: { kind: 'interactions', format: 'csv' } },
  { name: 'message_1.json', content: facebookThread(), options: { kind: 'interactions' } },
  // Imported again: every record a duplicate, nothing added.
  { name: 'messages.csv', content: MESSAGES_2022, options: { kind: 'interactions' } },
  // Refused, leaving the database as it was, with the same message either way.
  { name: 'broken.mbox', content: 'not a mailbox at all\n', options: { kind: 'interactions', format: 'mbox' } },
  { name: 'empty.csv', content: 'First Name,Last Name\n"unterminated', options: { kind: 'connections' } },
  { name: 'page.csv', content: '<!DOCTYPE html><html><body>Sign in</body></html>', options: { kind: 'connections' } },
];

describe('parsing in a worker thread', () => {
  it('leaves the same database as parsing in-thread, for every fixture', async () => {
    const thread = await importAll('thread', FIXTURES);
    const worker = await importAll('worker', FIXTURES);
    expect(thread.db.interactions.length).toBeGreaterThan(20);
    expect(thread.results.filter((r) => (r as { error?: string }).error).length).toBeGreaterThanOrEqual(2);
    expect(worker.results).toEqual(thread.results);
    expect(worker.db).toEqual(thread.db);
  }, 120_000);

  it('leaves the same database for a bench-like network and a mailbox of several MB (many batches, back-pressure)', async () => {
    const bundle = generateDemoBundle({ seed: 11, connections: 400, asOf: '2025-06-30' });
    const big = writeMboxText(generateNetwork({ seed: 12, connections: 400, asOf: '2025-06-30', me: bundle.me }), { targetBytes: 3 * 1024 * 1024 });
    const files: FileImport[] = [
      ...bundle.files.map((f) => ({ name: f.name, content: f.text, options: { kind: /connections/i.test(f.name) ? 'connections' : 'interactions', me: [{ kind: 'email', value: bundle.me.email }] } as ImportFileOptions })),
      { name: 'big.mbox', content: big, options: { kind: 'interactions' } },
    ];
    const thread = await importAll('thread', files);
    const worker = await importAll('worker', files);
    expect(thread.db.participants.length).toBeGreaterThan(5000);
    expect(worker.results).toEqual(thread.results);
    expect(worker.db).toEqual(thread.db);
  }, 240_000);

  it('parses large files in the worker by default (32 MB and more from the sources), smaller ones in-thread', async () => {
    const { parsesInWorker } = await import('../../../electron/engine/imports/parseBesideWrites');
    const ws = tempWorkspace();
    try {
      expect(parsesInWorker(ws.write('small.mbox', gmailMbox()))).toBe(false);
      expect(parsesInWorker(ws.write('medium.mbox', Buffer.alloc(4 * 1024 * 1024, 'a')))).toBe(false);
      expect(parsesInWorker(ws.write('big.mbox', Buffer.alloc(32 * 1024 * 1024, 'a')))).toBe(true);
      process.env.TIECHECK_PARSE_IN = 'worker';
      expect(parsesInWorker(ws.write('small2.mbox', gmailMbox()))).toBe(true);
    } finally {
      ws.close();
    }
  });

  it('a cancelled import writes nothing and stops its worker', async () => {
    process.env.TIECHECK_PARSE_IN = 'worker';
    const ws = tempWorkspace();
    try {
      const net = generateNetwork({ seed: 5, connections: 100, asOf: '2025-06-30' });
      const path = ws.write('big.mbox', writeMboxText(net, { targetBytes: 4 * 1024 * 1024 }));
      const controller = new AbortController();
      let batches = 0;
      const promise = importFile(ws.ctx.db, path, {
        kind: 'interactions',
        signal: controller.signal,
        onProgress: () => {
          if (++batches === 3) controller.abort();
        },
      });
      await expect(promise).rejects.toThrow(/cancelled/);
      expect(ws.ctx.db.prepare(`SELECT count(*) AS n FROM interactions`).get()).toEqual({ n: 0 });
    } finally {
      ws.close();
    }
  }, 60_000);
});
