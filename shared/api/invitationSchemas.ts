// Runtime schemas of the invitation calls (SPEC §9 `invites`), kept beside the contract's own.
import { z } from 'zod';
import { INVITATION_VERDICTS } from '../invitations/verdict';

/** A sender's key: `url:…`, `name:…` or `raw:…` (see readInvitations). */
export const invitationKey = z.string().min(3).max(600).regex(/^(?:url|name|raw):/, 'an invitation key starts with url:, name: or raw:');

export const invitationRowSchema = z.object({
  key: z.string(),
  from: z.string(),
  profileUrl: z.string().nullable(),
  network: z.string(),
  sentAt: z.string().nullable(),
  message: z.string(),
  verdict: z.enum(INVITATION_VERDICTS),
  inPerson: z.number(),
  conversations: z.number(),
  oneWay: z.number(),
  lastContact: z.string().nullable(),
  tags: z.array(z.string()),
  sentence: z.string(),
});
