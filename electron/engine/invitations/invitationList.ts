// The waiting invitations as the UI, the CLI and the export show them: one row per sender with the
// verdict, the evidence counts, your tags and the plain sentence, newest first.
import type { Db } from '../db/openDatabase';
import type { InvitationRow } from '../../../shared/invitations/invitationRow';
import { invitationSentence } from '../../../shared/invitations/verdict';
import { judgeInvitations, type JudgedInvitation } from './judgeInvitations';
import { readInvitationTags } from './invitationTags';

export interface InvitationList {
  asOf: string;
  invitations: InvitationRow[];
}

export function toInvitationRow(j: JudgedInvitation, tags: string[], rules: Parameters<typeof invitationSentence>[3]): InvitationRow {
  const { sender, verdict, evidence: e } = j;
  return {
    key: sender.key,
    from: sender.name,
    profileUrl: sender.profileUrl || null,
    network: sender.network,
    sentAt: sender.sentAt ? sender.sentAt.slice(0, 10) : null,
    message: sender.message,
    verdict,
    inPerson: e.inPerson,
    conversations: e.conversations,
    oneWay: e.oneWay,
    lastContact: e.lastContact,
    tags,
    sentence: invitationSentence(sender.name, verdict, e, rules),
  };
}

export function listInvitations(db: Db, asOf?: string): InvitationList {
  const judged = judgeInvitations(db, { asOf });
  const tags = readInvitationTags(db);
  const invitations = judged.invitations
    .map((j) => toInvitationRow(j, tags.get(j.sender.key) ?? [], judged.rules))
    .sort((a, b) => (b.sentAt ?? '').localeCompare(a.sentAt ?? '') || a.from.localeCompare(b.from));
  return { asOf: judged.asOf, invitations };
}
