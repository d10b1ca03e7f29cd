// "Merge with…": a search over the audited persons by name or company; arrows move through the matches, Enter picks one.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import type { AuditPerson } from '../../../shared/domain/audit';
import { TierBadge } from '../../components/TierBadge';
import { formatNetwork } from '../../components/formatting';
import { findMergeCandidates } from './mergeSearch';

export interface MergeWithSearchProps {
  selfId: string;
  selfName: string;
  onPick(person: AuditPerson): void;
  onClose(): void;
}

export function MergeWithSearch({ selfId, selfName, onPick, onClose }: MergeWithSearchProps) {
  const id = useId();
  const audit = useQuery({ queryKey: ['audit'], queryFn: () => api['audit:get']({}) });
  const [query, setQuery] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const results = useMemo(() => findMergeCandidates(audit.data?.persons ?? [], query, selfId), [audit.data, query, selfId]);
  useEffect(() => inputRef.current?.focus(), []);

  const buttons = () => [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const all = buttons();
    if (all.length === 0) return;
    e.preventDefault();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (at === -1) {
      if (e.key === 'ArrowDown') all[0].focus();
      return;
    }
    const next = at + (e.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) inputRef.current?.focus();
    else all[Math.min(next, all.length - 1)].focus();
  };

  const status = !query.trim()
    ? 'Type a name or company.'
    : audit.isLoading
      ? 'Searching…'
      : results.length === 0
        ? `Nobody in the audit matches “${query.trim()}”.`
        : `${results.length === 8 ? 'The first 8' : results.length} match${results.length === 1 ? '' : 'es'}: ↓ to choose, Enter to pick.`;

  return (
    <div className="merge-search" onKeyDown={onKeyDown}>
      <label htmlFor={`${id}-q`} className="merge-search-label">
        Who else is {selfName}?
      </label>
      <div className="merge-search-row">
        <input
          ref={inputRef}
          id={`${id}-q`}
          type="search"
          autoComplete="off"
          placeholder="Name or company"
          value={query}
          aria-describedby={`${id}-status`}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && results.length > 0) {
              e.preventDefault();
              onPick(results[0]);
            }
          }}
        />
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
      <p id={`${id}-status`} className="muted merge-search-status" aria-live="polite">
        {status}
      </p>
      {results.length > 0 ? (
        <ul ref={listRef} className="merge-results" aria-label="Matching people">
          {results.map((p) => (
            <li key={p.id}>
              <button type="button" onClick={() => onPick(p)}>
                <span className="merge-result-name">{p.name || '(no name)'}</span>
                <span className="muted">{p.company || 'no company'}</span>
                <span className="muted">{p.networks.map(formatNetwork).join(' + ') || 'no network'}</span>
                <TierBadge tier={p.tier} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
