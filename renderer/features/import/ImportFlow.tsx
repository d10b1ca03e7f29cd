// One file's way in: stage it, preview what would be stored (format, mapping, rows), import with progress, then the summary.
import { useMemo, useState } from 'react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { FileRef } from '../../../shared/api/contract';
import type { ImportSummary } from '../../../shared/api/schemas';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ImportRunControls } from './ImportRunControls';
import { ProgressBar } from '../../components/ProgressBar';
import { formatBytes, formatCount, formatNetwork } from '../../components/formatting';
import { CONNECTION_FORMATS, INTERACTION_FORMATS } from './detectKind';
import { ImportSummaryView } from './ImportSummaryView';
import { MappingEditor } from './MappingEditor';
import { mappingFieldsFor, missingMapping } from './mappingFields';
import { PreviewTable } from './PreviewTable';
import { FileJoins } from './FileJoins';
import type { SourceKind } from './sourceGuides';
import { useImportRun } from './useImportRun';

export interface ImportFlowProps {
  file: File;
  fileRef: FileRef;
  initialKind: SourceKind;
  onDone(): void;
}

export function ImportFlow({ file, fileRef, initialKind, onDone }: ImportFlowProps) {
  const [kind, setKind] = useState<SourceKind>(initialKind);
  const [format, setFormat] = useState('auto');
  const [network, setNetwork] = useState<string | null>(null);
  // Field → column the person chose; an empty one ("(none)") leaves out a column recognised by its name.
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const map = Object.keys(overrides).length ? overrides : undefined;
  const base = { fileRef, kind, ...(format !== 'auto' ? { format } : {}), ...(map ? { map } : {}) };

  const preview = useQuery({
    queryKey: ['import:preview', fileRef, kind, format, JSON.stringify(overrides)],
    queryFn: () => api['import:preview'](base),
    enabled: !summary,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  const { run, progress, cancel } = useImportRun();
  const removals = useMutation({
    // The engine keeps an imported file staged until another file is imported: the same upload answers.
    mutationFn: () => api['import:run']({ ...runOptions, removals: true }),
    onSuccess: (s) => setSummary(s),
  });

  const detected = preview.data;
  const isCsv = kind === 'connections' && (detected?.format === 'csv' || format === 'csv');
  const networkName = isCsv ? (network ?? detected?.network ?? '').trim() : '';
  const formats = kind === 'connections' ? CONNECTION_FORMATS : INTERACTION_FORMATS;
  const editor = detected && detected.columns.length > 0 ? mappingFieldsFor(kind, detected.format) : null;
  const shownMapping = detected ? { ...detected.mapping, ...overrides } : {};
  const missing = kind === 'interactions' && detected ? missingMapping(detected.format, shownMapping) : [];
  // An upload is staged without its file name's extension: the format found by the preview goes with the import.
  const detectedFormat = kind === 'interactions' && format === 'auto' && detected && detected.format !== 'auto' ? { format: detected.format } : {};
  const runOptions = { ...base, ...detectedFormat, ...(networkName ? { network: networkName } : {}) };
  const total = useMemo(() => (progress && progress.totalBytes > 0 ? progress.bytes / progress.totalBytes : null), [progress]);

  const switchKind = (next: SourceKind) => {
    setKind(next);
    setFormat('auto');
    setOverrides({});
  };
  const switchFormat = (next: string) => {
    setFormat(next);
    setOverrides({});
  };
  const start = () => run.mutate(runOptions, { onSuccess: (s) => setSummary(s) });

  if (summary) {
    return (
      <>
        <ImportSummaryView summary={summary} onConfirmRemovals={summary.removed === 0 && summary.missing > 0 ? () => removals.mutate() : undefined} confirming={removals.isPending} />
        {removals.isError ? <ErrorNotice title="The connections were not marked removed" error={removals.error} /> : null}
        <div className="import-actions">
          <button type="button" onClick={onDone}>
            Import another file
          </button>
        </div>
      </>
    );
  }

  return (
    <section className="card import-flow" aria-labelledby="flow-title">
      <h2 id="flow-title">
        {file.name} <span className="muted import-small">({formatBytes(file.size)})</span>
      </h2>
      <div className="import-options">
        <fieldset className="import-kind" disabled={run.isPending}>
          <legend>This file holds</legend>
          <label>
            <input type="radio" name="kind" value="connections" checked={kind === 'connections'} onChange={() => switchKind('connections')} /> Connections (who you are
            linked to)
          </label>
          <label>
            <input type="radio" name="kind" value="interactions" checked={kind === 'interactions'} onChange={() => switchKind('interactions')} /> Interactions (messages,
            mail, meetings, calls)
          </label>
        </fieldset>
        <label className="import-field">
          <span>Format</span>
          <select value={format} onChange={(e) => switchFormat(e.target.value)} disabled={run.isPending}>
            {formats.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        {isCsv ? (
          <label className="import-field">
            <span>Network name</span>
            <input value={network ?? detected?.network ?? ''} onChange={(e) => setNetwork(e.target.value)} maxLength={60} disabled={run.isPending} aria-describedby="network-help" />
            <span id="network-help" className="import-small muted">
              Use the same name for later exports of this network.
            </span>
          </label>
        ) : null}
      </div>

      {preview.isError ? <ErrorNotice title="Tiecheck cannot read this file as it is" error={preview.error} /> : null}
      {preview.isPending ? <ProgressBar label="Reading the start of the file…" /> : null}
      {detected ? (
        <div className="import-preview" aria-busy={preview.isFetching}>
          <dl className="import-detected" data-testid="import-detected">
            <div>
              <dt>Detected format</dt>
              <dd data-testid="detected-format">{detected.format}</dd>
            </div>
            <div>
              <dt>Network</dt>
              <dd>{isCsv ? networkName || '—' : formatNetwork(detected.network)}</dd>
            </div>
            <div>
              <dt>Encoding</dt>
              <dd>{detected.encoding}</dd>
            </div>
            <div>
              <dt>Rows read so far</dt>
              <dd>{formatCount(detected.totalRows)}</dd>
            </div>
          </dl>
          {editor ? (
            <MappingEditor
              columns={detected.columns}
              mapping={shownMapping}
              fields={editor.fields}
              readOnly={editor.readOnly}
              missing={missing}
              onChange={(field, column) => setOverrides({ ...overrides, [field]: column })}
              onReset={Object.keys(overrides).length > 0 ? () => setOverrides({}) : undefined}
              disabled={run.isPending}
            />
          ) : null}
          <h3>The first rows, as they will be stored</h3>
          {missing.length > 0 ? (
            <p className="muted">The rows show here once the columns above are chosen.</p>
          ) : (
            <PreviewTable rows={detected.rows} totalRows={detected.totalRows} />
          )}
          <FileJoins joined={detected.joined} joins={detected.joins} complete={detected.joinsComplete} before />
          {detected.skipped.length > 0 ? (
            <details className="import-skipped">
              <summary>{formatCount(detected.skipped.length)} rows in the preview will be skipped — see why</summary>
              <ul className="import-list">
                {detected.skipped.map((r, i) => (
                  <li key={i}>
                    <span className="import-line">line {r.line}</span> {r.reason}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {detected.warnings.length > 0 && missing.length === 0 ? (
            <ul className="import-list import-warnings">
              {detected.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <ImportRunControls
        running={run.isPending}
        progressLabel={progress?.phase === 'done' ? 'Finishing…' : `Importing ${file.name}…`}
        progressValue={total}
        progressDetail={progress ? `${formatBytes(progress.bytes)} of ${formatBytes(progress.totalBytes)} · ${formatCount(progress.rows)} rows` : undefined}
        onCancel={cancel}
        startLabel="Import"
        startDisabled={!detected || preview.isError || preview.isFetching || (isCsv && !networkName) || missing.length > 0}
        onStart={start}
        onDone={onDone}
        error={run.isError ? run.error : null}
      />
    </section>
  );
}
