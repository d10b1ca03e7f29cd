// A person's page: who they are, their tier and score with its breakdown, connections (merge, split), every record and why it is theirs, tags, note, log a meeting.
import { useEffect, useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import type { PersonId } from '../../../shared/api/schemas';
import { TIER_LABELS, TIER_MEANINGS } from '../../../shared/report/tierLabels';
import { ErrorNotice, describeError } from '../../components/ErrorNotice';
import { ProgressBar } from '../../components/ProgressBar';
import { ProfileLink } from '../../components/ProfileLink';
import { TierBadge } from '../../components/TierBadge';
import { ToastRegion, useToasts } from '../../components/Toast';
import { formatDay, formatNetwork } from '../../components/formatting';
import { pruneStatusOf } from '../people/pruneStatus';
import { useTagActions } from '../people/useTagActions';
import { IdentityActions } from './IdentityActions';
import { LogMeetingForm } from './LogMeetingForm';
import { PersonTags } from './PersonTags';
import { RecordTimeline } from './RecordTimeline';
import { ScoreBreakdown } from './ScoreBreakdown';
import './person.css';

function NoteEditor({ personId, note }: { personId: string; note: string }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState(note);
  const [status, setStatus] = useState('');
  useEffect(() => setText(note), [note]);
  const save = async () => {
    if (text === note) return;
    setStatus('Saving…');
    try {
      await api['person:setNote']({ id: personId as PersonId, note: text });
      setStatus('Saved.');
      void queryClient.invalidateQueries({ queryKey: ['person', personId] });
    } catch (err) {
      setStatus(`Not saved: ${describeError(err)}`);
    }
  };
  return (
    <div className="person-note">
      <label htmlFor="person-note">Note (saved when you leave the box)</label>
      <textarea id="person-note" rows={3} value={text} maxLength={20000} onChange={(e) => setText(e.target.value)} onBlur={() => void save()} />
      <span className="muted" aria-live="polite">
        {status}
      </span>
    </div>
  );
}

export function PersonPage({ id }: { id: string }) {
  const detail = useQuery({ queryKey: ['person', id], queryFn: () => api['person:get']({ id: id as PersonId }) });
  const { toasts, show, dismiss } = useToasts();
  const toastApi = useMemo(() => ({ show }), [show]);
  const tagActions = useTagActions(toastApi);

  if (detail.isLoading) return <ProgressBar label="Reading their records…" />;
  if (detail.error || !detail.data) {
    return (
      <>
        <p>
          <a href="#/people">← People</a>
        </p>
        <ErrorNotice title="Could not open this person" error={detail.error ?? 'Not found'} onRetry={() => void detail.refetch()} />
      </>
    );
  }
  const { person: p, connections, records } = detail.data;
  const status = pruneStatusOf(p.tags, connections);
  const allRemoved = connections.length > 0 && connections.every((c) => c.removedAt !== null);

  return (
    <article className="person-page" aria-labelledby="person-name">
      <p className="person-back">
        <a href="#/people">← People</a>
      </p>
      <header className="person-head">
        <div>
          <h1 id="person-name">{p.name || '(no name)'}</h1>
          <p className="person-role">{[p.position, p.company].filter(Boolean).join(' at ') || <span className="muted">No company or position on record.</span>}</p>
        </div>
        <div className="person-verdict">
          <TierBadge tier={p.tier} />
          <span className="person-score" aria-label={`Strength score ${p.score} of 100`}>
            {p.score}
          </span>
          {status ? <span className={status === 'pruned' ? 'tc-status tc-status-pruned' : 'tc-status tc-status-connected'}>{status === 'pruned' ? 'pruned ✓' : 'still connected'}</span> : null}
        </div>
      </header>
      <p className="person-meaning">
        <strong>{TIER_LABELS[p.tier]}</strong>: {TIER_MEANINGS[p.tier]}. {p.inPerson} in person, {p.conversations} conversation{p.conversations === 1 ? '' : 's'}, {p.oneWay} one-way; last conversation{' '}
        {p.lastContact ? formatDay(p.lastContact) : 'never'}.{allRemoved ? ' Every connection to them has been removed, so they are left out of the audit.' : ''}
      </p>

      <div className="person-grid">
        <section className="card" aria-labelledby="score-h">
          <h2 id="score-h">Why this score</h2>
          <ScoreBreakdown score={p.score} breakdown={p.scoreBreakdown} />
        </section>
        <section className="card" aria-labelledby="tags-h">
          <h2 id="tags-h">Tags and note</h2>
          <PersonTags personId={p.id} tags={p.tags} actions={tagActions} />
          <NoteEditor personId={p.id} note={p.note} />
        </section>
      </div>

      <section className="card" aria-labelledby="conn-h">
        <h2 id="conn-h">Connections</h2>
        <IdentityActions key={p.id} detail={detail.data} show={show} />
        <table className="person-connections">
          <thead>
            <tr>
              <th scope="col">Network</th>
              <th scope="col">Name there</th>
              <th scope="col">Profile</th>
              <th scope="col">Connected on</th>
              <th scope="col">Removed</th>
            </tr>
          </thead>
          <tbody>
            {connections.map((c) => (
              <tr key={c.id}>
                <td>{formatNetwork(c.network)}</td>
                <td>
                  {c.name}
                  {c.company || c.position ? <span className="muted"> · {[c.position, c.company].filter(Boolean).join(', ')}</span> : null}
                </td>
                <td>
                  <ProfileLink url={c.profileUrl} />
                </td>
                <td>{formatDay(c.connectedOn)}</td>
                <td>{c.removedAt ? formatDay(c.removedAt) : <span className="muted">still connected</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {p.emails.length ? <p className="muted person-emails">E-mail: {p.emails.join(', ')}</p> : null}
      </section>

      <section className="card">
        <LogMeetingForm personId={p.id} tierBefore={p.tier} />
      </section>

      <section className="card" aria-labelledby="records-h">
        <h2 id="records-h">Records ({records.length})</h2>
        <RecordTimeline records={records} />
      </section>
      <ToastRegion toasts={toasts} onDismiss={dismiss} />
    </article>
  );
}
