// The connection import's writes: rows a file repeats (into a new network or an existing one), person ids, identities, undo.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../electron/engine/imports/importFile';
import { newPersonId } from '../../../electron/engine/imports/connectionSession';
import { undoBatch } from '../../../electron/engine/store/batchUndo';
import { identitiesOfConnection } from '../../../electron/engine/store/identityKeys';
import { parseConnectionFile } from '../../../electron/engine/importers/connections';
import { linkedInConnections, tempWorkspace, type TempWorkspace } from '../../fixtures/tempDb';

const ANA = 'Ana,Lima,https://www.linkedin.com/in/ana-lima,ana@contoso.com,Contoso,CEO,27 Nov 2023';
const BO = 'Bo,Li,https://www.linkedin.com/in/bo-li,,Fabrikam,CTO,03 Mar 2024';
const ANA_AGAIN = 'Ana,Lima-Souza,https://www.linkedin.com/in/ANA-LIMA/,,Contoso,Chair,28 Nov 2023';

let ws: TempWorkspace;
beforeEach(() => {
  ws = tempWorkspace();
});
afterEach(() => ws.close());

const count = (table: string): number => (ws.ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('connection import writes', () => {
  it('skips a row the file repeats, naming the first line, and leaves no person behind for it (new network)', async () => {
    const s = await importFile(ws.ctx.db, ws.write('Connections.csv', linkedInConnections([ANA, BO, ANA_AGAIN])), { kind: 'connections' });
    expect(s).toMatchObject({ added: 2, updated: 0, skipped: 1 });
    expect(s.skippedRows).toEqual([{ line: 7, reason: 'the same connection as line 5 (same profile URL linkedin.com/in/ana-lima)' }]);
    expect(s).toMatchObject({ joined: 1, joinedRows: [{ line: 7, sameAs: 5, why: 'same profile URL linkedin.com/in/ana-lima' }] });
    expect([count('persons'), count('connections')]).toEqual([2, 2]);
    const ana = ws.ctx.db.prepare(`SELECT full_name AS name, position FROM connections WHERE external_key = 'u:linkedin.com/in/ana-lima'`).get();
    expect(ana).toEqual({ name: 'Ana Lima', position: 'CEO' });
  });

  it('skips a row the file repeats the same way when the network already has connections', async () => {
    await importFile(ws.ctx.db, ws.write('Connections.csv', linkedInConnections([BO])), { kind: 'connections' });
    const s = await importFile(ws.ctx.db, ws.write('Connections-2.csv', linkedInConnections([ANA, BO, ANA_AGAIN])), { kind: 'connections' });
    expect(s).toMatchObject({ added: 1, updated: 0, skipped: 1 });
    expect(s.skippedRows).toEqual([{ line: 7, reason: 'the same connection as line 5 (same profile URL linkedin.com/in/ana-lima)' }]);
    expect(s).toMatchObject({ joined: 1, joinedRows: [{ line: 7, sameAs: 5, why: 'same profile URL linkedin.com/in/ana-lima' }] });
    expect([count('persons'), count('connections')]).toEqual([2, 2]);
  });

  it('stores each identity once with its batch, and undo takes the batch away whole', async () => {
    const s = await importFile(ws.ctx.db, ws.write('Connections.csv', linkedInConnections([ANA, BO])), { kind: 'connections' });
    const rows = ws.ctx.db.prepare(`SELECT kind, value, batch_id AS batch FROM identities ORDER BY kind, value`).all();
    expect(rows).toEqual([
      { kind: 'email', value: 'ana@contoso.com', batch: s.batchId },
      { kind: 'name', value: 'ana lima', batch: s.batchId },
      { kind: 'name', value: 'bo li', batch: s.batchId },
      { kind: 'url', value: 'linkedin.com/in/ana-lima', batch: s.batchId },
      { kind: 'url', value: 'linkedin.com/in/bo-li', batch: s.batchId },
    ]);
    expect(undoBatch(ws.ctx.db, s.batchId!)).toBe(true);
    expect([count('persons'), count('connections'), count('identities')]).toEqual([0, 0, 0]);
  });

  it('stores exactly the normalised identities of every row, whatever their script', async () => {
    const rows = [
      'Łukasz,Wójcik,https://www.linkedin.com/in/%C5%82ukasz-w%C3%B3jcik-12ab,,Contoso Ltd,Engineer,27 Nov 2023',
      'Zoë,"Ångström, PhD",https://www.linkedin.com/in/zo%C3%AB-angstrom-1a2b3c,zoe@fabrikam.com,Fabrikam Inc,CTO,03 Mar 2024',
      'Renée,"Dubois, MBA 🚀",https://www.linkedin.com/in/renee-dubois-77,"a@x.org; b@y.org",Northwind,Founder,12 Jan 2019',
      'Nguyễn,Đinh Ngọc,https://www.linkedin.com/in/dinh-ngoc,,,,12 Jan 2019',
      'محمد,العلي,https://www.linkedin.com/in/%D9%85%D8%AD%D9%85%D8%AF,,,,12 Jan 2019',
    ];
    const path = ws.write('Connections.csv', linkedInConnections(rows));
    await importFile(ws.ctx.db, path, { kind: 'connections' });
    const expected = (await parseConnectionFile(path)).records.flatMap((r) => {
      const ids = identitiesOfConnection(r);
      return [...ids.emails.map((v) => `email ${v}`), ...ids.urls.map((v) => `url ${v}`), ...ids.phones.map((v) => `phone ${v}`), ...(ids.nameKey ? [`name ${ids.nameKey}`] : [])];
    });
    const stored = ws.ctx.db.prepare(`SELECT kind || ' ' || value FROM identities`).pluck().all() as string[];
    expect(stored.sort()).toEqual(expected.sort());
  });

  it('merges a second network into the persons of the first; two rows of one file that share a phone are one connection', async () => {
    await importFile(ws.ctx.db, ws.write('Connections.csv', linkedInConnections([ANA, BO])), { kind: 'connections' });
    const google = ['Name,E-mail 1 - Value,Phone 1 - Value', 'Ana Lima,ana@contoso.com,', 'Cy Doe,cy@example.org,+44 20 7946 0958', 'Cy D.,cy2@example.org,+44 20 7946 0958'].join('\n');
    const s = await importFile(ws.ctx.db, ws.write('contacts.csv', google), { kind: 'connections', format: 'google' });
    // A file is a list of people: Cy's second row shares the first one's phone, so it is the same connection (SPEC §6).
    expect(s).toMatchObject({ added: 2, skipped: 1, joined: 1 });
    expect(s.skippedRows).toEqual([{ line: 4, reason: 'the same connection as line 3 (same phone +442079460958)' }]);
    const people = ws.ctx.db
      .prepare(`SELECT p.display_name AS name, group_concat(c.network, '+') AS networks FROM persons p JOIN connections c ON c.person_id = p.id GROUP BY p.id ORDER BY name`)
      .all();
    expect(people).toEqual([
      { name: 'Ana Lima', networks: expect.stringMatching(/^(linkedin\+google|google\+linkedin)$/) },
      { name: 'Bo Li', networks: 'linkedin' },
      { name: 'Cy Doe', networks: 'google' },
    ]);
  });

  it('gives new persons ids that increase within a process and never repeat', () => {
    const ids = Array.from({ length: 5000 }, () => newPersonId());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]).toMatch(/^p_[0-9a-f]{20}$/);
  });
});
