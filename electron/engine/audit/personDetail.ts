// A person's page: their connections, tier and score with its breakdown, and every record behind it
// with how it counted and why it is linked to them.
import type { Db } from '../db/openDatabase';
import type { PersonDetail } from '../../../shared/api/schemas';
import { collectEvidence, emptyEvidence, othersAtMeeting, type EvidenceRow } from '../../../shared/audit/evidence';
import { SCORE_WEIGHTS, verdictOf } from '../../../shared/audit/classify';
import { todayUtc } from '../../../shared/audit/calendarDays';
import { readRules } from '../store/settingsStore';
import { readPersonEvidenceRows } from './runAudit';
import { UserFacingError } from '../handlers/handlerTypes';
import type { AuditRules } from '../../../shared/domain/audit';

export interface RecordRow {
  id: number;
  kind: EvidenceRow['kind'];
  day: string;
  subject: string;
  note: string;
  threadKey: string | null;
  connected: number;
  othersCount: number | null;
  automated: number;
  manual: number;
  role: string;
  isSender: number;
  method: string | null;
  evidenceJson: string;
}

/**
 * `othersAt` gives a meeting's people besides you as the evidence counts them (null: you declined);
 * without it the stored count is used as is.
 */
export function explainRecord(r: RecordRow, asOf: string, rules: AuditRules, twoWayThreads: Set<string>, othersAt?: Map<number, number | null>): string {
  if (r.day > asOf) return 'after the audit date: ignored';
  if (r.automated) return 'automated or mailing-list message: never a conversation';
  if (r.kind === 'email' || r.kind === 'message') {
    const key = r.threadKey ?? `#${r.id}`;
    return r.manual || twoWayThreads.has(key) ? 'part of a two-way thread: a conversation' : 'one-way: only one side wrote';
  }
  if (r.kind === 'call') return r.connected ? 'a call that connected: a conversation' : 'missed, rejected or zero-length call: not a conversation';
  const others = othersAt?.has(r.id) ? othersAt.get(r.id) : r.othersCount;
  if (others === null && othersAt?.has(r.id)) return 'you declined it: not counted';
  if (r.kind === 'event' || (others ?? 0) > rules.smallGroupMax) return `a gathering (${others ?? 'many'} people besides you): not a conversation`;
  return r.kind === 'in_person' ? 'met in person: a conversation' : 'a video call: a conversation';
}

/**
 * Each meeting's people besides you as the audit counts them (its rows: linked persons and you), or
 * null where you declined: the head count a record's explanation must use to agree with the tier.
 */
export function readMeetingHeadcounts(db: Db, records: Pick<RecordRow, 'id' | 'kind'>[]): Map<number, number | null> {
  const meetings = [...new Set(records.filter((r) => r.kind !== 'email' && r.kind !== 'message').map((r) => r.id))];
  const rows = db
    .prepare(
      `SELECT p.interaction_id AS interactionId, i.others_count AS othersCount, c.status = 'own' AS isMe, p.declined
         FROM participants p JOIN interactions i ON i.id = p.interaction_id JOIN contacts c ON c.id = p.contact_id
        WHERE p.interaction_id IN (SELECT value FROM json_each(?)) AND (c.person_id IS NOT NULL OR c.status = 'own')`,
    )
    .all(JSON.stringify(meetings)) as { interactionId: number; othersCount: number | null; isMe: number; declined: number }[];
  const byMeeting = new Map<number, Pick<EvidenceRow, 'othersCount' | 'isMe' | 'declined'>[]>();
  for (const r of rows) {
    const list = byMeeting.get(r.interactionId) ?? [];
    list.push({ othersCount: r.othersCount, isMe: r.isMe === 1, declined: r.declined === 1 });
    byMeeting.set(r.interactionId, list);
  }
  return new Map([...byMeeting].map(([id, participants]) => [id, othersAtMeeting(participants)]));
}

export function readPersonDetail(db: Db, personId: string, asOfDay?: string): PersonDetail {
  const asOf = asOfDay ?? todayUtc();
  const rules = readRules(db);
  const person = db.prepare(`SELECT id, display_name AS name, company, position, note FROM persons WHERE id = ?`).get(personId) as
    | { id: string; name: string; company: string; position: string; note: string }
    | undefined;
  if (!person) throw new UserFacingError('not_found', `no person with id ${personId}`);

  const connections = db
    .prepare(
      // A contact saved without a name is shown by its e-mail or number, as the person is.
      `SELECT id, network, COALESCE(NULLIF(full_name, ''), emails_json ->> 0, phones_json ->> 0, NULLIF(profile_url, ''), company) AS name, profile_url AS profileUrl, company, position, connected_on AS connectedOn, removed_at AS removedAt
         FROM connections WHERE person_id = ? ORDER BY connected_on`,
    )
    .all(personId) as PersonDetail['connections'];
  const records = db
    .prepare(
      `SELECT i.id, i.kind, i.day, i.subject, i.note, i.thread_key AS threadKey, i.connected, i.others_count AS othersCount, i.automated, i.manual,
              p.role, p.is_sender AS isSender, c.method, c.evidence_json AS evidenceJson
         FROM interactions i JOIN participants p ON p.interaction_id = i.id JOIN contacts c ON c.id = p.contact_id
        WHERE c.person_id = ? ORDER BY i.occurred_at DESC LIMIT 2000`,
    )
    .all(personId) as RecordRow[];

  // Evidence from the full threads and meetings this person is in, so "two-way" sees your messages too.
  const ids = new Set(records.map((r) => r.id));
  const threads = new Set(records.map((r) => r.threadKey).filter((t): t is string => t !== null));
  const rows = readPersonEvidenceRows(db, asOf, personId).filter((r) => ids.has(r.interactionId) || (r.threadKey !== null && threads.has(r.threadKey)));
  const onlyThem = rows.filter((r) => r.personId === null || r.personId === personId);
  const e = collectEvidence(onlyThem, rules).get(personId) ?? emptyEvidence();
  const othersAt = readMeetingHeadcounts(db, records);
  const twoWayThreads = new Set<string>();
  for (const key of threads) {
    const inThread = onlyThem.filter((r) => r.threadKey === key);
    if (inThread.some((r) => r.isMe && r.isSender) && inThread.some((r) => r.personId === personId && r.isSender)) twoWayThreads.add(key);
  }

  const emails = db.prepare(`SELECT value FROM identities WHERE person_id = ? AND kind = 'email' ORDER BY value`).pluck().all(personId) as string[];
  const tags = db.prepare(`SELECT tag FROM tags WHERE person_id = ? ORDER BY tag`).pluck().all(personId) as string[];
  const active = connections.filter((c) => c.removedAt === null);
  return {
    person: {
      id: person.id,
      name: person.name,
      emails,
      profileUrls: [...new Set(connections.map((c) => c.profileUrl).filter(Boolean))],
      company: person.company,
      position: person.position,
      networks: [...new Set(active.map((c) => c.network))].sort(),
      connectedOn: active.map((c) => c.connectedOn).filter((d): d is string => !!d).sort()[0] ?? null,
      ...verdictOf(e, asOf, rules),
      tags,
      note: person.note,
      scoreBreakdown: {
        inPerson: e.inPerson * SCORE_WEIGHTS.inPerson,
        callsAndVideo: e.calls * SCORE_WEIGHTS.call,
        twoWayThreads: e.twoWayThreads * SCORE_WEIGHTS.twoWayThread,
        oneWay: e.oneWay * SCORE_WEIGHTS.oneWay,
      },
    },
    connections,
    records: records.map((r) => ({
      id: r.id,
      kind: r.kind,
      day: r.day,
      subject: r.subject || r.note,
      role: r.role,
      counted: explainRecord(r, asOf, rules, twoWayThreads, othersAt),
      how: r.method ?? 'unknown',
      evidence: safeEvidence(r.evidenceJson),
    })),
  };
}

function safeEvidence(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) : [];
  } catch {
    return [];
  }
}
