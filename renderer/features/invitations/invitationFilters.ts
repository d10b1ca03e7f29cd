// Which waiting invitations the view shows: by verdict, network, tag and text; counts per verdict.
import type { InvitationRow } from '../../../shared/invitations/invitationRow';
import { INVITATION_VERDICTS, type InvitationVerdict } from '../../../shared/invitations/verdict';

export interface InvitationFilter {
  verdict: InvitationVerdict | 'all';
  network: string;
  /** 'all', 'untagged', or one tag. */
  tag: string;
  text: string;
}

export const NO_FILTER: InvitationFilter = { verdict: 'all', network: 'all', tag: 'all', text: '' };

export function filterInvitations(rows: readonly InvitationRow[], f: InvitationFilter): InvitationRow[] {
  const needle = f.text.trim().toLocaleLowerCase();
  return rows.filter(
    (r) =>
      (f.verdict === 'all' || r.verdict === f.verdict) &&
      (f.network === 'all' || r.network === f.network) &&
      (f.tag === 'all' || (f.tag === 'untagged' ? r.tags.length === 0 : r.tags.includes(f.tag))) &&
      (needle === '' || r.from.toLocaleLowerCase().includes(needle) || (r.profileUrl ?? '').toLocaleLowerCase().includes(needle)),
  );
}

export function countByVerdict(rows: readonly InvitationRow[]): Record<InvitationVerdict, number> {
  const counts = Object.fromEntries(INVITATION_VERDICTS.map((v) => [v, 0])) as Record<InvitationVerdict, number>;
  for (const r of rows) counts[r.verdict] += 1;
  return counts;
}
