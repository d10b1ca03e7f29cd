// One invitation: the plain sentence, the invitation's own note, and the records behind the verdict,
// shown with the person page's timeline.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ProfileLink } from '../../components/ProfileLink';
import { ProgressBar } from '../../components/ProgressBar';
import { TagPill } from '../../components/TagPill';
import { formatDay, formatNetwork } from '../../components/formatting';
import { RecordTimeline } from '../person/RecordTimeline';
import { VerdictBadge } from './VerdictBadge';
import '../person/person.css';

export function InvitationDetail({ invitationKey, onClose }: { invitationKey: string; onClose(): void }) {
  const detail = useQuery({ queryKey: ['invites:detail', invitationKey], queryFn: () => api['invites:detail']({ key: invitationKey }) });
  if (detail.isPending) return <ProgressBar label="Reading their records…" />;
  if (detail.isError) return <ErrorNotice title="Could not read this invitation" error={detail.error} onRetry={() => void detail.refetch()} />;
  const { invitation: inv, records } = detail.data;
  return (
    <section className="card inv-detail" aria-labelledby="inv-detail-title" data-testid="invitation-detail">
      <div className="inv-detail-head">
        <h2 id="inv-detail-title">{inv.from || '(no name)'}</h2>
        <button type="button" onClick={onClose} aria-label="Close the invitation">
          ×
        </button>
      </div>
      <p className="inv-detail-meta">
        <VerdictBadge verdict={inv.verdict} /> invited you on {formatNetwork(inv.network)}
        {inv.sentAt ? ` on ${formatDay(inv.sentAt)}` : ''} {inv.profileUrl ? <ProfileLink url={inv.profileUrl} label="profile" /> : null}
        {inv.tags.map((t) => (
          <TagPill key={t} tag={t} />
        ))}
      </p>
      <p className="inv-sentence" data-testid="invitation-sentence">
        {inv.sentence}
      </p>
      {inv.message ? <blockquote className="inv-message">{inv.message}</blockquote> : null}
      <h3>The records behind it</h3>
      {records.length === 0 ? (
        <p className="muted">No e-mail, message, call or meeting in your records names them, by profile URL, address or an unambiguous name.</p>
      ) : (
        <RecordTimeline records={records} />
      )}
    </section>
  );
}
