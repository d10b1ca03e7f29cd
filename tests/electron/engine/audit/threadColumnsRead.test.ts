// The thread summary read by scanning (threadColumnsRead.ts) against pairsSql()'s GROUP BY, on real SQLite files with
// generated records: threads without a key, keys starting with '#' (one the very key a keyless record gets), records
// after the audit date, meetings, automated and manual records, several batches and none, a contact listed twice in a
// record, records nobody is listed in, keys that sort otherwise in UTF-16 than in UTF-8, ids across several of the
// read's ranges and below zero. The threads and their pairs must be the same (the scan keeps the threads in the order
// it met them, the GROUP BY in key order: threadPicture.ts), and the meetings' ids read in the same scan those
// readMeetingIds() reads. Records the scan's
// encoding cannot carry make it decline, and ThreadSummary.read then still gives the GROUP BY's columns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Db } from '../../../../electron/engine/db/openDatabase';
import { readThreadColumns } from '../../../../electron/engine/audit/threadColumnsRead';
import { ColumnsBuilder, DayNames, pairsSql, readMeetingIds, ThreadSummary, type PairRow } from '../../../../electron/engine/audit/threadSummary';
import { tempWorkspace, type TempWorkspace } from '../../../fixtures/tempDb';
import { threadsByKey } from '../../../fixtures/threadPicture';

const AS_OF = '2025-06-30';
const DAYS = ['2019-01-01', '2024-12-31', '2025-03-05', '2025-06-29', AS_OF, '2025-07-01'];
const KINDS = ['email', 'message', 'email', 'message', 'call', 'in_person', 'event', 'video'] as const;
// Prefixes of each other, '#' keys, a key equal to the synthetic key of record 7, characters whose UTF-16 and UTF-8
// orders differ (U+E000…U+FFFF against surrogate pairs), control characters other than the read's separator.
const KEYS = [null, null, '', 'a', 'ab', 'b', '#', '#7', '#x', 'é', '\ue000', '\uffff', '😀', '😀a', 'x\x1fy', 'x\ny', 'Z', 'thread-1', 'thread-10'];
// Contacts across the low 15 bits and beyond.
const CONTACTS = [1, 2, 3, 4, 5, 32_767, 32_768, 70_000, 1_000_003];
const ROLES = ['from', 'to', 'cc'];

interface Participant {
  contact: number;
  role: string;
  sender: boolean;
}
interface Interaction {
  /** Gap to the id before: small steps, and jumps past the read's 65,536-id ranges. */
  gap: number;
  kind: (typeof KINDS)[number];
  day: string;
  key: string | null;
  automated: boolean;
  manual: boolean;
  batch: number | null;
  participants: Participant[];
}

const participant = fc.record({ contact: fc.constantFrom(...CONTACTS), role: fc.constantFrom(...ROLES), sender: fc.boolean() });
const interaction: fc.Arbitrary<Interaction> = fc.record({
  gap: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 4 }), fc.constantFrom(65_535, 65_536, 65_537, 200_000)),
  kind: fc.constantFrom(...KINDS),
  day: fc.constantFrom(...DAYS),
  key: fc.constantFrom(...KEYS),
  automated: fc.boolean(),
  manual: fc.boolean(),
  batch: fc.constantFrom(null, 1, 2, 3, 4),
  participants: fc.array(participant, { maxLength: 5 }),
});
const records = fc.record({ firstId: fc.constantFrom(1, 1, 5, -3, 65_530), list: fc.array(interaction, { maxLength: 70 }) });

let ws: TempWorkspace;
const db = (): Db => ws.ctx.db;

beforeAll(() => {
  ws = tempWorkspace();
  const batch = db().prepare(`INSERT INTO import_batches (id, kind, file, format, created_at) VALUES (?, 'interactions', 'f', 'mbox', '2025-01-01')`);
  for (const id of [1, 2, 3, 4]) batch.run(id);
  const contact = db().prepare(`INSERT INTO contacts (id, key) VALUES (?, ?)`);
  for (const id of [...CONTACTS, -5, 0x40000000]) contact.run(id, `c${id}`);
});
afterAll(() => ws.close());

/** Replaces the records with these; returns their ids. */
function store(firstId: number, list: Interaction[]): number[] {
  const ids: number[] = [];
  db().transaction(() => {
    db().exec('DELETE FROM participants; DELETE FROM interactions;');
    const insert = db().prepare(
      `INSERT INTO interactions (id, batch_id, source_key, kind, occurred_at, day, thread_key, automated, manual) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const listed = db().prepare(`INSERT OR IGNORE INTO participants (interaction_id, contact_id, role, is_sender) VALUES (?, ?, ?, ?)`);
    let id = firstId - 1;
    for (const r of list) {
      id += r.gap;
      ids.push(id);
      insert.run(id, r.batch, `s${id}`, r.kind, `${r.day}T10:00:00Z`, r.day, r.key, r.automated ? 1 : 0, r.manual ? 1 : 0);
      for (const p of r.participants) listed.run(id, p.contact, p.role, p.sender ? 1 : 0);
    }
  })();
  return ids;
}

/** The columns as pairsSql()'s GROUP BY gives them, and the meetings as readMeetingIds() reads them. */
function bySort(asOf = AS_OF) {
  const builder = new ColumnsBuilder(new DayNames());
  builder.rows(db().prepare(pairsSql()).raw(true).all({ asOf }) as PairRow[]);
  return { threads: threadsByKey(builder.finish(), builder.dayNames.names), meetings: readMeetingIds(db()) };
}

function byScan(asOf = AS_OF) {
  const days = new DayNames();
  const read = db().transaction(() => readThreadColumns(db(), asOf, days))();
  return { threads: read ? threadsByKey(read.columns, days.names) : null, meetings: read?.meetings ?? null, columns: read?.columns ?? null };
}

/** What a scan and a sort must agree on. */
const agreed = ({ threads, meetings }: ReturnType<typeof byScan>) => ({ threads, meetings });

describe('readThreadColumns', () => {
  it('gives the GROUP BY’s threads and pairs', () => {
    fc.assert(
      fc.property(records, fc.constantFrom(AS_OF, '2025-03-05', '2030-01-01'), ({ firstId, list }, asOf) => {
        store(firstId, list);
        const scan = byScan(asOf);
        expect(scan.columns).not.toBeNull();
        expect(agreed(scan)).toEqual(bySort(asOf));
      }),
      { numRuns: 300 },
    );
  });

  it('reads threads that span several ranges of ids, and a thread of a keyless record apart from the key "#<its id>"', () => {
    store(1, [
      { gap: 1, kind: 'email', day: '2025-01-01', key: 'long', automated: false, manual: false, batch: 1, participants: [{ contact: 1, role: 'to', sender: false }] },
      { gap: 1, kind: 'email', day: '2025-01-02', key: null, automated: false, manual: true, batch: null, participants: [{ contact: 2, role: 'to', sender: true }] },
      { gap: 200_000, kind: 'message', day: '2025-02-01', key: 'long', automated: true, manual: false, batch: 2, participants: [{ contact: 1, role: 'from', sender: true }] },
      { gap: 1, kind: 'email', day: '2025-02-02', key: '#2', automated: false, manual: false, batch: 3, participants: [{ contact: 3, role: 'to', sender: false }] },
    ]);
    const { columns } = byScan();
    // In the order the scan met them (record 1, then record 2's key "#2").
    expect(columns!.keys).toEqual(['long', '#2']);
    // "long": contact 1, latest day of both records, automated | wrote, batches 1 … 2; "#2": both records' contacts.
    expect(Array.from(columns!.contact)).toEqual([1, 2, 3]);
    expect(Array.from(columns!.flags)).toEqual([1 | 4, 2 | 4, 0]);
    expect(Array.from(columns!.firstBatch)).toEqual([1, 0]);
    expect(Array.from(columns!.lastBatch)).toEqual([2, 3]);
    expect(agreed(byScan())).toEqual(bySort());
  });

  const plain: Interaction = { gap: 1, kind: 'email', day: '2025-01-01', key: 'k', automated: false, manual: false, batch: 1, participants: [{ contact: 1, role: 'to', sender: false }] };
  it.each([
    ['a thread key holding the record separator', { ...plain, key: 'a\x1eb' }],
    ['a day holding the record separator', { ...plain, day: '2025-01-01\x1e' }],
    ['a contact id below zero', { ...plain, participants: [{ contact: -5, role: 'to', sender: false }] }],
    ['a contact id of 2^30', { ...plain, participants: [{ contact: 0x40000000, role: 'to', sender: true }] }],
  ])('declines %s, and ThreadSummary.read falls back to the GROUP BY', (_, odd) => {
    store(1, [plain, odd, { ...plain, key: 'other' }]);
    expect(byScan().columns).toBeNull();
    const read = ThreadSummary.read(db(), AS_OF);
    expect({ threads: threadsByKey(read.columns, read.days.names), meetings: read.meetings }).toEqual(bySort());
    // Read by the GROUP BY: in its key order.
    expect(read.columns.keys).toEqual([...read.columns.keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    expect(read.columns.keys.length).toBeGreaterThan(0);
  });

  it('reads no records as no threads', () => {
    store(1, []);
    expect(agreed(byScan())).toEqual(bySort());
    expect(byScan().columns!.keys).toEqual([]);
  });

  it('ThreadSummary.read by scan equals the read by sort', () => {
    fc.assert(
      fc.property(records, ({ firstId, list }) => {
        store(firstId, list);
        const scan = ThreadSummary.read(db(), AS_OF);
        const sort = ThreadSummary.read(db(), AS_OF, 'sort');
        const picture = (r: ThreadSummary) => ({ threads: threadsByKey(r.columns, r.days.names), meetings: r.meetings });
        expect(picture(scan)).toEqual(picture(sort));
      }),
      { numRuns: 50 },
    );
  });
});
