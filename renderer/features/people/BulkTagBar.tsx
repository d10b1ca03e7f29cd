// The bulk tag bar: add or remove a tag on the selection or on everything the filter matches, undo/redo, export.
import { useId, useState } from 'react';
import { formatCount } from '../../components/formatting';
import { TagPill } from '../../components/TagPill';
import type { TagRequest } from './tagHistory';

export const SUGGESTED_TAGS = ['prune', 'keep', 'reconnect'] as const;

export interface BulkTagBarProps {
  selectedIds: ReadonlySet<string>;
  matching: number;
  filter: string;
  tags: string[];
  busy: boolean;
  canUndo: boolean;
  canRedo: boolean;
  onApply(request: TagRequest): void;
  onUndo(): void;
  onRedo(): void;
  onExport(tag: string): void;
  exporting: boolean;
  /** Everyone tagged prune, from prune:status (people whose connections were all removed included). */
  pruneSummary: { stillConnected: number; partly: number; pruned: number } | null;
  pruneStatusOpen: boolean;
  onTogglePruneStatus(): void;
}

export function BulkTagBar(props: BulkTagBarProps) {
  const { selectedIds, matching, filter, tags, busy } = props;
  const id = useId();
  const [tag, setTag] = useState('prune');
  const [exportTag, setExportTag] = useState('prune');
  const hasSelection = selectedIds.size > 0;
  const [scope, setScope] = useState<'selection' | 'filter'>('selection');
  const target = hasSelection && scope === 'selection' ? 'selection' : 'filter';
  const count = target === 'selection' ? selectedIds.size : matching;
  const cleanTag = tag.trim();
  const valid = /^[^\s,;]{1,60}$/.test(cleanTag);
  const options = [...new Set([...SUGGESTED_TAGS, ...tags])];

  const request = (action: 'add' | 'remove', t = cleanTag): TagRequest =>
    target === 'selection' ? { action, tag: t, ids: [...selectedIds] } : { action, tag: t, filter };

  return (
    <section className="bulk-bar" aria-label="Tag in bulk">
      <fieldset className="bulk-scope">
        <legend className="visually-hidden">Apply to</legend>
        <label>
          <input type="radio" name={`${id}-scope`} checked={target === 'selection'} disabled={!hasSelection} onChange={() => setScope('selection')} /> the{' '}
          {formatCount(selectedIds.size)} selected
        </label>
        <label>
          <input type="radio" name={`${id}-scope`} checked={target === 'filter'} onChange={() => setScope('filter')} /> all {formatCount(matching)} matching the filter
        </label>
      </fieldset>
      <div className="bulk-actions">
        <label htmlFor={`${id}-tag`}>Tag</label>
        <input
          id={`${id}-tag`}
          className="bulk-tag-input"
          value={tag}
          list={`${id}-tags`}
          aria-invalid={!valid}
          onChange={(e) => setTag(e.target.value)}
          title="One word: no spaces, commas or semicolons"
        />
        <datalist id={`${id}-tags`}>
          {options.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <button type="button" className="primary" disabled={!valid || busy || count === 0} onClick={() => props.onApply(request('add'))}>
          Add to {formatCount(count)}
        </button>
        <button type="button" disabled={!valid || busy || count === 0} onClick={() => props.onApply(request('remove'))}>
          Remove from {formatCount(count)}
        </button>
        <span className="bulk-quick" aria-label="Quick tags">
          {SUGGESTED_TAGS.map((t) => (
            <button key={t} type="button" disabled={busy || count === 0} onClick={() => props.onApply(request('add', t))} aria-label={`Tag ${formatCount(count)} with ${t}`}>
              <TagPill tag={t} />
            </button>
          ))}
        </span>
        <span className="bulk-history">
          <button type="button" disabled={!props.canUndo || busy} onClick={props.onUndo}>
            Undo
          </button>
          <button type="button" disabled={!props.canRedo || busy} onClick={props.onRedo}>
            Redo
          </button>
        </span>
      </div>
      <div className="bulk-export">
        <label htmlFor={`${id}-export`}>Export the list tagged</label>
        <select id={`${id}-export`} value={exportTag} onChange={(e) => setExportTag(e.target.value)}>
          {options.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
        <button type="button" disabled={props.exporting} onClick={() => props.onExport(exportTag)}>
          {props.exporting ? 'Exporting…' : 'Export CSV'}
        </button>
        {props.pruneSummary && props.pruneSummary.stillConnected + props.pruneSummary.partly + props.pruneSummary.pruned > 0 ? (
          <button type="button" className="bulk-prune-summary" aria-expanded={props.pruneStatusOpen} onClick={props.onTogglePruneStatus} title="Who you tagged prune, and whether they are gone">
            prune: <span className="tc-status tc-status-connected">{formatCount(props.pruneSummary.stillConnected + props.pruneSummary.partly)} still connected</span>{' '}
            <span className="tc-status tc-status-pruned">{formatCount(props.pruneSummary.pruned)} pruned ✓</span>
          </button>
        ) : null}
      </div>
    </section>
  );
}
