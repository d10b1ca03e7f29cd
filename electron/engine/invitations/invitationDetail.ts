// One waiting invitation with the records behind its verdict: the same timeline, with the same
// explanations, as a person's page.
import type { Db } from '../db/openDatabase';
import type { PersonDetail } from '../../../shared/api/schemas';
import type { InvitationRow } from '../../../shared/invitations/invitationRow';
import { explainRecord, readMeetingHeadcounts, type RecordRow } from '../audit/personDetail';
import { UserFacingError } from '../handlers/handlerTypes';
import { readInvitationTags } from './invitationTags';
import { toInvitationRow } from './invitationList';
import { judgeInvitations, senderEvidenceRows } from './judgeInvitations';

const SENDER = 'sender';

export function readInvitationDetail(db: Db, key: string, asOfDay?: string): { invitation: InvitationRow; records: PersonDetail['records'] } {
  const judged = judgeInvitations(db, { asOf: asOfDay });
  const found = judged.invitations.find((j) => j.sender.key === key);
  if (!found) throw new UserFacingError('not_found', 'no invitation waiting from that sender (accepted since, or not imported)');
  const invitation = toInvitationRow(found, readInvitationTags(db).get(key) ?? [], judged.rules);
  if (found.contacts.length === 0) return { invitation, records: [] };

  const how = new Map(found.contacts.map((c) => [c.id, c]));
  const rows = senderEvidenceRows(db, judged.asOf, new Map(found.contacts.map((c) => [c.id, SENDER])));
  const twoWay = new Set<string>();
  const wrote = new Map<string, { me: boolean; them: boolean }>();
  for (const r of rows) {
    if (r.threadKey === null || !r.isSender) continue;
    const w = wrote.get(r.threadKey) ?? { me: false, them: false };
    if (r.isMe) w.me = true;
    if (r.personId === SENDER) w.them = true;
    wrote.set(r.threadKey, w);
  }
  for (const [thread, w] of wrote) if (w.me && w.them) twoWay.add(thread);

  const records = db
    .prepare(
      `SELECT i.id, i.kind, i.day, i.subject, i.note, i.thread_key AS threadKey, i.connected, i.others_count AS othersCount, i.automated, i.manual,
              p.role, p.is_sender AS isSender, c.id AS contactId, NULL AS method, '[]' AS evidenceJson
         FROM interactions i JOIN participants p ON p.interaction_id = i.id JOIN contacts c ON c.id = p.contact_id
        WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY i.occurred_at DESC LIMIT 2000`,
    )
    .all(JSON.stringify([...how.keys()])) as (RecordRow & { contactId: number })[];
  const othersAt = readMeetingHeadcounts(db, records);
  return {
    invitation,
    records: records.map((r) => ({
      id: r.id,
      kind: r.kind,
      day: r.day,
      subject: r.subject || r.note,
      role: r.role,
      counted: explainRecord(r, judged.asOf, judged.rules, twoWay, othersAt),
      how: how.get(r.contactId)?.method ?? 'unknown',
      evidence: how.get(r.contactId)?.evidence ?? [],
    })),
  };
}
