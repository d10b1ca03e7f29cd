// Turns linked interaction rows into per-person evidence (SPEC §2–§3): conversations, in-person
// meetings, one-way contact and the last contact, as of the audit date.
import type { AuditRules, Evidence } from '../domain/audit';
import type { InteractionKind } from '../domain/records';

/** One participant of one interaction, as the engine reads it (already limited to day ≤ asOf). */
export interface EvidenceRow {
  interactionId: number;
  kind: InteractionKind;
  day: string;
  threadKey: string | null;
  connected: boolean;
  /** Meetings: everyone present as the source counts them (you included when listed). */
  othersCount: number | null;
  automated: boolean;
  /** Logged by hand: the user's word that the contact was two-way. */
  manual: boolean;
  /** The linked person, or null for the owner or an unlinked participant. */
  personId: string | null;
  isMe: boolean;
  isSender: boolean;
  declined: boolean;
}

export function emptyEvidence(): Evidence {
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
export function collectEvidence(rows: Iterable<EvidenceRow>, rules: AuditRules): Map<string, Evidence> {
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

/**
 * How many people besides you a meeting had, as its verdict counts them, or null when you declined
 * it (then it counts for nobody). The person page explains a record with the same number.
 */
export function othersAtMeeting(participants: Pick<EvidenceRow, 'othersCount' | 'isMe' | 'declined'>[]): number | null {
  if (participants.some((p) => p.isMe && p.declined)) return null;
  const present = participants.filter((p) => !p.declined);
  const first = participants[0];
  // A stored count names everyone present; you are not one of the "others" when you are listed.
  return first.othersCount === null ? present.filter((p) => !p.isMe).length : first.othersCount - (present.some((p) => p.isMe) ? 1 : 0);
}

/** A meeting, call or gathering: every linked person present gets the same verdict. */
function countMeeting(participants: EvidenceRow[], rules: AuditRules, of: (id: string) => Evidence): void {
  const first = participants[0];
  const others = othersAtMeeting(participants);
  if (others === null) return;
  const present = participants.filter((p) => !p.declined);
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
