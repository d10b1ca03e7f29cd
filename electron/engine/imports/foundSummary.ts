// What an interaction import turned out to contain: threads, two-way threads, meetings, calls, unlinked records.
import type { Db } from '../db/openDatabase';

export function summariseFound(db: Db, batchId: number) {
  const row = db
    .prepare(
      `SELECT count(*) AS records,
              count(DISTINCT CASE WHEN kind IN ('email','message') THEN coalesce(thread_key, '#' || id) END) AS threads,
              sum(kind IN ('in_person','video','event')) AS meetings,
              sum(kind = 'call') AS calls
         FROM interactions WHERE batch_id = ?`,
    )
    .get(batchId) as { records: number; threads: number; meetings: number | null; calls: number | null };
  const twoWay = db
    .prepare(
      `SELECT count(*) AS n FROM (
         SELECT coalesce(i.thread_key, '#' || i.id) AS t
           FROM interactions i JOIN participants p ON p.interaction_id = i.id JOIN contacts c ON c.id = p.contact_id
          WHERE i.batch_id = ? AND i.kind IN ('email','message') AND p.is_sender = 1 AND i.automated = 0
          GROUP BY t HAVING max(c.status = 'own') = 1 AND max(c.status <> 'own') = 1)`,
    )
    .get(batchId) as { n: number };
  const unlinked = db
    .prepare(
      `SELECT count(*) AS n FROM interactions i WHERE i.batch_id = ? AND i.automated = 0 AND NOT EXISTS (
         SELECT 1 FROM participants p JOIN contacts c ON c.id = p.contact_id WHERE p.interaction_id = i.id AND c.person_id IS NOT NULL)`,
    )
    .get(batchId) as { n: number };
  return {
    records: row.records,
    threads: row.threads,
    twoWayThreads: twoWay.n,
    meetings: row.meetings ?? 0,
    calls: row.calls ?? 0,
    unlinked: unlinked.n,
  };
}
