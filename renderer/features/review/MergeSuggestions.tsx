// The review page's "Possibly the same person": same name on different networks, merged or told apart by mouse or m / x.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import type { AuditPerson } from '../../../shared/domain/audit';
import { KeyboardHelp } from '../../components/KeyboardHelp';
import { TierBadge } from '../../components/TierBadge';
import { formatCount, formatDay, formatNetwork } from '../../components/formatting';
import { usePersonSurgery, type ShowToast } from '../person/usePersonSurgery';
import { clampCursor } from './reviewKeys';
import { groupByNameKey, pairsFromGroups, readNotSame, suggestionCommand, SUGGESTION_HELP, writeNotSame, type MergeSuggestion } from './mergeSuggestions';

const SHOWN = 50;

function Side({ person, role }: { person: AuditPerson; role: string }) {
  return (
    <div className="suggestion-side">
      <span className="suggestion-role">{role}</span>
      <a href={`#/person/${encodeURIComponent(person.id)}`} className="suggestion-name">
        {person.name}
      </a>
      <span className="muted">{[person.position, person.company].filter(Boolean).join(' at ') || 'no company on record'}</span>
      <span>
        {person.networks.map(formatNetwork).join(' + ')} · connected {formatDay(person.connectedOn)} <TierBadge tier={person.tier} />
      </span>
    </div>
  );
}

/** Namesakes need more than the name to tell the buttons apart for a screen reader. */
function describePair(s: MergeSuggestion<AuditPerson>): string {
  const who = (p: AuditPerson) => `${p.name} (${p.company || p.networks.map(formatNetwork).join(' + ')})`;
  return `${who(s.other)} into ${who(s.keep)}`;
}

export function MergeSuggestions({ show }: { show: ShowToast }) {
  const audit = useQuery({ queryKey: ['audit'], queryFn: () => api['audit:get']({}) });
  const [notSame, setNotSame] = useState<ReadonlySet<string>>(() => readNotSame());
  const groups = useMemo(() => groupByNameKey(audit.data?.persons ?? []), [audit.data]);
  const suggestions = useMemo(() => pairsFromGroups(groups, notSame), [groups, notSame]);
  const [cursor, setCursor] = useState(0);
  const surgery = usePersonSurgery(show);
  const at = clampCursor(cursor, Math.min(suggestions.length, SHOWN));
  const current = suggestions[at];
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (current && listRef.current?.contains(document.activeElement)) document.getElementById(`suggestion-${current.key}`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const remember = (next: ReadonlySet<string>) => {
    writeNotSame(next);
    setNotSame(next);
  };
  const markNotSame = (s: MergeSuggestion<AuditPerson>) => {
    remember(new Set([...notSame, s.key]));
    show({
      text: `${s.keep.name} and ${s.other.name} stay two people.`,
      action: {
        label: 'Undo',
        run: () => {
          const next = new Set(readNotSame());
          next.delete(s.key);
          remember(next);
        },
      },
    });
  };
  const merge = (s: MergeSuggestion<AuditPerson>) => void surgery.merge({ id: s.keep.id, name: s.keep.name }, { id: s.other.id, name: s.other.name });

  const onKeyDown = (e: KeyboardEvent) => {
    // These keys mean something else in the review queue around this section.
    e.stopPropagation();
    if ((e.target as HTMLElement).closest('input, textarea, select')) return;
    const command = suggestionCommand(e);
    if (!command) return;
    e.preventDefault();
    if (command.kind === 'move') setCursor(clampCursor(at + command.delta, Math.min(suggestions.length, SHOWN)));
    else if (current && !surgery.busy) (command.kind === 'merge' ? merge : markNotSame)(current);
  };

  if (!audit.data || suggestions.length === 0) return null;
  return (
    <section className="suggestions" aria-labelledby="suggestions-h" onKeyDown={onKeyDown}>
      <h2 id="suggestions-h">Possibly the same person ({formatCount(suggestions.length)})</h2>
      <p className="review-lead">
        Same name, different networks. Tiecheck does not merge on a name alone: if they are one human being, merge them and their records count once; if not, say so and the
        pair is not shown again.
      </p>
      <KeyboardHelp keys={SUGGESTION_HELP} label="Keys for these pairs (click the list first)" />
      <ol className="suggestion-list" ref={listRef} tabIndex={0} aria-label="Possibly the same person">
        {suggestions.slice(0, SHOWN).map((s, i) => (
          <li key={s.key} id={`suggestion-${s.key}`} className="suggestion card" aria-current={i === at ? 'true' : undefined} onClick={() => setCursor(i)}>
            <Side person={s.keep} role="Keep" />
            <Side person={s.other} role="Merge in" />
            <div className="suggestion-buttons">
              <button type="button" className="primary" disabled={surgery.busy} onClick={() => merge(s)} aria-label={`Merge: ${describePair(s)}`}>
                Merge
              </button>
              <button type="button" disabled={surgery.busy} onClick={() => markNotSame(s)} aria-label={`Not the same: ${describePair(s)}`}>
                Not the same
              </button>
            </div>
          </li>
        ))}
      </ol>
      {suggestions.length > SHOWN ? <p className="muted">{formatCount(suggestions.length - SHOWN)} more pairs after these.</p> : null}
    </section>
  );
}
