// What an import did: added / updated / removed / skipped (each with line and reason), missing connections to confirm, what records were found.
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportSummary } from '../../../shared/api/schemas';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount, formatNetwork, plural } from '../../components/formatting';
import { FileJoins } from './FileJoins';

export interface ImportSummaryViewProps {
  summary: ImportSummary;
  /** Re-runs the same import with `removals: true`; set only while that is possible. */
  onConfirmRemovals?(): void;
  confirming?: boolean;
}

const SHOWN_MISSING = 200;

function MissingConnections({ summary, onConfirm, confirming }: { summary: ImportSummary; onConfirm?(): void; confirming?: boolean }) {
  const [sure, setSure] = useState(false);
  const list = summary.missingConnections ?? [];
  const network = summary.network ?? list[0]?.network ?? '';
  const label = network ? `${formatNetwork(network)} ` : '';
  return (
    <section className="import-missing" aria-labelledby="missing-title">
      <h3 id="missing-title">
        {plural(summary.missing, `${label}connection is`, `${label}connections are`)} not in this file. Mark them removed?
      </h3>
      <p>
        If you pruned them or they left, marking them removed keeps them for history and leaves them out of the audit. If this file is only part of your network, leave them be: nothing is marked
        until you say so.
      </p>
      {list.length > 0 ? (
        <details>
          <summary>Show who ({formatCount(list.length)})</summary>
          <ul className="import-list">
            {list.slice(0, SHOWN_MISSING).map((c) => (
              <li key={c.id}>{c.name}</li>
            ))}
            {list.length > SHOWN_MISSING ? <li className="muted">…and {formatCount(list.length - SHOWN_MISSING)} more</li> : null}
          </ul>
        </details>
      ) : null}
      {onConfirm ? (
        <div className="import-actions">
          <label className="import-check">
            <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} /> Yes, mark these {formatCount(summary.missing)} as removed
          </label>
          <button type="button" onClick={onConfirm} disabled={!sure || confirming}>
            {confirming ? 'Marking…' : 'Mark them removed'}
          </button>
        </div>
      ) : null}
    </section>
  );
}

function OwnerHints({ hints }: { hints: NonNullable<ImportSummary['ownerHints']> }) {
  const queryClient = useQueryClient();
  const [added, setAdded] = useState<Set<string>>(new Set());
  const add = useMutation({
    mutationFn: async (hint: { kind: 'email' | 'url' | 'phone' | 'name'; value: string }) => {
      const { me } = await api['settings:get']({});
      if (!me.some((m) => m.kind === hint.kind && m.value.toLowerCase() === hint.value.toLowerCase())) await api['settings:setMe']({ me: [...me, hint] });
      return `${hint.kind}:${hint.value}`;
    },
    onSuccess: (key) => {
      setAdded((s) => new Set(s).add(key));
      void queryClient.invalidateQueries();
    },
  });
  return (
    <section aria-labelledby="owner-title">
      <h3 id="owner-title">Is this you?</h3>
      <p className="muted">These look like your own identities. Confirm them so your side of every conversation is recognised.</p>
      <ul className="import-list">
        {hints.map((h) => {
          const key = `${h.kind}:${h.value}`;
          return (
            <li key={key} className="import-hint">
              <span>
                <strong>{h.value}</strong> <span className="muted">({h.kind}; {h.evidence})</span>
              </span>
              {added.has(key) ? (
                <span>Added to my identities</span>
              ) : (
                <button type="button" onClick={() => add.mutate({ kind: h.kind, value: h.value })} disabled={add.isPending}>
                  That's me
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {add.isError ? <ErrorNotice error={add.error} title="Not saved" /> : null}
    </section>
  );
}

/** The engine's note about missing connections speaks to the command line (--removals); the prompt above says it for the window. */
const CLI_REMOVALS_NOTE = /not in this file; nothing was marked removed/;

export function ImportSummaryView({ summary: s, onConfirmRemovals, confirming }: ImportSummaryViewProps) {
  const warnings = s.missing > 0 ? s.warnings.filter((w) => !CLI_REMOVALS_NOTE.test(w)) : s.warnings;
  const counts: [string, number][] = [
    ['added', s.added],
    ['updated', s.updated],
    ['removed', s.removed],
    ['skipped', s.skipped],
  ];
  return (
    <section className="card import-summary" aria-labelledby="summary-title" data-testid="import-summary">
      <h2 id="summary-title">Imported {s.file}</h2>
      <p className="muted">
        Format {s.format}
        {s.network && s.network !== s.format ? ` · network ${formatNetwork(s.network)}` : ''}
      </p>
      <dl className="import-counts" aria-live="polite">
        {counts.map(([label, n]) => (
          <div key={label} className="import-count" data-count={label}>
            <dt>{label}</dt>
            <dd>{formatCount(n)}</dd>
          </div>
        ))}
      </dl>
      {s.found ? (
        <div className="import-found">
          <h3>What the records turned out to be</h3>
          <ul className="import-found-list">
            <li>{plural(s.found.records, 'message or record', 'messages and records')}</li>
            <li>{plural(s.found.threads, 'thread')}</li>
            <li>{plural(s.found.twoWayThreads, 'two-way thread')} (both of you wrote)</li>
            <li>{plural(s.found.meetings, 'meeting')}</li>
            <li>{plural(s.found.calls, 'call')}</li>
            <li>{plural(s.found.unlinked, 'record')} not tied to anyone yet</li>
          </ul>
          {s.found.unlinked > 0 ? (
            <p className="muted">
              Records not tied to anyone are kept. They link once the person is imported, or through <a href="#/review">Review links</a> when a name is ambiguous.
            </p>
          ) : null}
        </div>
      ) : null}
      {s.missing > 0 ? <MissingConnections summary={s} onConfirm={onConfirmRemovals} confirming={confirming} /> : null}
      <FileJoins joined={s.joined} joins={s.joinedRows} before={false} />
      {s.skippedRows.length > 0 ? (
        <details className="import-skipped">
          <summary>
            {plural(s.skipped, 'row was', 'rows were')} skipped — see why
          </summary>
          <ul className="import-list">
            {s.skippedRows.map((r, i) => (
              <li key={`${r.line}-${i}`}>
                <span className="import-line">line {r.line}</span> {r.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {warnings.length > 0 ? (
        <div className="import-warnings">
          <h3>Warnings</h3>
          <ul className="import-list">
            {warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {s.ownerHints && s.ownerHints.length > 0 ? <OwnerHints hints={s.ownerHints} /> : null}
      <p>
        <a href="#/dashboard">See the dashboard</a> · <a href="#/people">Open the people table</a>
      </p>
    </section>
  );
}
