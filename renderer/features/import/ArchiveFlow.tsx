// A whole export dropped at once: what the archive holds and which files will be read, each file's preview, one progress bar, the results.
import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EventPayload, FileRef } from '../../../shared/api/contract';
import type { ArchiveFile } from '../../../shared/api/archiveSchemas';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ImportRunControls } from './ImportRunControls';
import { ProgressBar } from '../../components/ProgressBar';
import { formatBytes, formatCount, plural } from '../../components/formatting';
import { PreviewTable } from './PreviewTable';

export interface ArchiveFlowProps {
  names: string[];
  fileRefs: FileRef[];
  onDone(): void;
}

function newJobId(): string {
  return typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `job-${Date.now().toString(36)}`;
}

function amount(f: ArchiveFile): string {
  return f.rows !== null ? plural(f.rows, 'row') : formatBytes(f.size);
}

export function ArchiveFlow({ names, fileRefs, onDone }: ArchiveFlowProps) {
  const queryClient = useQueryClient();
  const [previewId, setPreviewId] = useState<string | null>(null);
  const [progress, setProgress] = useState<EventPayload<'import:progress'> | null>(null);
  const job = useRef<string | null>(null);
  const survey = useQuery({ queryKey: ['archive:survey', ...fileRefs], queryFn: () => api['archive:survey']({ fileRefs }), staleTime: Infinity, retry: false });
  const preview = useQuery({
    queryKey: ['archive:preview', ...fileRefs, previewId],
    queryFn: () => api['archive:preview']({ fileRefs, id: previewId! }),
    enabled: previewId !== null,
    staleTime: Infinity,
    retry: false,
  });
  useEffect(() => api.on('import:progress', (p) => p.jobId === job.current && setProgress(p)), []);
  const run = useMutation({
    mutationFn: () => {
      job.current = newJobId();
      setProgress(null);
      return api['archive:run']({ fileRefs, jobId: job.current });
    },
    onSettled: () => {
      job.current = null;
      void queryClient.invalidateQueries();
    },
  });
  const cancel = () => {
    if (job.current) void api['import:cancel']({ jobId: job.current });
  };

  const title = names.length === 1 ? names[0] : `${names.length} parts: ${names.join(', ')}`;
  // With one archive its name is the heading; each row names the file inside it.
  const shown = (label: string) => (names.length === 1 ? label.slice(label.indexOf(' › ') + 3) : label);
  if (run.data) {
    const done = run.data;
    return (
      <section className="card import-flow" aria-labelledby="archive-done-title" data-testid="archive-result">
        <h2 id="archive-done-title">Imported {formatCount(done.summaries.length)} files from {title}</h2>
        <div className="import-table-wrap">
          <table className="import-table">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Format</th>
                <th scope="col">Added</th>
                <th scope="col">Updated</th>
                <th scope="col">Skipped</th>
              </tr>
            </thead>
            <tbody>
              {done.summaries.map((s) => (
                <tr key={s.file}>
                  <th scope="row">{shown(s.file)}</th>
                  <td>{s.format}</td>
                  <td className="num">{formatCount(s.added)}</td>
                  <td className="num">{formatCount(s.updated)}</td>
                  <td className="num">{formatCount(s.skipped)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted import-small">Each file is its own entry in the history below, so each can be undone alone.</p>
        {done.notUsed.length > 0 ? (
          <details className="import-skipped">
            <summary>{formatCount(done.notUsed.length)} files were not used — nothing was written from them</summary>
            <ul className="import-list">
              {done.notUsed.map((f) => (
                <li key={f.file}>
                  {shown(f.file)} <span className="muted">({f.what})</span>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        <div className="import-actions">
          <button type="button" onClick={onDone}>
            Import another file
          </button>
        </div>
      </section>
    );
  }

  const files = survey.data?.files ?? [];
  const reading = files.filter((f) => f.willRead);
  const several = (survey.data?.archives.length ?? 1) > 1;
  const share = progress && progress.totalBytes > 0 ? progress.bytes / progress.totalBytes : null;
  return (
    <section className="card import-flow" aria-labelledby="archive-title" data-testid="archive-flow">
      <h2 id="archive-title">{title}</h2>
      {survey.isPending ? <ProgressBar label="Looking inside the archive…" /> : null}
      {survey.isError ? <ErrorNotice title="Tiecheck cannot read this archive: nothing was written" error={survey.error} /> : null}
      {survey.data ? (
        <>
          <p>
            {formatCount(files.length)} files found; <strong>{formatCount(reading.length)} will be read</strong>, connections first, then messages, mail, calendars and calls.
          </p>
          <div className="import-table-wrap" tabIndex={0} role="region" aria-label="Files in the archive">
            <table className="import-table" data-testid="archive-files">
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">What it is</th>
                  <th scope="col">Rows or size</th>
                  <th scope="col">Read?</th>
                  <th scope="col">
                    <span className="visually-hidden">Preview</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {files.map((f) => (
                  <tr key={f.id} className={f.willRead ? undefined : 'import-unused'}>
                    <th scope="row">{several ? `${f.archive} › ${f.path}` : f.path}</th>
                    <td>{f.what}</td>
                    <td className="num">{amount(f)}</td>
                    <td>{f.willRead ? 'will be read' : 'not used'}</td>
                    <td className="import-undo-cell">
                      {f.willRead ? (
                        <button type="button" onClick={() => setPreviewId(f.id)} aria-pressed={previewId === f.id} disabled={run.isPending}>
                          Preview
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {previewId ? (
        <div className="import-preview" data-testid="archive-preview">
          <h3>{files.find((f) => f.id === previewId)?.path}: the first rows, as they will be stored</h3>
          {preview.isPending ? <ProgressBar label="Reading the start of the file…" /> : null}
          {preview.isError ? <ErrorNotice title="Tiecheck cannot read this file as it is" error={preview.error} /> : null}
          {preview.data ? (
            <>
              <p className="muted import-small">
                Format {preview.data.format} · encoding {preview.data.encoding}
              </p>
              <PreviewTable rows={preview.data.rows} totalRows={preview.data.totalRows} />
            </>
          ) : null}
        </div>
      ) : null}
      <ImportRunControls
        running={run.isPending}
        progressLabel={progress?.phase === 'done' ? 'Finishing…' : progress?.file ? `Importing ${progress.file}…` : 'Importing the archive…'}
        progressValue={share}
        progressDetail={progress ? `${formatBytes(progress.bytes)} of ${formatBytes(progress.totalBytes)} · ${formatCount(progress.rows)} of ${formatCount(reading.length)} files` : undefined}
        onCancel={cancel}
        startLabel={`Import ${formatCount(reading.length)} files`}
        startDisabled={!survey.data || reading.length === 0}
        onStart={() => run.mutate()}
        onDone={onDone}
        error={run.isError ? run.error : null}
      />
    </section>
  );
}
