// Per-person evidence (SPEC §2–§3) as one SQL aggregate: the million participant rows of a large
// database are counted inside SQLite and only one row per person crosses into JS. Gives the same
// counts as collectEvidence (shared/audit/evidence.ts) over readEvidenceRows, which stays for a
// person's page; tests/electron/engine/audit/evidenceQuery.test.ts holds the two against each other.
import type { Db } from '../db/openDatabase';
import type { AuditRules, Evidence } from '../../../shared/domain/audit';

// The rows collectEvidence is given: participants, up to asOf, whose contact is a person or you.
// Interactions are scanned in id order (CROSS JOIN keeps that order; the unary + keeps the day index
// out, which would only add a lookup per row when asOf is today), so the per-meeting GROUP BY streams
// without a sort.
const ROWS = `FROM interactions i CROSS JOIN participants p ON p.interaction_id = i.id CROSS JOIN contacts c ON c.id = p.contact_id
 WHERE +i.day <= :asOf AND (c.person_id IS NOT NULL OR c.status = 'own')`;

// Messages count per thread (a message without a thread key is a thread of its own): one group per
// thread and person (null for rows that are only yours); the windows, over the groups of a thread,
// give the thread's latest day, its flags and whether you wrote in it. Sorting the million rows for
// that GROUP BY is most of the query's time; the window sorts only the groups.
const THREAD = `coalesce(i.thread_key, '#' || i.id)`;
const THREAD_VERDICTS = `SELECT pid, td AS day, (NOT ta AND (tm OR (tmw AND w))) AS conv, 0 AS in_person, 0 AS call
  FROM (SELECT c.person_id AS pid, max(p.is_sender) AS w, max(max(i.day)) OVER t AS td, max(max(i.automated)) OVER t AS ta,
               max(max(i.manual)) OVER t AS tm, max(max(c.status = 'own' AND p.is_sender)) OVER t AS tmw
          ${ROWS} AND i.kind IN ('email', 'message')
         GROUP BY ${THREAD}, c.person_id
        WINDOW t AS (PARTITION BY ${THREAD}))
 WHERE pid IS NOT NULL`;

// Meetings, calls and gatherings count per occurrence: skipped when you declined, a conversation
// when connected, not automated and not an event, and a call or small enough ("others" as stored,
// less you when you are listed present; else the listed present participants other than you).
const MEETINGS = `SELECT i.id, i.kind, i.day,
       i.kind != 'event' AND i.connected AND NOT i.automated AND (i.kind = 'call' OR
         (CASE WHEN i.others_count IS NULL THEN sum(NOT p.declined AND c.status != 'own')
               ELSE i.others_count - max(NOT p.declined AND c.status = 'own') END) <= :smallGroupMax) AS conv
  ${ROWS} AND i.kind NOT IN ('email', 'message')
 GROUP BY i.id
HAVING NOT max(c.status = 'own' AND p.declined)`;

// Every linked person present at a meeting counts once per participant row, as collectEvidence does.
const MEETING_VERDICTS = `SELECT c.person_id AS pid, mt.day, mt.conv, mt.conv AND mt.kind = 'in_person' AS in_person,
       mt.conv AND mt.kind != 'in_person' AS call
  FROM (${MEETINGS}) mt CROSS JOIN participants p ON p.interaction_id = mt.id CROSS JOIN contacts c ON c.id = p.contact_id
 WHERE NOT p.declined AND c.person_id IS NOT NULL`;

const AGGREGATE = `SELECT pid, sum(in_person) AS inPerson, sum(call) AS calls, sum(conv AND NOT in_person AND NOT call) AS twoWayThreads,
       sum(conv) AS conversations, sum(NOT conv) AS oneWay, count(*) AS interactions,
       max(CASE WHEN conv THEN day END) AS lastContact, max(day) AS lastInteraction`;

const EVIDENCE_SQL = `${AGGREGATE} FROM (${THREAD_VERDICTS} UNION ALL ${MEETING_VERDICTS}) GROUP BY pid`;
const MEETING_EVIDENCE_SQL = `${AGGREGATE} FROM (${MEETING_VERDICTS}) GROUP BY pid`;

// The same over meetings whose ids the caller holds (a superset will do: the kind is still checked): rowid look-ups
// instead of a scan of every interaction for the few that are not threads.
const MEETING_EVIDENCE_BY_ID_SQL = MEETING_EVIDENCE_SQL.replace(
  `AND i.kind NOT IN ('email', 'message')`,
  `AND i.kind NOT IN ('email', 'message') AND i.id IN (SELECT value FROM json_each(:ids))`,
);

type EvidenceRecord = Evidence & { pid: string };

function byPerson(rows: EvidenceRecord[]): Map<string, Evidence> {
  const evidence = new Map<string, Evidence>();
  for (const { pid, ...e } of rows) evidence.set(pid, e);
  return evidence;
}

/** Evidence of every person with at least one interaction up to asOf (others have none). */
export function queryEvidence(db: Db, asOf: string, rules: AuditRules): Map<string, Evidence> {
  return byPerson(db.prepare(EVIDENCE_SQL).all({ asOf, smallGroupMax: rules.smallGroupMax }) as EvidenceRecord[]);
}

/**
 * The same, from meetings, calls and gatherings only (threads then come from threadSummary.ts); `ids`, when given,
 * holds the id of every such record (threadSummary.ts keeps them).
 */
export function queryMeetingEvidence(db: Db, asOf: string, rules: AuditRules, ids?: ArrayLike<number>): Map<string, Evidence> {
  const params = { asOf, smallGroupMax: rules.smallGroupMax };
  if (!ids) return byPerson(db.prepare(MEETING_EVIDENCE_SQL).all(params) as EvidenceRecord[]);
  return byPerson(db.prepare(MEETING_EVIDENCE_BY_ID_SQL).all({ ...params, ids: JSON.stringify(Array.from(ids)) }) as EvidenceRecord[]);
}

const later = (a: string | null, b: string | null): string | null => (a === null ? b : b === null || a >= b ? a : b);

/** Adds `more` into `into`, person by person: counts add up, the latest days win. */
export function addEvidence(into: Map<string, Evidence>, more: Map<string, Evidence>): Map<string, Evidence> {
  for (const [pid, m] of more) {
    const e = into.get(pid);
    if (!e) {
      into.set(pid, m);
      continue;
    }
    e.inPerson += m.inPerson;
    e.calls += m.calls;
    e.twoWayThreads += m.twoWayThreads;
    e.conversations += m.conversations;
    e.oneWay += m.oneWay;
    e.interactions += m.interactions;
    e.lastContact = later(e.lastContact, m.lastContact);
    e.lastInteraction = later(e.lastInteraction, m.lastInteraction);
  }
  return into;
}
