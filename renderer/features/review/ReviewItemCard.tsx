// One uncertain link: the record's side (name, e-mail, profile, how many records) and each candidate with evidence for and against.
import { memo } from 'react';
import { z } from 'zod';
import { reviewItemSchema } from '../../../shared/api/schemas';
import { ProfileLink } from '../../components/ProfileLink';
import { formatCount } from '../../components/formatting';

export type ReviewItem = z.infer<typeof reviewItemSchema>;

export interface ReviewItemCardProps {
  item: ReviewItem;
  active: boolean;
  candidate: number;
  busy: boolean;
  onActivate(): void;
  onPick(index: number): void;
  onConfirm(personId: string): void;
  onReject(personId: string): void;
  onNone(): void;
}

export const ReviewItemCard = memo(function ReviewItemCard({ item, active, candidate, busy, onActivate, onPick, onConfirm, onReject, onNone }: ReviewItemCardProps) {
  return (
    <li id={`review-${item.contactId}`} className="review-item card" aria-current={active ? 'true' : undefined} onClick={onActivate}>
      <div className="review-record">
        <h2 className="review-record-name">{item.name || item.email || item.profileUrl || '(no name)'}</h2>
        <dl>
          {item.email ? (
            <>
              <dt>E-mail</dt>
              <dd>{item.email}</dd>
            </>
          ) : null}
          {item.profileUrl ? (
            <>
              <dt>Profile</dt>
              <dd>
                <ProfileLink url={item.profileUrl} />
              </dd>
            </>
          ) : null}
          <dt>Records</dt>
          <dd>{formatCount(item.records)} would count for whoever this is</dd>
        </dl>
      </div>
      <ol className="review-candidates" aria-label={`Who is ${item.name || 'this'}?`}>
        {item.candidates.map((c, i) => (
          <li key={c.personId} className="review-candidate" data-picked={active && i === candidate ? 'true' : undefined}>
            <div className="review-candidate-head">
              <span className="review-candidate-key" aria-hidden="true">
                {i + 1}
              </span>
              <a href={`#/person/${encodeURIComponent(c.personId)}`} onClick={(e) => e.stopPropagation()}>
                {c.name}
              </a>
              <span className="muted">{c.company || 'no company on record'}</span>
            </div>
            <ul className="review-evidence">
              {c.reasons.map((r) => (
                <li key={`for-${r}`} className="review-for">
                  <span aria-hidden="true">+ </span>
                  <span className="visually-hidden">For: </span>
                  {r}
                </li>
              ))}
              {c.against.map((r) => (
                <li key={`against-${r}`} className="review-against">
                  <span aria-hidden="true">− </span>
                  <span className="visually-hidden">Against: </span>
                  {r}
                </li>
              ))}
            </ul>
            <div className="review-buttons">
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={(e) => {
                  e.stopPropagation();
                  onPick(i);
                  onConfirm(c.personId);
                }}
              >
                Confirm: it is {c.name}
              </button>
              <button
                type="button"
                disabled={busy}
                onClick={(e) => {
                  e.stopPropagation();
                  onReject(c.personId);
                }}
              >
                Not {c.name}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="review-none"
        disabled={busy || item.candidates.length === 0}
        onClick={(e) => {
          e.stopPropagation();
          onNone();
        }}
      >
        None of these
      </button>
    </li>
  );
});
