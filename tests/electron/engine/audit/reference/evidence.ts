// The audit evidence path the engine shipped before evidenceQuery.ts (every participant row read into JS, then
// collectEvidence), kept unchanged to check the SQL aggregate against. Was: runAudit.ts readEvidenceRows + shared/audit/evidence.ts.
import type { Db } from '../../../../../electron/engine/db/openDatabase';
import type { AuditRules, Evidence } from '../../../../../shared/domain/audit';
import type { InteractionKind } from '../../../../../shared/domain/records';

interface EvidenceRow {
  interactionId: number;
  kind: InteractionKind;
  day: string;
  threadKey: string | null;
  connected: boolean;
  othersCount: number | null;
  automated: boolean;
  manual: boolean;
  personId: string | null;
  isMe: boolean;
  isSender: boolean;
  declined: boolean;
}

type RawEvidenceRow = [number, EvidenceRow['kind'], string, string | null, number, number | null, number, number, string | null, number, number, number];

const EVIDENCE_SQL = `SELECT i.id, i.kind, i.day, i.thread_key, i.connected, i.others_count, i.automated, i.manual,
       c.person_id, c.status = 'own', p.is_sender, p.declined
  FROM interactions i
  JOIN participants p ON p.interaction_id = i.id
  JOIN contacts c ON c.id = p.contact_id
 WHERE i.day <= ? AND (c.person_id IS NOT NULL OR c.status = 'own')`;

export function referenceEvidenceAsOf(db: Db, asOf: string, rules: AuditRules): Map<string, Evidence> {
  const rows = (db.prepare(EVIDENCE_SQL).raw(true).all(asOf) as RawEvidenceRow[]).map(
    (r): EvidenceRow => ({
      interactionId: r[0],
      kind: r[1],
      day: r[2],
      threadKey: r[3],
      connected: r[4] === 1,
      othersCount: r[5],
      automated: r[6] === 1,
      manual: r[7] === 1,
      personId: r[8],
      isMe: r[9] === 1,
      isSender: r[10] === 1,
      declined: r[11] === 1,
    }),
  );
  return collectEvidence(rows, rules);
}

function emptyEvidence(): Evidence {
  return { inPerson: 0, calls: 0, twoWayThreads: 0, conversations: 0, oneWay: 0, interactions: 0, lastContact: null, lastInteraction: null };
}
function later(a: string | null, b: string): string {
  return a === null || b > a ? b : a;
}

function noteInteraction(e: Evidence, day: string): void {
  e.interactions += 1;
  e.lastInteraction = later(e.lastInteraction, day);
}

function noteConversation(e: Evidence, day: string): void {
  e.conversations += 1;
  e.lastContact = later(e.lastContact, day);
  noteInteraction(e, day);
}

interface ThreadState {
  meWrote: boolean;
  lastDay: string;
  automated: boolean;
  manual: boolean;
  /** personId → wrote at least one message */
  people: Map<string, boolean>;
}

/**
 * Rows must already exclude records dated after asOf; a row object may be reused between rows. Meetings and calls count per occurrence;
 * messages count per thread, dated by the thread's latest message.
 */
function collectEvidence(rows: Iterable<EvidenceRow>, rules: AuditRules): Map<string, Evidence> {
  const byInteraction = new Map<number, EvidenceRow[]>();
  const threads = new Map<string, ThreadState>();
  for (const row of rows) {
    if (row.kind === 'email' || row.kind === 'message') {
      addToThread(threads, row);
      continue;
    }
    // Copied: callers may hand the same row object again with new values (the engine does, to spare
    // a million allocations), and meetings are grouped before they are counted.
    const copy = { ...row };
    const list = byInteraction.get(row.interactionId);
    if (list) list.push(copy);
    else byInteraction.set(row.interactionId, [copy]);
  }

  const evidence = new Map<string, Evidence>();
  const of = (personId: string): Evidence => {
    let e = evidence.get(personId);
    if (!e) evidence.set(personId, (e = emptyEvidence()));
    return e;
  };

  for (const participants of byInteraction.values()) countMeeting(participants, rules, of);

  for (const thread of threads.values()) {
    for (const [personId, wrote] of thread.people) {
      const e = of(personId);
      const twoWay = !thread.automated && (thread.manual || (thread.meWrote && wrote));
      if (twoWay) {
        e.twoWayThreads += 1;
        noteConversation(e, thread.lastDay);
      } else {
        e.oneWay += 1;
        noteInteraction(e, thread.lastDay);
      }
    }
  }
  return evidence;
}

function addToThread(threads: Map<string, ThreadState>, row: EvidenceRow): void {
  const key = row.threadKey ?? `#${row.interactionId}`;
  let t = threads.get(key);
  if (!t) threads.set(key, (t = { meWrote: false, lastDay: row.day, automated: false, manual: false, people: new Map() }));
  if (row.day > t.lastDay) t.lastDay = row.day;
  if (row.automated) t.automated = true;
  if (row.manual) t.manual = true;
  if (row.isMe && row.isSender) t.meWrote = true;
  if (row.personId !== null) t.people.set(row.personId, (t.people.get(row.personId) ?? false) || row.isSender);
}

/** A meeting, call or gathering: every linked person present gets the same verdict. */
function countMeeting(participants: EvidenceRow[], rules: AuditRules, of: (id: string) => Evidence): void {
  const first = participants[0];
  if (participants.some((p) => p.isMe && p.declined)) return;
  const present = participants.filter((p) => !p.declined);
  // A stored count names everyone present; you are not one of the "others" when you are listed.
  const others = first.othersCount === null ? present.filter((p) => !p.isMe).length : first.othersCount - (present.some((p) => p.isMe) ? 1 : 0);
  for (const p of present) {
    if (p.personId === null) continue;
    const e = of(p.personId);
    const isConversation =
      first.kind !== 'event' && first.connected && !first.automated && (first.kind === 'call' || others <= rules.smallGroupMax);
    if (!isConversation) {
      e.oneWay += 1;
      noteInteraction(e, first.day);
    } else if (first.kind === 'in_person') {
      e.inPerson += 1;
      noteConversation(e, first.day);
    } else {
      e.calls += 1;
      noteConversation(e, first.day);
    }
  }
}
