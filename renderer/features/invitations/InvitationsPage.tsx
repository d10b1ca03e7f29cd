// The Invitations view: who asked to connect and is not a connection yet, each judged by your own
// rule, with filters, bulk accept/decline tags, an injection-safe CSV export and the evidence.
import { useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { navigate } from '../../app/router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice, describeError } from '../../components/ErrorNotice';
import { ProgressBar } from '../../components/ProgressBar';
import { TagPill } from '../../components/TagPill';
import { formatDay, formatNetwork } from '../../components/formatting';
import { downloadCsv } from '../people/downloadCsv';
import { INVITATION_VERDICTS } from '../../../shared/invitations/verdict';
import { countByVerdict, filterInvitations, NO_FILTER, type InvitationFilter } from './invitationFilters';
import { InvitationDetail } from './InvitationDetail';
import { VERDICT_LABELS, VERDICT_MEANINGS, VerdictBadge } from './VerdictBadge';
import './invitations.css';

export const INVITATION_TAGS = ['accept', 'decline'] as const;

export function InvitationsPage({ openKey }: { openKey: string | null }) {
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['invites:list'], queryFn: () => api['invites:list']({}) });
  const [filter, setFilter] = useState<InvitationFilter>(NO_FILTER);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const rows = useMemo(() => list.data?.invitations ?? [], [list.data]);
  const shown = useMemo(() => filterInvitations(rows, filter), [rows, filter]);
  const counts = useMemo(() => countByVerdict(rows), [rows]);
  const networks = useMemo(() => [...new Set(rows.map((r) => r.network))].sort(), [rows]);
  const tags = useMemo(() => [...new Set([...INVITATION_TAGS, ...rows.flatMap((r) => r.tags)])].sort(), [rows]);

  if (list.isPending) return <ProgressBar label="Judging your invitations…" />;
  if (list.isError) return <ErrorNotice title="Could not judge the invitations" error={list.error} onRetry={() => void list.refetch()} />;
  if (rows.length === 0) {
    return (
      <EmptyState title="No invitations waiting" level={1}>
        <p>
          Import LinkedIn&apos;s <code>Invitations.csv</code> or Facebook&apos;s <code>received_friend_requests.json</code> (with your mail and calendar) and
          each invitation from someone who is not a connection yet is judged here by your own rule.
        </p>
        <p>
          <a href="#/import">Import files</a>
        </p>
      </EmptyState>
    );
  }

  const visibleSelected = shown.filter((r) => selected.has(r.key)).map((r) => r.key);
  const targets = visibleSelected.length > 0 ? visibleSelected : shown.map((r) => r.key);
  const allShownSelected = shown.length > 0 && visibleSelected.length === shown.length;
  const toggle = (key: string) => setSelected((s) => (s.has(key) ? new Set([...s].filter((k) => k !== key)) : new Set([...s, key])));

  /** `mark` adds accept or decline (a sender is one or the other, so the opposite goes); null clears both. */
  const mark = async (t: (typeof INVITATION_TAGS)[number] | null) => {
    setBusy(true);
    try {
      for (const other of INVITATION_TAGS) if (other !== t) await api['invites:tag']({ action: 'remove', tag: other, keys: targets });
      if (t) {
        const { changed } = await api['invites:tag']({ action: 'add', tag: t, keys: targets });
        setStatus(`Marked ${changed} invitation(s) "${t}".`);
      } else setStatus(`Cleared the marks of ${targets.length} invitation(s).`);
      await queryClient.invalidateQueries({ queryKey: ['invites:list'] });
      await queryClient.invalidateQueries({ queryKey: ['invites:detail'] });
    } catch (err) {
      setStatus(`Not tagged: ${describeError(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const exportList = async () => {
    setBusy(true);
    try {
      const { fileName, csv, rows: n } = await api['invites:export']({ keys: shown.map((r) => r.key) });
      downloadCsv(fileName, csv);
      setStatus(`Exported ${n} invitation(s) to ${fileName}.`);
    } catch (err) {
      setStatus(`Not exported: ${describeError(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const set = (patch: Partial<InvitationFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const scope = visibleSelected.length > 0 ? `${visibleSelected.length} selected` : `all ${shown.length} shown`;
  return (
    <div className="inv-page">
      <h1>Invitations</h1>
      <p className="muted inv-lead">
        People who asked to connect and are not connections yet, judged by your own rule: met in person, or enough conversations by mail, phone or
        message. <strong>{rows.length}</strong> waiting; <strong>{counts.never}</strong> from people you have never written to or met.
      </p>

      <div className="inv-filters" role="group" aria-label="Filter invitations">
        <div className="inv-chips" role="radiogroup" aria-label="Verdict">
          {(['all', ...INVITATION_VERDICTS] as const).map((v) => (
            <button
              key={v}
              type="button"
              role="radio"
              aria-checked={filter.verdict === v}
              className="inv-chip"
              data-verdict={v}
              title={v === 'all' ? 'Every waiting invitation' : VERDICT_MEANINGS[v]}
              onClick={() => set({ verdict: v })}
            >
              {v === 'all' ? 'All' : VERDICT_LABELS[v]} <span className="inv-chip-count">{v === 'all' ? rows.length : counts[v]}</span>
            </button>
          ))}
        </div>
        {networks.length > 1 ? (
          <label>
            Network{' '}
            <select value={filter.network} onChange={(e) => set({ network: e.target.value })}>
              <option value="all">All</option>
              {networks.map((n) => (
                <option key={n} value={n}>
                  {formatNetwork(n)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          Tag{' '}
          <select value={filter.tag} onChange={(e) => set({ tag: e.target.value })} aria-label="Tag filter">
            <option value="all">Any</option>
            <option value="untagged">Not tagged yet</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <input type="search" placeholder="Search names" aria-label="Search invitations" value={filter.text} onChange={(e) => set({ text: e.target.value })} />
      </div>

      <div className="inv-bulk" role="group" aria-label="Tag invitations in bulk">
        <span className="muted">Apply to {scope}:</span>
        <button type="button" className="primary" disabled={busy || targets.length === 0} onClick={() => void mark('accept')}>
          Mark accept
        </button>
        <button type="button" disabled={busy || targets.length === 0} onClick={() => void mark('decline')}>
          Mark decline
        </button>
        <button type="button" disabled={busy || targets.length === 0} onClick={() => void mark(null)}>
          Clear marks
        </button>
        <button type="button" disabled={busy || shown.length === 0} onClick={() => void exportList()}>
          Export CSV
        </button>
        <span className="muted" role="status" aria-live="polite">
          {status}
        </span>
      </div>

      <div className={openKey ? 'inv-layout inv-layout-open' : 'inv-layout'}>
        <table className="inv-table" aria-label="Waiting invitations">
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label="Select every invitation shown"
                  checked={allShownSelected}
                  onChange={() => setSelected(allShownSelected ? new Set() : new Set(shown.map((r) => r.key)))}
                />
              </th>
              <th scope="col">From</th>
              <th scope="col">Verdict</th>
              <th scope="col">Sent</th>
              <th scope="col" className="num" title="In-person meetings">
                Met
              </th>
              <th scope="col" className="num" title="Conversations: meetings, calls and two-way threads">
                Conv.
              </th>
              <th scope="col" className="num" title="One-way messages and gatherings">
                One-way
              </th>
              <th scope="col">Last conversation</th>
              <th scope="col">Tags</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.key} data-verdict={r.verdict} aria-selected={openKey === r.key} data-testid="invitation-row">
                <td>
                  <input type="checkbox" aria-label={`Select ${r.from}`} checked={selected.has(r.key)} onChange={() => toggle(r.key)} />
                </td>
                <td className="inv-from">
                  <button type="button" className="inv-open" onClick={() => navigate('invitations', r.key)}>
                    {r.from || '(no name)'}
                  </button>
                  <span className="muted inv-network">{formatNetwork(r.network)}</span>
                </td>
                <td>
                  <VerdictBadge verdict={r.verdict} />
                </td>
                <td>{formatDay(r.sentAt)}</td>
                <td className="num">{r.inPerson}</td>
                <td className="num">{r.conversations}</td>
                <td className="num">{r.oneWay}</td>
                <td>{r.lastContact ? formatDay(r.lastContact) : '—'}</td>
                <td>
                  {r.tags.map((t) => (
                    <TagPill key={t} tag={t} />
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length === 0 ? <p className="muted">No invitation matches these filters.</p> : null}
        {openKey ? <InvitationDetail invitationKey={openKey} onClose={() => navigate('invitations')} /> : null}
      </div>
    </div>
  );
}
