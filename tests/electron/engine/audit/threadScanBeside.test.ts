// The thread summary's scan split across two threads (threadScanBeside.ts, threadScanWorker.ts): with the worker forced
// on small files, ThreadSummary.read must give what pairsSql()'s GROUP BY gives (threads in its own order:
// threadPicture.ts) and exactly what the scan in one thread gives, on generated records whose ids cross the split; a
// worker that cannot answer (its file gone) leaves its part to this thread, and a worker whose snapshot differs is not
// trusted.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renameSync } from 'node:fs';
import type { Db } from '../../../../electron/engine/db/openDatabase';
import { ThreadSummary } from '../../../../electron/engine/audit/threadSummary';
import { readStamp, sameStamp } from '../../../../electron/engine/audit/recordsStamp';
import { tempWorkspace, type TempWorkspace } from '../../../fixtures/tempDb';
import { threadsByKey } from '../../../fixtures/threadPicture';

const AS_OF = '2025-06-30';
const DAYS = ['2024-12-31', '2025-03-05', AS_OF, '2025-07-01'];
const KINDS = ['email', 'message', 'email', 'call', 'in_person'] as const;
const KEYS = [null, 'a', 'ab', '#7', 'é', '😀', '\uffff', 'thread-1'];
const CONTACTS = [1, 2, 3, 70_000];

const record = fc.record({
  // Jumps past the scan's 65,536-id ranges, so that the records fall on both sides of the split.
  gap: fc.oneof(fc.constant(1), fc.constantFrom(65_536, 140_000)),
  kind: fc.constantFrom(...KINDS),
  day: fc.constantFrom(...DAYS),
  key: fc.constantFrom(...KEYS),
  batch: fc.constantFrom(null, 1, 2),
  participants: fc.uniqueArray(fc.record({ contact: fc.constantFrom(...CONTACTS), sender: fc.boolean() }), { maxLength: 3, selector: (p) => p.contact }),
});
type Rec = typeof record extends fc.Arbitrary<infer T> ? T : never;

let ws: TempWorkspace;
const db = (): Db => ws.ctx.db;
const before = process.env.TIECHECK_AUDIT_SCAN_IN;

beforeAll(() => {
  ws = tempWorkspace();
  const batch = db().prepare(`INSERT INTO import_batches (id, kind, file, format, created_at) VALUES (?, 'interactions', 'f', 'mbox', '2025-01-01')`);
  for (const id of [1, 2]) batch.run(id);
  const contact = db().prepare(`INSERT INTO contacts (id, key) VALUES (?, ?)`);
  for (const id of CONTACTS) contact.run(id, `c${id}`);
});
afterEach(() => {
  if (before === undefined) delete process.env.TIECHECK_AUDIT_SCAN_IN;
  else process.env.TIECHECK_AUDIT_SCAN_IN = before;
});
afterAll(() => ws.close());

function store(list: Rec[]): void {
  db().transaction(() => {
    db().exec('DELETE FROM participants; DELETE FROM interactions;');
    const insert = db().prepare(`INSERT INTO interactions (id, batch_id, source_key, kind, occurred_at, day, thread_key) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    const listed = db().prepare(`INSERT INTO participants (interaction_id, contact_id, role, is_sender) VALUES (?, ?, 'to', ?)`);
    let id = 0;
    for (const r of list) {
      id += r.gap;
      insert.run(id, r.batch, `s${id}`, r.kind, `${r.day}T10:00:00Z`, r.day, r.key);
      for (const p of r.participants) listed.run(id, p.contact, p.sender ? 1 : 0);
    }
  })();
}

const picture = (s: ThreadSummary) => ({ columns: s.columns, days: s.days.names, meetings: s.meetings });
const agreed = (s: ThreadSummary) => ({ threads: threadsByKey(s.columns, s.days.names), meetings: s.meetings });

describe('the thread scan on two threads', () => {
  it('gives the GROUP BY’s summary, whichever side of the split the records fall', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), (list) => {
        store(list);
        process.env.TIECHECK_AUDIT_SCAN_IN = 'worker';
        const split = ThreadSummary.read(db(), AS_OF);
        process.env.TIECHECK_AUDIT_SCAN_IN = 'thread';
        const alone = ThreadSummary.read(db(), AS_OF);
        expect(agreed(split)).toEqual(agreed(ThreadSummary.read(db(), AS_OF, 'sort')));
        expect(picture(split)).toEqual(picture(alone));
      }),
      { numRuns: 60 },
    );
  });

  it('scans the upper part itself when the worker cannot open the file', () => {
    store([
      { gap: 1, kind: 'email', day: AS_OF, key: 'a', batch: 1, participants: [{ contact: 1, sender: true }] },
      { gap: 140_000, kind: 'email', day: AS_OF, key: 'a', batch: 2, participants: [{ contact: 2, sender: false }] },
      { gap: 140_000, kind: 'call', day: AS_OF, key: null, batch: 2, participants: [{ contact: 3, sender: false }] },
    ]);
    const expected = agreed(ThreadSummary.read(db(), AS_OF, 'sort'));
    // The open connection keeps reading the renamed file; a new one finds nothing at the old name.
    renameSync(ws.dbPath, `${ws.dbPath}.moved`);
    try {
      process.env.TIECHECK_AUDIT_SCAN_IN = 'worker';
      const split = ThreadSummary.read(db(), AS_OF);
      expect(agreed(split)).toEqual(expected);
      expect(split.columns.contact.length).toBe(2);
    } finally {
      renameSync(`${ws.dbPath}.moved`, ws.dbPath);
    }
  });

  it('tells two snapshots apart by their records stamps', () => {
    store([{ gap: 1, kind: 'email', day: AS_OF, key: 'a', batch: 1, participants: [] }]);
    const a = readStamp(db());
    expect(sameStamp(a, readStamp(db()))).toBe(true);
    store([{ gap: 1, kind: 'email', day: AS_OF, key: 'a', batch: 2, participants: [] }]);
    expect(sameStamp(a, readStamp(db()))).toBe(false);
    db().prepare(`UPDATE import_batches SET undone_at = '2025-02-01' WHERE id = 1`).run();
    const b = readStamp(db());
    db().prepare(`UPDATE import_batches SET undone_at = NULL WHERE id = 1`).run();
    expect(sameStamp(b, readStamp(db()))).toBe(false);
  });
});
