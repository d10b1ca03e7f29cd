// What changed since the last saved audit: pruned, revived, faded and new, person by person.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../electron/engine/imports/importFile';
import { logMeeting } from '../../../electron/engine/imports/logMeeting';
import { runAudit } from '../../../electron/engine/audit/runAudit';
import { changesSinceLastSnapshot, saveSnapshot } from '../../../electron/engine/store/snapshotsStore';
import { linkedInConnections, tempWorkspace, type TempWorkspace } from '../../fixtures/tempDb';

const ROWS = [
  'Ann,Lee,https://www.linkedin.com/in/ann-lee,,A,B,01 Jan 2020',
  'Bob,Ray,https://www.linkedin.com/in/bob-ray,,A,B,01 Jan 2021',
  'Cy,Day,https://www.linkedin.com/in/cy-day,,A,B,01 Jan 2021',
];
let ws: TempWorkspace;
beforeEach(async () => {
  ws = tempWorkspace();
  await importFile(ws.ctx.db, ws.write('Connections.csv', linkedInConnections(ROWS)), { kind: 'connections' });
});
afterEach(() => ws.close());

describe('changes since the last audit', () => {
  it('is null before any earlier audit, then lists who was pruned, revived, faded and added', async () => {
    logMeeting(ws.ctx.db, { with: ['https://www.linkedin.com/in/cy-day'], kind: 'in_person', date: '2025-01-10' });
    expect(changesSinceLastSnapshot(ws.ctx.db, runAudit(ws.ctx.db, { asOf: '2026-06-01' }))).toBeNull();
    saveSnapshot(ws.ctx.db, runAudit(ws.ctx.db, { asOf: '2026-06-01' }));
    ws.ctx.db.prepare(`UPDATE audit_snapshots SET created_at = '2026-06-01T10:00:00Z'`).run();

    logMeeting(ws.ctx.db, { with: ['https://www.linkedin.com/in/ann-lee'], kind: 'in_person', date: '2026-08-01' });
    await importFile(ws.ctx.db, ws.write('Connections-2.csv', linkedInConnections([ROWS[0], ROWS[2], 'Di,Fox,https://www.linkedin.com/in/di-fox,,A,B,01 Jan 2026'])), {
      kind: 'connections',
      removals: true,
    });
    const changes = changesSinceLastSnapshot(ws.ctx.db, runAudit(ws.ctx.db, { asOf: '2027-03-01' }))!;
    expect(changes.since.asOf).toBe('2026-06-01');
    expect(changes.pruned.people.map((p) => p.name)).toEqual(['Bob Ray']);
    expect(changes.revived.people).toMatchObject([{ name: 'Ann Lee', from: 'dilution', to: 'real' }]);
    expect(changes.faded.people).toMatchObject([{ name: 'Cy Day', from: 'real', to: 'fading' }]);
    expect(changes.added.people.map((p) => p.name)).toEqual(['Di Fox']);
  });
});
