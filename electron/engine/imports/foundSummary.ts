// What an interaction import turned out to contain: threads, two-way threads, meetings, calls, unlinked records.
import type { Db } from '../db/openDatabase';

export interface FoundSummary {
  records: number;
  threads: number;
  twoWayThreads: number;
  meetings: number;
  calls: number;
  unlinked: number;
}

/**
 * An import counts these as it writes (foundCounter.ts); the queries remain the reference it is tested
 * against, and the answer for a batch already written. Two passes over the batch's records, each shaped for speed on an archive of hundreds of thousands
 * (tests/electron/engine/linking/relinkAgainstLegacy.test.ts holds them to the plain queries they
 * replace): one GROUP BY gives both the threads and the two-way ones, so the thread keys are sorted
 * once; the other counts records, meetings, calls and unlinked records, testing participants
 * against the few linked contacts (one small set, built once) rather than reading a contact row
 * per participant.
 */
export function summariseFound(db: Db, batchId: number): FoundSummary {
  const threads = db
    .prepare(
      `SELECT count(*) AS threads, coalesce(sum(ownSent AND otherSent), 0) AS twoWay FROM (
         SELECT max(c.status = 'own') AS ownSent, max(c.status <> 'own') AS otherSent
           FROM interactions i
           LEFT JOIN participants p ON p.interaction_id = i.id AND p.is_sender = 1 AND i.automated = 0
           LEFT JOIN contacts c ON c.id = p.contact_id
          WHERE i.batch_id = ? AND i.kind IN ('email','message')
          GROUP BY coalesce(i.thread_key, '#' || i.id))`,
    )
    .get(batchId) as { threads: number; twoWay: number };
  const row = db
    .prepare(
      `SELECT count(*) AS records,
              sum(kind IN ('in_person','video','event')) AS meetings,
              sum(kind = 'call') AS calls,
              sum(automated = 0 AND NOT EXISTS (
                SELECT 1 FROM participants p WHERE p.interaction_id = i.id AND +p.contact_id IN (SELECT id FROM contacts WHERE person_id IS NOT NULL))) AS unlinked
         FROM interactions i WHERE batch_id = ?`,
    )
    .get(batchId) as { records: number; meetings: number | null; calls: number | null; unlinked: number | null };
  return {
    records: row.records,
    threads: threads.threads,
    twoWayThreads: threads.twoWay,
    meetings: row.meetings ?? 0,
    calls: row.calls ?? 0,
    unlinked: row.unlinked ?? 0,
  };
}
