// Tags: bulk operations undo exactly, and rename/delete reach people whose connections were removed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../electron/engine/imports/importFile';
import { runAudit } from '../../../electron/engine/audit/runAudit';
import { applyTag, deleteTag, listTags, renameTag, undoTagOperation } from '../../../electron/engine/store/tagsStore';
import { linkedInConnections, tempWorkspace, type TempWorkspace } from '../../fixtures/tempDb';

const ROWS = ['Ann,Lee,https://www.linkedin.com/in/ann-lee,,A,B,01 Jan 2020', 'Bob,Ray,https://www.linkedin.com/in/bob-ray,,A,B,01 Jan 2021'];
let ws: TempWorkspace;
beforeEach(async () => {
  ws = tempWorkspace();
  await importFile(ws.ctx.db, ws.write('Connections.csv', linkedInConnections(ROWS)), { kind: 'connections' });
});
afterEach(() => ws.close());

describe('tags', () => {
  it('adds in bulk, counts only real changes, and undoes exactly what it changed', () => {
    const [ann, bob] = runAudit(ws.ctx.db).persons.map((p) => p.id);
    applyTag(ws.ctx.db, 'add', 'keep', [ann]);
    const op = applyTag(ws.ctx.db, 'add', 'keep', [ann, bob]);
    expect(op.changed).toBe(1);
    expect(undoTagOperation(ws.ctx.db, op.operationId)).toBe(1);
    expect(listTags(ws.ctx.db)).toEqual([{ tag: 'keep', count: 1 }]);
  });

  it('renames and deletes a tag on everyone, removed connections included', async () => {
    applyTag(ws.ctx.db, 'add', 'prune', runAudit(ws.ctx.db).persons.map((p) => p.id));
    await importFile(ws.ctx.db, ws.write('Connections-2.csv', linkedInConnections([ROWS[0]])), { kind: 'connections', removals: true });
    expect(renameTag(ws.ctx.db, 'prune', 'gone').changed).toBe(2);
    expect(listTags(ws.ctx.db)).toEqual([{ tag: 'gone', count: 2 }]);
    expect(deleteTag(ws.ctx.db, 'gone').changed).toBe(2);
    expect(listTags(ws.ctx.db)).toEqual([]);
  });
});
