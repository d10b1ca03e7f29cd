// "Split off…": tick the connections that belong to someone else; they become a new person of their own.
import { useEffect, useId, useRef, useState } from 'react';
import type { PersonDetail } from '../../../shared/api/schemas';
import { formatDay, formatNetwork } from '../../components/formatting';
import { canSplit } from './mergeSearch';

export interface SplitOffPanelProps {
  personName: string;
  connections: PersonDetail['connections'];
  busy: boolean;
  onSplit(connectionIds: number[]): void;
  onClose(): void;
}

export function SplitOffPanel({ personName, connections, busy, onSplit, onClose }: SplitOffPanelProps) {
  const id = useId();
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const firstRef = useRef<HTMLInputElement>(null);
  useEffect(() => firstRef.current?.focus(), []);
  const ok = canSplit(chosen.size, connections.length);
  const toggle = (connectionId: number, on: boolean) =>
    setChosen((s) => {
      const next = new Set(s);
      if (on) next.add(connectionId);
      else next.delete(connectionId);
      return next;
    });

  return (
    <form
      className="split-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        if (ok && !busy) onSplit([...chosen]);
      }}
    >
      <fieldset>
        <legend>Which of these connections are not {personName}?</legend>
        <ul className="split-options">
          {connections.map((c, i) => (
            <li key={c.id}>
              <label>
                <input ref={i === 0 ? firstRef : undefined} type="checkbox" checked={chosen.has(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />{' '}
                <strong>{formatNetwork(c.network)}</strong> as {c.name || '(no name)'}
                {c.company ? <span className="muted"> · {c.company}</span> : null}, connected {formatDay(c.connectedOn)}
                {c.removedAt ? <span className="muted"> (removed {formatDay(c.removedAt)})</span> : null}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <p id={`${id}-hint`} className="muted split-hint" aria-live="polite">
        {chosen.size === 0
          ? 'Tick at least one.'
          : chosen.size === connections.length
            ? 'Leave at least one with them: splitting off everything changes nothing.'
            : `The ticked ${chosen.size === 1 ? 'connection becomes' : 'connections become'} a new person; their page opens next, with an Undo.`}
      </p>
      <div className="split-actions">
        <button type="submit" className="primary" disabled={!ok || busy} aria-describedby={`${id}-hint`}>
          {busy ? 'Splitting…' : `Split off ${chosen.size || ''} into a new person`.replace('  ', ' ')}
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
