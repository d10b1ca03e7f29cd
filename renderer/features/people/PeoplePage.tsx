// The people page: filter, saved views, the virtualised table, selection, bulk tags with undo, export, tag manager, review lane, pruned ✓ list.
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import type { AuditPerson } from '../../../shared/domain/audit';
import { navigate } from '../../app/router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice, describeError } from '../../components/ErrorNotice';
import { ProgressBar } from '../../components/ProgressBar';
import { KeyboardHelp } from '../../components/KeyboardHelp';
import { ToastRegion, useToasts } from '../../components/Toast';
import { formatCount } from '../../components/formatting';
import { BulkTagBar } from './BulkTagBar';
import { downloadCsv } from './downloadCsv';
import { FilterBar } from './FilterBar';
import { checkFilter, type FilterCheck } from './filterInput';
import { PeopleTable } from './PeopleTable';
import { TABLE_HELP } from './peopleShortcuts';
import { PruneStatusPanel } from './PruneStatusPanel';
import { ReviewLane } from './ReviewLane';
import { SavedViews } from './SavedViews';
import { EMPTY_SELECTION, keepMatching, type Selection } from './selection';
import { TagManager } from './TagManager';
import type { TagRequest } from './tagHistory';
import { useTagActions } from './useTagActions';
import './people.css';

const NO_PERSONS: AuditPerson[] = [];

/** Writes the applied filter into the address without adding a history entry per keystroke. */
function syncUrl(filter: string): void {
  const hash = filter ? `#/people?${new URLSearchParams({ filter }).toString()}` : '#/people';
  if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
}

export function PeoplePage({ initialFilter }: { initialFilter: string }) {
  const audit = useQuery({ queryKey: ['audit'], queryFn: () => api['audit:get']({}) });
  const tagList = useQuery({ queryKey: ['tags'], queryFn: () => api['tags:list']({}) });
  const pruneStatus = useQuery({ queryKey: ['prune-status', 'prune'], queryFn: () => api['prune:status']({ tag: 'prune' }) });
  const { toasts, show, dismiss } = useToasts();
  const toastApi = useMemo(() => ({ show }), [show]);
  const tagActions = useTagActions(toastApi);

  const [draft, setDraft] = useState(initialFilter);
  const [applied, setApplied] = useState<Extract<FilterCheck, { ok: true }>>(() => {
    const first = checkFilter(initialFilter);
    return first.ok ? first : (checkFilter('') as Extract<FilterCheck, { ok: true }>);
  });
  const check = useMemo(() => checkFilter(draft), [draft]);
  useEffect(() => {
    if (check.ok) setApplied(check);
  }, [check]);
  // A chart click or a link elsewhere opens #/people?filter=… while this page is open.
  useEffect(() => setDraft((d) => (d === initialFilter ? d : initialFilter)), [initialFilter]);
  useEffect(() => {
    const timer = window.setTimeout(() => syncUrl(applied.text.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [applied.text]);

  const persons = audit.data?.persons ?? NO_PERSONS;
  const deferred = useDeferredValue(applied);
  const matching = useMemo(() => persons.filter(deferred.matches), [persons, deferred]);
  const matchingIds = useMemo(() => new Set(matching.map((p) => p.id)), [matching]);
  const byId = useMemo(() => new Map(persons.map((p) => [p.id, p])), [persons]);
  const networks = useMemo(() => [...new Set(persons.flatMap((p) => p.networks))].sort(), [persons]);
  const tags = useMemo(() => (tagList.data?.tags ?? []).map((t) => t.tag), [tagList.data]);

  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  useEffect(() => setSelection((s) => keepMatching(s, matchingIds)), [matchingIds]);

  const [order, setOrder] = useState<string[]>([]);
  const [lane, setLane] = useState<string[] | null>(null);
  const [managing, setManaging] = useState(false);
  const [showPruned, setShowPruned] = useState(false);
  const [exporting, setExporting] = useState(false);

  const applyOne = useCallback((request: TagRequest) => void tagActions.apply([request]), [tagActions]);
  const onTagKey = (tag: string) => {
    const ids = selection.selected.size > 0 ? [...selection.selected] : selection.focus ? [selection.focus] : [];
    if (ids.length === 0) {
      show({ text: 'Select someone first: click a row, or press ↓ then Space.' });
      return;
    }
    applyOne({ action: 'add', tag, ids });
  };

  const onExport = async (tag: string) => {
    setExporting(true);
    try {
      const { fileName, csv, rows } = await api['export:prune']({ tag });
      downloadCsv(fileName, csv);
      show({ text: rows === 0 ? `Nobody in the audit is tagged ${tag}: the file has the header only.` : `Exported ${formatCount(rows)} people tagged ${tag} to ${fileName}` });
    } catch (err) {
      show({ text: `Could not export: ${describeError(err)}`, tone: 'error' });
    } finally {
      setExporting(false);
    }
  };

  const pruneSummary = pruneStatus.data ? { stillConnected: pruneStatus.data.stillConnected, partly: pruneStatus.data.partly, pruned: pruneStatus.data.pruned } : null;

  if (audit.isLoading) return <ProgressBar label="Running the audit…" />;
  if (audit.error) return <ErrorNotice title="Could not load the audit" error={audit.error} onRetry={() => void audit.refetch()} />;
  if (persons.length === 0) {
    return (
      <EmptyState title="No connections yet" level={1} actions={<a className="button primary" href="#/import">Import your connections</a>}>
        <p>Import a connection export (LinkedIn, Facebook, Google, Outlook or any CSV of people) or load the demo network from the dashboard. This table fills itself from there.</p>
      </EmptyState>
    );
  }

  return (
    <div className="people-page">
      <div className="people-title">
        <h1>People</h1>
        <p className="muted" aria-live="polite">
          {formatCount(matching.length)} of {formatCount(persons.length)} connections match · {formatCount(selection.selected.size)} selected
        </p>
        <span className="people-title-actions">
          <button type="button" onClick={() => setLane(order.length ? order : matching.map((p) => p.id))} disabled={matching.length === 0}>
            Go through candidates one by one
          </button>
          <button type="button" onClick={() => setManaging((m) => !m)} aria-expanded={managing}>
            Manage tags
          </button>
        </span>
      </div>
      <SavedViews filter={applied.text.trim()} onPick={setDraft} />
      <FilterBar draft={draft} check={check} onDraft={setDraft} tags={tags} networks={networks} />
      <BulkTagBar
        selectedIds={selection.selected}
        matching={matching.length}
        filter={applied.text}
        tags={tags}
        busy={tagActions.busy}
        canUndo={tagActions.canUndo}
        canRedo={tagActions.canRedo}
        onApply={applyOne}
        onUndo={() => void tagActions.undo()}
        onRedo={() => void tagActions.redo()}
        onExport={(t) => void onExport(t)}
        exporting={exporting}
        pruneSummary={pruneSummary}
        pruneStatusOpen={showPruned}
        onTogglePruneStatus={() => setShowPruned((v) => !v)}
      />
      {showPruned && pruneStatus.data ? <PruneStatusPanel tag="prune" status={pruneStatus.data} onClose={() => setShowPruned(false)} /> : null}
      {managing ? (
        <TagManager tags={tagList.data?.tags ?? []} busy={tagActions.busy} onApply={(requests, label) => void tagActions.apply(requests, label)} onClose={() => setManaging(false)} />
      ) : null}
      {lane ? (
        <ReviewLane ids={lane} byId={byId} onDecide={(requests, label) => tagActions.apply(requests, label, true)} onUndo={() => void tagActions.undo()} onClose={() => setLane(null)} />
      ) : null}
      <KeyboardHelp keys={TABLE_HELP} label="Table keys (click the table first)" />
      {matching.length === 0 ? (
        <p className="people-none">Nobody matches this filter.</p>
      ) : (
        <PeopleTable
          persons={matching}
          selection={selection}
          onSelection={setSelection}
          onOpen={(id) => navigate('person', id)}
          onTagKey={onTagKey}
          onUndo={() => void tagActions.undo()}
          onRedo={() => void tagActions.redo()}
          onOrder={setOrder}
          filterKey={deferred.text}
        />
      )}
      <ToastRegion toasts={toasts} onDismiss={dismiss} />
    </div>
  );
}
