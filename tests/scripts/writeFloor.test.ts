// The bench's two floors of an import store exactly the rows that import wrote: by INSERT … SELECT, and
// bound from JS arrays (a stretch at a time, fewer rows a stretch here so that stretches and 64-row
// statements both end mid-table). Otherwise a ratio against them would compare different work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../electron/engine/imports/importFile';
import { openDatabase } from '../../electron/engine/db/openDatabase';
import { prepareBindFloor, prepareWriteFloor, type WriteFloorTask } from '../../scripts/bench/writeFloor';
import { dbContents } from '../fixtures/importScenarios';
import { tempWorkspace, type TempWorkspace } from '../fixtures/tempDb';
import { generateNetwork, writeLinkedInConnectionsCsv, writeMbox } from '../../shared/demo';
import { writeChunks } from '../../scripts/bench/benchEnv';

const FLOOR_TABLES = ['import_batches', 'persons', 'connections', 'identities', 'contacts', 'interactions', 'participants'];
let ws: TempWorkspace;
let beforeDb: string;
const network = generateNetwork({ seed: 11, connections: 400, asOf: '2025-06-30' });

function contentsOf(path: string): Record<string, string[]> {
  const db = openDatabase(path);
  try {
    const all = dbContents(db);
    return Object.fromEntries(FLOOR_TABLES.map((t) => [t, all[t]]));
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  ws = tempWorkspace();
  const csv = join(ws.dir, 'Connections.csv');
  await writeChunks(csv, writeLinkedInConnectionsCsv(network));
  await importFile(ws.ctx.db, csv, { kind: 'connections' });
  ws.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  beforeDb = join(ws.dir, 'before.db');
  copyFileSync(ws.dbPath, beforeDb);
  const mbox = join(ws.dir, 'mail.mbox');
  await writeChunks(mbox, writeMbox(network, { targetBytes: 400_000 }));
  await importFile(ws.ctx.db, mbox, { kind: 'interactions', me: [{ kind: 'email', value: network.me.email }] });
  ws.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
}, 60_000);
afterAll(() => ws.close());

describe("the bench's write floor and JS bind floor", () => {
  it('each add to the database as it was before exactly the rows the import added, and count them', () => {
    const task = (name: string): WriteFloorTask => ({ importedDb: ws.dbPath, beforeDb, floorDb: join(ws.dir, name), keepCopy: true });
    const imported = contentsOf(ws.dbPath);
    const before = contentsOf(beforeDb);
    const added = FLOOR_TABLES.reduce((n, t) => n + imported[t].length - before[t].length, 0);
    expect(imported.participants.length).toBeGreaterThan(1000);

    const floor = prepareWriteFloor(task('write-floor.db')).write();
    const bind = prepareBindFloor({ ...task('bind-floor.db') }, 1000).write();
    expect(floor).toBe(added);
    expect(bind.count).toBe(added);
    expect(bind.ms).toBeGreaterThan(0);
    expect(contentsOf(join(ws.dir, 'write-floor.db'))).toEqual(imported);
    expect(contentsOf(join(ws.dir, 'bind-floor.db'))).toEqual(imported);
  });

  it('removes its copy unless asked to keep it', () => {
    const floorDb = join(ws.dir, 'gone.db');
    prepareBindFloor({ importedDb: ws.dbPath, beforeDb: null, floorDb }).write();
    expect(existsSync(floorDb)).toBe(false);
  });
});
