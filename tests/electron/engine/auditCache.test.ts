// The engine's audit cache: reused while nothing changes, dropped by any change through a door or
// by another connection's commit (an import worker, the CLI).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { invoke } from '../../../electron/engine/handlers';
import { importFile } from '../../../electron/engine/imports/importFile';
import { linkedInConnections, tempWorkspace, type TempWorkspace } from '../../fixtures/tempDb';

let ws: TempWorkspace;
beforeEach(async () => {
  ws = tempWorkspace();
  await importFile(ws.ctx.db, ws.write('Connections.csv', linkedInConnections(['Ann,Lee,https://www.linkedin.com/in/ann-lee,,A,B,01 Jan 2020'])), { kind: 'connections' });
});
afterEach(() => ws.close());

async function audit() {
  const envelope = await invoke(ws.ctx, 'audit:get', {});
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value as { persons: { id: string; tags: string[]; note?: string }[] };
}

describe('audit cache', () => {
  it('returns the same audit until a call changes the data', async () => {
    const first = await audit();
    expect(await audit()).toBe(first);
    await invoke(ws.ctx, 'tags:apply', { action: 'add', tag: 'keep', ids: [first.persons[0].id] });
    const after = await audit();
    expect(after).not.toBe(first);
    expect(after.persons[0].tags).toEqual(['keep']);
  });

  it('notices a commit from another connection', async () => {
    const first = await audit();
    const other = new Database(ws.dbPath);
    other.prepare(`INSERT INTO tags (person_id, tag, added_at) VALUES (?, 'prune', '2026-01-01')`).run(first.persons[0].id);
    other.close();
    expect((await audit()).persons[0].tags).toEqual(['prune']);
  });
});
