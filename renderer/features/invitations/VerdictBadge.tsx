// An invitation's verdict as a badge with its word (never colour alone) and what it means.
import type { InvitationVerdict } from '../../../shared/invitations/verdict';

export const VERDICT_LABELS: Record<InvitationVerdict, string> = { met: 'Met', talked: 'Talked', contact: 'Contact', never: 'Never' };
export const VERDICT_MEANINGS: Record<InvitationVerdict, string> = {
  met: 'You have met in person: over the bar.',
  talked: 'Enough conversations, never in person: over the bar.',
  contact: 'Some record, but below the bar.',
  never: 'No record at all: you have never written to or met them.',
};

export function VerdictBadge({ verdict }: { verdict: InvitationVerdict }) {
  return (
    <span className="inv-verdict" data-verdict={verdict} title={VERDICT_MEANINGS[verdict]}>
      <span className="inv-verdict-dot" aria-hidden="true" />
      {VERDICT_LABELS[verdict]}
    </span>
  );
}
