// The engine end to end on real SQLite files: import, re-import, messages, meetings, audit, removals, undo.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../electron/engine/imports/importFile';
import { logMeeting } from '../../../electron/engine/imports/logMeeting';
import { runAudit } from '../../../electron/engine/audit/runAudit';
import { undoBatch, listBatches } from '../../../electron/engine/store/batchUndo';
import { relinkContacts } from '../../../electron/engine/linking/relinkContacts';
import { ImportError } from '../../../electron/engine/importers/importError';
import { linkedInConnections, tempWorkspace, type TempWorkspace } from '../../fixtures/tempDb';

const ROWS = [
  'Łukasz,Wójcik,https://www.linkedin.com/in/%C5%82ukasz-w%C3%B3jcik-12ab,,Contoso Ltd,Engineer,27 Nov 2023',
  'Zoë,"Ångström, PhD",https://www.linkedin.com/in/zo%C3%AB-angstrom-1a2b3c,,Fabrikam Inc,CTO,03 Mar 2024',
  'Renée,"Dubois, MBA 🚀",https://www.linkedin.com/in/renee-dubois-77,,Northwind,Founder,12 Jan 2019',
  ',,,,,,27 Jul 2018',
  'Bill,Turner,https://www.linkedin.com/in/bill-turner-9f8e7d,bill@fabrikam.com,Fabrikam Inc,CFO,12 Jan 2019',
];

const MESSAGES = [
  'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER',
  '2-a=,,Bill Turner,https://www.linkedin.com/in/bill-turner-9f8e7d,Sam Owner,https://www.linkedin.com/in/sam-owner-1,2026-01-02 10:00:00 UTC,,Thanks!,INBOX',
  '2-a=,,Sam Owner,https://www.linkedin.com/in/sam-owner-1,Bill Turner,https://www.linkedin.com/in/bill-turner-9f8e7d,2026-01-01 09:00:00 UTC,,Hello Bill,INBOX',
  '2-b=,,Sam Owner,https://www.linkedin.com/in/sam-owner-1,Bill Turner,https://www.linkedin.com/in/bill-turner-9f8e7d,2026-03-01 09:00:00 UTC,,Lunch?,INBOX',
  '2-b=,,Bill Turner,https://www.linkedin.com/in/bill-turner-9f8e7d,Sam Owner,https://www.linkedin.com/in/sam-owner-1,2026-03-02 09:00:00 UTC,,Sure,INBOX',
  '2-b=,,Bill Turner,https://www.linkedin.com/in/bill-turner-9f8e7d,Sam Owner,https://www.linkedin.com/in/sam-owner-1,2026-09-02 09:00:00 UTC,,Late reply,INBOX',
  '2-c=,,Renée Dubois,https://www.linkedin.com/in/renee-dubois-77,Sam Owner,https://www.linkedin.com/in/sam-owner-1,2026-02-01 09:00:00 UTC,,Buy my course,INBOX',
].join('\n');

let ws: TempWorkspace;
beforeEach(() => {
  ws = tempWorkspace();
});
afterEach(() => ws.close());

function person(name: string, asOf = '2026-06-01') {
  const p = runAudit(ws.ctx.db, { asOf }).persons.find((x) => x.name.startsWith(name));
  if (!p) throw new Error(`${name} not in audit`);
  return p;
}

describe('connections', () => {
  it('imports a LinkedIn export with its preamble, keeps names intact, skips blank persons', async () => {
    const s = await importFile(ws.ctx.db, ws.write('Connections.csv', linkedInConnections(ROWS)), { kind: 'connections' });
    expect(s).toMatchObject({ format: 'linkedin', network: 'linkedin', added: 4, updated: 0, skipped: 1, missing: 0 });
    expect(s.skippedRows[0].line).toBe(8);
    const names = runAudit(ws.ctx.db).persons.map((p) => p.name).sort();
    expect(names).toEqual(['Bill Turner', 'Renée Dubois, MBA 🚀', 'Zoë Ångström, PhD', 'Łukasz Wójcik']);
    expect(person('Zoë')).toMatchObject({ tier: 'dilution', score: 0, connectedOn: '2024-03-03', networks: ['linkedin'] });
  });

  it('changes nothing when the same file is imported twice', async () => {
    const path = ws.write('Connections.csv', linkedInConnections(ROWS));
    await importFile(ws.ctx.db, path, { kind: 'connections' });
    const again = await importFile(ws.ctx.db, path, { kind: 'connections' });
    expect(again).toMatchObject({ added: 0, updated: 0, removed: 0, missing: 0, batchId: null });
    expect(runAudit(ws.ctx.db).summary.persons).toBe(4);
    expect(listBatches(ws.ctx.db)).toHaveLength(1);
  });

  it('reports connections missing from a newer export and marks them removed only when asked', async () => {
    await importFile(ws.ctx.db, ws.write('Connections.csv', linkedInConnections(ROWS)), { kind: 'connections' });
    const partial = ws.write('Connections-2.csv', linkedInConnections([ROWS[0], ROWS[4]]));
    const dry = await importFile(ws.ctx.db, partial, { kind: 'connections' });
    expect(dry).toMatchObject({ missing: 2, removed: 0 });
    expect(runAudit(ws.ctx.db).summary.persons).toBe(4);
    const confirmed = await importFile(ws.ctx.db, partial, { kind: 'connections', removals: true });
    expect(confirmed).toMatchObject({ missing: 2, removed: 2 });
    expect(runAudit(ws.ctx.db).summary.persons).toBe(2);
  });

  it('leaves the database exactly as it was when a file is broken', async () => {
    await importFile(ws.ctx.db, ws.write('Connections.csv', linkedInConnections(ROWS)), { kind: 'connections' });
    const broken = ws.write('broken.csv', linkedInConnections([...ROWS.slice(1), 'A,"B,https://x,,C,D,01 Jan 2020']));
    await expect(importFile(ws.ctx.db, broken, { kind: 'connections' })).rejects.toThrow(ImportError);
    await expect(importFile(ws.ctx.db, broken, { kind: 'connections' })).rejects.toThrow(/broken\.csv, line \d+/);
    expect(runAudit(ws.ctx.db).summary.persons).toBe(4);
    expect(listBatches(ws.ctx.db)).toHaveLength(1);
  });

  it('undoes a whole batch', async () => {
    await importFile(ws.ctx.db, ws.write('Connections.csv', linkedInConnections(ROWS.slice(0, 2))), { kind: 'connections' });
    const second = await importFile(ws.ctx.db, ws.write('Connections-2.csv', linkedInConnections(ROWS)), { kind: 'connections' });
    expect(runAudit(ws.ctx.db).summary.persons).toBe(4);
    expect(undoBatch(ws.ctx.db, second.batchId!)).toBe(true);
    relinkContacts(ws.ctx.db);
    expect(runAudit(ws.ctx.db).persons.map((p) => p.name).sort()).toEqual(['Zoë Ångström, PhD', 'Łukasz Wójcik']);
  });
});

describe('evidence', () => {
  beforeEach(async () => {
    await importFile(ws.ctx.db, ws.write('Connections.csv', linkedInConnections(ROWS)), { kind: 'connections' });
  });

  it('counts two-way LinkedIn threads and ignores messages after asOf', async () => {
    const s = await importFile(ws.ctx.db, ws.write('messages.csv', MESSAGES), {
      kind: 'interactions',
      me: [{ kind: 'url', value: 'https://www.linkedin.com/in/sam-owner-1' }],
    });
    expect(s).toMatchObject({ format: 'linkedin-messages', added: 6 });
    expect(s.found).toMatchObject({ threads: 3, twoWayThreads: 2 });
    expect(person('Bill')).toMatchObject({ tier: 'real', conversations: 2, lastContact: '2026-03-02' });
    expect(person('Bill', '2027-01-01').lastContact).toBe('2026-09-02');
    expect(person('Bill', '2026-02-01')).toMatchObject({ tier: 'acquaintance', conversations: 1, lastContact: '2026-01-02' });
    expect(person('Renée')).toMatchObject({ tier: 'acquaintance', conversations: 0, oneWay: 1 });
    const again = await importFile(ws.ctx.db, ws.write('messages.csv', MESSAGES), { kind: 'interactions' });
    expect(again.added).toBe(0);
  });

  it('moves a dilution person to real with a meeting logged by profile URL', () => {
    expect(person('Zoë').tier).toBe('dilution');
    logMeeting(ws.ctx.db, { with: ['https://www.linkedin.com/in/zo%C3%AB-angstrom-1a2b3c'], kind: 'in_person', date: '2026-05-01' });
    expect(person('Zoë')).toMatchObject({ tier: 'real', inPerson: 1, lastContact: '2026-05-01' });
    expect(person('Zoë', '2028-06-01').tier).toBe('fading');
  });

  it('finds a person by name for a meeting, and refuses an unknown one', () => {
    logMeeting(ws.ctx.db, { with: ['Lukasz Wojcik'], kind: 'call', date: '2026-05-01' });
    expect(person('Łukasz').conversations).toBe(1);
    expect(() => logMeeting(ws.ctx.db, { with: ['Nobody Known'], kind: 'call', date: '2026-05-01' })).toThrow(/no connection matches/);
  });
});

describe('the prune loop', () => {
  it('confirms removals of tagged connections on the next export', async () => {
    const { applyTag } = await import('../../../electron/engine/store/tagsStore');
    const { readPruneStatus } = await import('../../../electron/engine/audit/pruneStatus');
    await importFile(ws.ctx.db, ws.write('Connections.csv', linkedInConnections(ROWS)), { kind: 'connections' });
    const ids = runAudit(ws.ctx.db).persons.filter((p) => /Renée|Zoë/.test(p.name)).map((p) => p.id);
    applyTag(ws.ctx.db, 'add', 'prune', ids);
    expect(readPruneStatus(ws.ctx.db, 'prune')).toMatchObject({ pruned: 0, stillConnected: 2 });
    // The user removed Renée on LinkedIn but not Zoë; the next export says so.
    const next = linkedInConnections(ROWS.filter((r) => !r.startsWith('Renée')));
    await importFile(ws.ctx.db, ws.write('Connections-next.csv', next), { kind: 'connections', removals: true });
    const status = readPruneStatus(ws.ctx.db, 'prune');
    expect(status).toMatchObject({ pruned: 1, stillConnected: 1 });
    expect(status.rows.find((r) => r.name.startsWith('Renée'))).toMatchObject({ status: 'pruned', removed: [{ network: 'linkedin' }] });
    expect(runAudit(ws.ctx.db).persons.some((p) => p.name.startsWith('Renée'))).toBe(false);
  });
});

describe('skipped rows', () => {
  it('counts every skipped row even past the 10,000 it lists', async () => {
    const csv = ['Name,Email', 'Ann Lee,ann@example.org', ...Array.from({ length: 10_005 }, () => ',')].join('\n');
    const s = await importFile(ws.ctx.db, ws.write('friends.csv', csv), { kind: 'connections' });
    expect(s).toMatchObject({ added: 1, skipped: 10_005 });
    expect(s.skippedRows.length).toBeLessThanOrEqual(500);
  });
});
