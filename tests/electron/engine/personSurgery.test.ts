// Merge and split of persons: the audit follows at once, the user's word survives re-imports, undo restores.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../electron/engine/imports/importFile';
import { runAudit } from '../../../electron/engine/audit/runAudit';
import { mergePersons, splitPerson, undoPersonOperation } from '../../../electron/engine/store/personSurgery';
import { applyTag } from '../../../electron/engine/store/tagsStore';
import { linkedInConnections, tempWorkspace, type TempWorkspace } from '../../fixtures/tempDb';

const LINKEDIN = linkedInConnections(['William,Turner,https://www.linkedin.com/in/wturner,,Fabrikam Inc,CFO,12 Jan 2019']);
// A Facebook friend under another name: nothing says it is the same person, so it stays apart.
const FACEBOOK = JSON.stringify({ friends_v2: [{ name: 'Billy T', timestamp: 1546300800 }] });

let ws: TempWorkspace;
const audit = () => runAudit(ws.ctx.db, { asOf: '2026-06-01' });
const find = (name: string) => audit().persons.find((p) => p.name === name)!;

beforeEach(async () => {
  ws = tempWorkspace();
  await importFile(ws.ctx.db, ws.write('Connections.csv', LINKEDIN), { kind: 'connections' });
  await importFile(ws.ctx.db, ws.write('your_friends.json', FACEBOOK), { kind: 'connections' });
});
afterEach(() => ws.close());

describe('merge and split', () => {
  it('merges two persons, keeps tags, survives re-imports, and undoes exactly', async () => {
    expect(audit().summary.persons).toBe(2);
    applyTag(ws.ctx.db, 'add', 'keep', [find('Billy T').id]);
    const { operationId } = mergePersons(ws.ctx.db, find('William Turner').id, find('Billy T').id);
    const merged = audit();
    expect(merged.summary.persons).toBe(1);
    expect(merged.persons[0]).toMatchObject({ name: 'William Turner', networks: ['facebook', 'linkedin'], tags: ['keep'] });

    await importFile(ws.ctx.db, ws.write('Connections-2.csv', LINKEDIN + '\nZoë,Ångström,,,Contoso,CTO,03 Mar 2024'), { kind: 'connections' });
    await importFile(ws.ctx.db, ws.write('your_friends-2.json', FACEBOOK), { kind: 'connections' });
    expect(audit().persons.find((p) => p.name === 'William Turner')?.networks).toEqual(['facebook', 'linkedin']);

    expect(undoPersonOperation(ws.ctx.db, operationId)).toBe(true);
    expect(audit().persons.map((p) => p.name).sort()).toEqual(['Billy T', 'William Turner', 'Zoë Ångström']);
    expect(find('Billy T').tags).toEqual(['keep']);
    expect(undoPersonOperation(ws.ctx.db, operationId)).toBe(false);
  });

  it('splits a connection off into its own person, and undo joins them again', () => {
    const { operationId: mergeOp } = mergePersons(ws.ctx.db, find('William Turner').id, find('Billy T').id);
    expect(mergeOp).toBeTruthy();
    const person = find('William Turner');
    const facebook = ws.ctx.db.prepare(`SELECT id FROM connections WHERE person_id = ? AND network = 'facebook'`).get(person.id) as { id: number };
    const { operationId, newPersonId } = splitPerson(ws.ctx.db, person.id, [facebook.id]);
    expect(audit().persons.find((p) => p.id === newPersonId)).toMatchObject({ name: 'Billy T', networks: ['facebook'] });
    expect(find('William Turner').networks).toEqual(['linkedin']);
    undoPersonOperation(ws.ctx.db, operationId);
    expect(audit().summary.persons).toBe(1);
  });

  it('refuses a split of every connection and a merge with oneself', () => {
    const person = find('William Turner');
    const all = (ws.ctx.db.prepare(`SELECT id FROM connections WHERE person_id = ?`).all(person.id) as { id: number }[]).map((c) => c.id);
    expect(() => splitPerson(ws.ctx.db, person.id, all)).toThrow(/not all/);
    expect(() => mergePersons(ws.ctx.db, person.id, person.id)).toThrow(/themselves/);
  });
});
