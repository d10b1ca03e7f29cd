// Meetings logged by hand (`tiecheck meet`, a person's page): resolve each "with" to a person and
// store one manual interaction, linked by the user's own word.
import { createHash } from 'node:crypto';
import type { Db } from '../db/openDatabase';
import type { InteractionKind, InteractionRecord } from '../../../shared/domain/records';
import { classifyTypedIdentity, normaliseOwnIdentity } from '../store/identityKeys';
import { InteractionSession } from './interactionSession';
import { createBatch } from './connectionSession';

export class MeetingError extends Error {}

export interface MeetingInput {
  with: string[];
  kind: InteractionKind;
  date: string;
  note?: string;
}

/** Finds the one person a typed identifier names; a person id (p_…) is accepted too. */
export function resolvePerson(db: Db, typed: string): { id: string; name: string } {
  const direct = db.prepare(`SELECT id, display_name AS name FROM persons WHERE id = ?`).get(typed) as { id: string; name: string } | undefined;
  if (direct) return direct;
  const id = normaliseOwnIdentity(classifyTypedIdentity(typed));
  if (!id) throw new MeetingError(`"${typed}" is not a name, e-mail, phone number or profile URL`);
  const matches = db
    .prepare(
      `SELECT DISTINCT p.id, p.display_name AS name, p.company FROM identities i JOIN persons p ON p.id = i.person_id
        WHERE i.kind = ? AND i.value = ? AND EXISTS (SELECT 1 FROM connections c WHERE c.person_id = p.id)`,
    )
    .all(id.kind, id.value) as { id: string; name: string; company: string }[];
  if (matches.length === 1) return matches[0];
  if (matches.length === 0) throw new MeetingError(`no connection matches "${typed}"; import their network first, or use their profile URL or e-mail`);
  const list = matches.slice(0, 5).map((m) => `${m.name}${m.company ? ` (${m.company})` : ''} [${m.id}]`).join(', ');
  throw new MeetingError(`"${typed}" matches ${matches.length} persons: ${list}; use a profile URL, an e-mail or the id`);
}

export function logMeeting(db: Db, input: MeetingInput): { interactionId: number; linked: string[] } {
  return db.transaction(() => {
    const persons = input.with.map((w) => resolvePerson(db, w));
    const batchId = createBatch(db, 'manual', 'logged by hand', 'manual', null);
    const stamp = `${input.date}|${input.kind}|${persons.map((p) => p.id).sort().join(',')}|${input.note ?? ''}|${Date.now()}`;
    const record: InteractionRecord = {
      line: 0,
      sourceKey: `manual:${createHash('sha256').update(stamp).digest('hex').slice(0, 24)}`,
      kind: input.kind,
      occurredAt: `${input.date}T12:00:00Z`,
      threadKey: `manual:${input.date}:${persons.map((p) => p.id).join(',')}`,
      connected: true,
      othersCount: input.kind === 'in_person' || input.kind === 'video' ? persons.length : undefined,
      note: input.note,
      participants: [],
    };
    const session = new InteractionSession(db, batchId);
    const [interactionId] = session.add([record], true);
    // The user named these people: link through contacts keyed by person, fixed against relinking.
    const contact = db.prepare(
      `INSERT INTO contacts (key, name, status, person_id, method, evidence_json) VALUES (?, ?, 'linked', ?, 'manual', ?)
       ON CONFLICT(key) DO UPDATE SET status = 'linked', person_id = excluded.person_id, method = 'manual' RETURNING id`,
    );
    const participant = db.prepare(`INSERT INTO participants (interaction_id, contact_id, role, is_sender, declined) VALUES (?, ?, 'with', 1, 0)`);
    for (const p of persons) {
      const { id } = contact.get(`person:${p.id}`, p.name, p.id, JSON.stringify(['logged by hand'])) as { id: number };
      participant.run(interactionId, id);
    }
    db.prepare(`UPDATE import_batches SET counts_json = ? WHERE id = ?`).run(JSON.stringify({ added: 1 }), batchId);
    return { interactionId, linked: persons.map((p) => p.name) };
  })();
}
