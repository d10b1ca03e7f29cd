// "Pruned ✓ / still connected": everyone tagged prune, removed ones included, with what became of each connection.
import { useState } from 'react';
import type { Response } from '../../../shared/api/contract';
import { formatCount, formatDay, formatNetwork } from '../../components/formatting';
import { pruneStatusWords, type PruneView, visiblePruneRows } from './pruneStatus';

export type PruneStatusResult = Response<'prune:status'>;

/** A panel, not a table of 30,000: past this the views above narrow it down. */
const SHOWN = 500;

const VIEWS: [PruneView, string][] = [
  ['all', 'Everyone'],
  ['pruned', 'Pruned ✓'],
  ['still connected', 'Still connected'],
];

export function PruneStatusPanel({ tag, status, onClose }: { tag: string; status: PruneStatusResult; onClose(): void }) {
  const [view, setView] = useState<PruneView>('all');
  const rows = visiblePruneRows(status.rows, view);
  return (
    <section className="card prune-panel" aria-labelledby="prune-panel-h">
      <div className="prune-panel-head">
        <h2 id="prune-panel-h">Tagged {tag}: pruned ✓ or still connected</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="prune-panel-lead">
        {formatCount(status.pruned)} pruned ✓, {formatCount(status.stillConnected)} still connected
        {status.partly ? `, ${formatCount(status.partly)} removed on some networks only` : ''}. A removal counts once the next export of that network no longer has them and
        you confirmed it on the Import page.
      </p>
      <fieldset className="prune-views">
        <legend className="visually-hidden">Show</legend>
        {VIEWS.map(([value, label]) => (
          <label key={value}>
            <input type="radio" name="prune-view" checked={view === value} onChange={() => setView(value)} /> {label}
          </label>
        ))}
      </fieldset>
      {rows.length === 0 ? (
        <p className="muted">{status.rows.length === 0 ? `Nobody is tagged ${tag} yet.` : 'Nobody in this view.'}</p>
      ) : (
        <table className="prune-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col">Removed</th>
              <th scope="col">Still connected on</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN).map((r) => (
              <tr key={r.id} data-status={r.status}>
                <td>
                  <a href={`#/person/${encodeURIComponent(r.id)}`}>{r.name || '(no name)'}</a>
                </td>
                <td>
                  <span className={r.status === 'pruned' ? 'tc-status tc-status-pruned' : 'tc-status tc-status-connected'}>{pruneStatusWords(r.status)}</span>
                </td>
                <td>
                  {r.removed.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    r.removed.map((x) => `${formatNetwork(x.network)} on ${formatDay(x.removedAt)}`).join('; ')
                  )}
                </td>
                <td>{r.connected.length === 0 ? <span className="muted">nowhere</span> : r.connected.map(formatNetwork).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length > SHOWN ? <p className="muted">Showing the first {formatCount(SHOWN)} of {formatCount(rows.length)}: pick a narrower view above.</p> : null}
    </section>
  );
}
