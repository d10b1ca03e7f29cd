// The invitation calls (SPEC §9 `invites`): the list, one sender's evidence, tags and the CSV export.
import type { Handlers } from './handlerTypes';
import { listInvitations } from '../invitations/invitationList';
import { readInvitationDetail } from '../invitations/invitationDetail';
import { applyInvitationTag } from '../invitations/invitationTags';
import { writeInvitationsCsv } from '../../../shared/invitations/invitationRow';

export const invitationHandlers: Pick<Handlers, 'invites:list' | 'invites:detail' | 'invites:tag' | 'invites:export'> = {
  'invites:list': (req, ctx) => listInvitations(ctx.db, req.asOf),
  'invites:detail': (req, ctx) => readInvitationDetail(ctx.db, req.key, req.asOf),
  'invites:tag': (req, ctx) => ({ changed: applyInvitationTag(ctx.db, req.action, req.tag, req.keys) }),
  'invites:export': (req, ctx) => {
    const { asOf, invitations } = listInvitations(ctx.db, req.asOf);
    const only = req.keys ? new Set(req.keys) : null;
    const rows = only ? invitations.filter((r) => only.has(r.key)) : invitations;
    return { fileName: `tiecheck-invitations-${asOf}.csv`, csv: writeInvitationsCsv(rows), rows: rows.length };
  },
};
