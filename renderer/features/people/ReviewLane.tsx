// "Go through candidates one by one": one person at a time with the evidence behind their tier, one key per decision.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import type { PersonId } from '../../../shared/api/schemas';
import type { AuditPerson } from '../../../shared/domain/audit';
import { TierBadge } from '../../components/TierBadge';
import { TagPill } from '../../components/TagPill';
import { KeyboardHelp } from '../../components/KeyboardHelp';
import { ProfileLink } from '../../components/ProfileLink';
import { formatCount, formatDay } from '../../components/formatting';
import { navigate } from '../../app/router';
import { decisionRequests, LANE_HELP, laneKey } from './laneDecision';
import { pruneStatusOf } from './pruneStatus';
import type { TagRequest } from './tagHistory';

export interface ReviewLaneProps {
  /** The candidates in table order, frozen when the lane opened so decisions do not reshuffle it. */
  ids: string[];
  byId: ReadonlyMap<string, AuditPerson>;
  onDecide(requests: TagRequest[], label: string): Promise<unknown>;
  onUndo(): void;
  onClose(): void;
}

export function ReviewLane({ ids, byId, onDecide, onUndo, onClose }: ReviewLaneProps) {
  const [index, setIndex] = useState(0);
  const [decided, setDecided] = useState<Record<string, string>>({});
  const ref = useRef<HTMLDivElement>(null);
  const id = ids[index] as PersonId | undefined;
  const person = id ? byId.get(id) : undefined;
  const detail = useQuery({ queryKey: ['person', id], queryFn: () => api['person:get']({ id: id! }), enabled: Boolean(id) });
  useEffect(() => ref.current?.focus(), []);

  const tags = detail.data?.person.tags ?? person?.tags ?? [];
  const counts = Object.values(decided).reduce<Record<string, number>>((acc, t) => ({ ...acc, [t]: (acc[t] ?? 0) + 1 }), {});
  const done = index >= ids.length;

  const decide = async (tag: string) => {
    if (!id) return;
    const requests = decisionRequests(id, tag, tags);
    if (requests.length) await onDecide(requests, `${person?.name ?? 'This person'}: ${tag}`);
    setDecided((d) => ({ ...d, [id]: tag }));
    setIndex((i) => i + 1);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.target as HTMLElement).closest('input, textarea, select')) return;
    const key = laneKey(e);
    if (!key) return;
    e.preventDefault();
    if (key.kind === 'decide') void decide(key.tag);
    else if (key.kind === 'skip') setIndex((i) => Math.min(ids.length, i + 1));
    else if (key.kind === 'back') setIndex((i) => Math.max(0, i - 1));
    else if (key.kind === 'close') onClose();
    else if (key.kind === 'open' && id) navigate('person', id);
    else if (key.kind === 'undo') onUndo();
  };

  const status = detail.data ? pruneStatusOf(detail.data.person.tags, detail.data.connections) : null;
  const records = detail.data?.records ?? [];

  return (
    <div className="card lane" ref={ref} tabIndex={-1} onKeyDown={onKeyDown} role="region" aria-label="Review candidates one by one">
      <div className="lane-head">
        <h2>
          {done ? 'Done' : `Candidate ${formatCount(index + 1)} of ${formatCount(ids.length)}`}
        </h2>
        <span className="muted" aria-live="polite">
          {['prune', 'keep', 'reconnect'].map((t) => `${counts[t] ?? 0} ${t}`).join(' · ')}
        </span>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <KeyboardHelp keys={LANE_HELP} label="Review lane keys" />
      {done ? (
        <p>
          That was everyone in this filter. {formatCount(counts.prune ?? 0)} to prune, {formatCount(counts.keep ?? 0)} kept, {formatCount(counts.reconnect ?? 0)} to reconnect with.
          Export the prune list from the bar above when you are ready.
        </p>
      ) : person ? (
        <article className="lane-person" aria-live="polite">
          <header className="lane-person-head">
            <h3>
              <a href={`#/person/${encodeURIComponent(person.id)}`}>{person.name}</a>
            </h3>
            <TierBadge tier={person.tier} />
            <span className="lane-score">score {person.score}</span>
            {status ? <span className={status === 'pruned' ? 'tc-status tc-status-pruned' : 'tc-status tc-status-connected'}>{status === 'pruned' ? 'pruned ✓' : 'still connected'}</span> : null}
            {tags.map((t) => (
              <TagPill key={t} tag={t} />
            ))}
          </header>
          <p>
            {[person.position, person.company].filter(Boolean).join(' at ') || <span className="muted">No company or position on record.</span>}
          </p>
          <dl className="lane-facts">
            <dt>Connected</dt>
            <dd>
              {formatDay(person.connectedOn)} on {person.networks.join(', ') || '—'}
            </dd>
            <dt>Last conversation</dt>
            <dd>{person.lastContact ? formatDay(person.lastContact) : 'never'}</dd>
            <dt>Evidence</dt>
            <dd>
              {person.inPerson} in person · {person.conversations} conversations · {person.oneWay} one-way
            </dd>
            {person.profileUrls[0] ? (
              <>
                <dt>Profile</dt>
                <dd>
                  <ProfileLink url={person.profileUrls[0]} />
                </dd>
              </>
            ) : null}
          </dl>
          <h4>Records</h4>
          {detail.isLoading ? (
            <p className="muted">Loading their records…</p>
          ) : records.length === 0 ? (
            <p className="muted">No record of any contact: a digital link only.</p>
          ) : (
            <ul className="lane-records">
              {records.slice(0, 6).map((r) => (
                <li key={r.id}>
                  <span className="lane-record-day">{formatDay(r.day)}</span> {r.kind.replace('_', ' ')} {r.subject ? `· ${r.subject}` : ''} <span className="muted">— {r.counted}</span>
                </li>
              ))}
              {records.length > 6 ? <li className="muted">…and {formatCount(records.length - 6)} more on their page.</li> : null}
            </ul>
          )}
          <div className="lane-buttons">
            <button type="button" className="primary" onClick={() => void decide('prune')}>
              Prune <kbd className="tc-kbd">p</kbd>
            </button>
            <button type="button" onClick={() => void decide('keep')}>
              Keep <kbd className="tc-kbd">k</kbd>
            </button>
            <button type="button" onClick={() => void decide('reconnect')}>
              Reconnect <kbd className="tc-kbd">r</kbd>
            </button>
            <button type="button" onClick={() => setIndex((i) => Math.min(ids.length, i + 1))}>
              Skip <kbd className="tc-kbd">s</kbd>
            </button>
            <button type="button" disabled={index === 0} onClick={() => setIndex((i) => Math.max(0, i - 1))}>
              Back <kbd className="tc-kbd">←</kbd>
            </button>
          </div>
        </article>
      ) : (
        <p className="muted">This person is no longer in the audit (their connections were removed). Press s to skip.</p>
      )}
    </div>
  );
}
