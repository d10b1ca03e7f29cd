// The report in the window: the same Report component as the HTML file, an as-of date, download as HTML or PDF, and print.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useMutation } from '@tanstack/react-query';
import { buildReportModel } from '../../../shared/report/model';
import { api } from '../../api';
import { openPeople } from '../../app/router';
import { describeError, ErrorNotice } from '../../components/ErrorNotice';
import { bytesFromBase64, downloadBlob } from '../../components/downloadFile';
import { EmptyState } from '../../components/EmptyState';
import { ProgressBar } from '../../components/ProgressBar';
import { todayUtc } from '../../components/formatting';
import { useAppInfo, useAudit, useAuditHistory } from '../dashboard/dashboardQueries';
import { Report } from './Report';
import { reportCss } from './reportCss';
import '../../styles/reportPage.css';

/**
 * The report's stylesheet is written for a whole document (`:root`, `html`, `body`, `h1`); inside a
 * shadow root those become the host, so it cannot restyle the app around it. On screen its colours
 * follow the app's theme tokens; print keeps the report's own black on white.
 */
const SHADOW_CSS = `${reportCss.replace(/:root/g, ':host').replace(/\bhtml\b/g, ':host').replace(/\bbody\b/g, ':host')}
:host { display: block; }
@media screen {
  :host { --tc-bg: var(--surface); --tc-fg: var(--text); --tc-muted: var(--text-muted); --tc-rule: var(--border); --tc-soft: var(--surface-2); background: var(--tc-bg); color: var(--tc-fg); }
}
button:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
`;

function ShadowFrame({ children }: { children: ReactNode }) {
  const [host, setHost] = useState<HTMLDivElement | null>(null);
  const [root, setRoot] = useState<ShadowRoot | null>(null);
  useEffect(() => {
    if (host) setRoot(host.shadowRoot ?? host.attachShadow({ mode: 'open' }));
  }, [host]);
  return (
    <div ref={setHost} className="report-frame" data-testid="report-frame">
      {root
        ? createPortal(
            <>
              <style>{SHADOW_CSS}</style>
              {children}
            </>,
            root,
          )
        : null}
    </div>
  );
}

function downloadHtml(html: string, asOf: string): void {
  downloadBlob(`tiecheck-report-${asOf}.html`, new Blob([html], { type: 'text/html;charset=utf-8' }));
}

/** The engine says this when neither Electron nor a system Chromium can print. */
function needsChromium(error: unknown): boolean {
  return /PDF needs Chromium/i.test(describeError(error));
}

function PdfError({ error }: { error: unknown }) {
  if (!needsChromium(error)) return <ErrorNotice title="The PDF could not be made" error={error} />;
  return (
    <div className="tc-notice" role="alert">
      <p>
        <strong>No PDF from here:</strong> {describeError(error)}
      </p>
      <p>
        Instead, press <strong>Print / Save as PDF</strong> and choose “Save as PDF” as the printer: the print stylesheet gives the same pages.
      </p>
    </div>
  );
}

export function ReportPage() {
  const [asOf, setAsOf] = useState<string>('');
  const today = todayUtc();
  const chosen = asOf && asOf !== today ? asOf : null;
  const info = useAppInfo();
  const hasPersons = (info.data?.persons ?? 0) > 0;
  // Today's audit is the dashboard's (saved as a snapshot); another day is looked at, not saved.
  const audit = useAudit(chosen, !chosen, hasPersons);
  const history = useAuditHistory(hasPersons && audit.isSuccess);
  const model = useMemo(() => (audit.data ? buildReportModel(audit.data, history.data?.snapshots ?? []) : null), [audit.data, history.data]);
  const download = useMutation({
    mutationFn: () => api['report:html'](chosen ? { asOf: chosen } : {}),
    onSuccess: (res) => downloadHtml(res.html, chosen ?? today),
  });
  const pdf = useMutation({
    mutationFn: () => api['report:pdf'](chosen ? { asOf: chosen } : {}),
    onSuccess: (res) => downloadBlob(res.fileName, new Blob([bytesFromBase64(res.base64)], { type: 'application/pdf' })),
  });

  if (info.isSuccess && !hasPersons) {
    return (
      <EmptyState level={1} title="No report yet" actions={<a className="button primary" href="#/import">Import your connections</a>}>
        <p>The report needs connections to audit. Import them, or load the demo network from the dashboard.</p>
      </EmptyState>
    );
  }
  return (
    <div className="report-page">
      <div className="report-controls" role="toolbar" aria-label="Report">
        <h1>Report</h1>
        <label htmlFor="report-asof">As of</label>
        <input id="report-asof" type="date" max={today} value={asOf || today} onChange={(e) => setAsOf(e.target.value)} />
        {chosen ? (
          <button type="button" onClick={() => setAsOf('')}>
            Today
          </button>
        ) : null}
        <span className="report-spacer" />
        <button type="button" onClick={() => download.mutate()} disabled={!model || download.isPending}>
          {download.isPending ? 'Preparing…' : 'Download HTML'}
        </button>
        <button type="button" onClick={() => pdf.mutate()} disabled={!model || pdf.isPending} aria-busy={pdf.isPending}>
          {pdf.isPending ? 'Making the PDF…' : 'Download PDF'}
        </button>
        <button type="button" className="primary" onClick={() => window.print()} disabled={!model}>
          Print / Save as PDF
        </button>
      </div>
      <p className="muted report-hint">The downloaded file is self-contained: it opens anywhere, needs no network, and prints the same as this page.</p>
      {download.isError ? <ErrorNotice title="The HTML report could not be made" error={download.error} /> : null}
      {pdf.isPending ? <ProgressBar label="Printing the report to PDF (a few seconds)…" /> : null}
      {pdf.isError ? <PdfError error={pdf.error} /> : null}
      {info.isError ? <ErrorNotice title="Could not reach the engine" error={info.error} /> : null}
      {audit.isError ? <ErrorNotice title="The audit failed" error={audit.error} onRetry={() => void audit.refetch()} /> : null}
      {!model && !audit.isError ? <ProgressBar label="Auditing…" /> : null}
      {model ? (
        <ShadowFrame>
          <Report model={model} onSelect={openPeople} />
        </ShadowFrame>
      ) : null}
    </div>
  );
}
