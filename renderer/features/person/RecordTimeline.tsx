// Every record behind a person's tier, newest first: what it was, how it counted, and why it is linked to them.
import { useState } from 'react';
import type { PersonDetail } from '../../../shared/api/schemas';
import { formatCount, formatDay } from '../../components/formatting';

const KIND_WORDS: Record<string, string> = { in_person: 'In person', call: 'Call', video: 'Video', email: 'Email', message: 'Message', event: 'Event' };
const HOW_WORDS: Record<string, string> = {
  email: 'the same e-mail address',
  url: 'the same profile URL',
  phone: 'the same phone number',
  name: 'an unambiguous name',
  'name+domain': 'name, with an e-mail domain that fits their company',
  manual: 'you',
  decision: 'your decision',
};
const PAGE = 100;

/** Counted as a conversation, or not: the engine's explanation starts with it. */
function countedTone(counted: string): 'yes' | 'no' {
  return /: a conversation$/.test(counted) ? 'yes' : 'no';
}

export function RecordTimeline({ records }: { records: PersonDetail['records'] }) {
  const [shown, setShown] = useState(PAGE);
  if (records.length === 0) return <p className="muted">No records at all: no e-mail, message, call or meeting links to them. That is what makes a link dilution.</p>;
  return (
    <>
      <ol className="timeline">
        {records.slice(0, shown).map((r) => (
          <li key={`${r.id}-${r.role}`} className="timeline-item" data-counted={countedTone(r.counted)}>
            <span className="timeline-day">{formatDay(r.day)}</span>
            <div className="timeline-body">
              <p className="timeline-what">
                <span className="timeline-kind">{KIND_WORDS[r.kind] ?? r.kind}</span>
                {r.subject ? <span className="timeline-subject">{r.subject}</span> : null}
                {r.role ? <span className="muted">({r.role})</span> : null}
              </p>
              <p className="timeline-counted">{r.counted}</p>
              <p className="timeline-link muted">
                Linked by {HOW_WORDS[r.how] ?? r.how}
                {r.evidence.length ? `: ${r.evidence.join('; ')}` : ''}
              </p>
            </div>
          </li>
        ))}
      </ol>
      {records.length > shown ? (
        <button type="button" onClick={() => setShown((s) => s + PAGE * 5)}>
          Show more ({formatCount(records.length - shown)} left)
        </button>
      ) : null}
      {records.length >= 2000 ? <p className="muted">Showing the latest 2,000 records.</p> : null}
    </>
  );
}
