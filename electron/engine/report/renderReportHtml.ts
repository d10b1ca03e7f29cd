// Renders the report component to one self-contained HTML file: inline CSS and SVG, a strict CSP, no script.
import * as React from 'react';
import { createElement } from 'react';
import type { ReportModel } from '../../../shared/report/model';
import { Report, REPORT_CHART_WIDTH } from '../../../renderer/features/report/Report';
import { reportCss } from '../../../renderer/features/report/reportCss';
import { installJsdomGlobals } from './jsdomEnvironment';

/** Nothing may load: styles are inline, images would be data: URLs, scripts do not exist. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The jsdom globals are process-wide, so renders take turns. */
let queue: Promise<unknown> = Promise.resolve();

export function renderReportHtml(model: ReportModel): Promise<string> {
  const run = queue.then(() => renderOnce(model));
  queue = run.catch(() => undefined);
  return run;
}

/** recharts measures and draws in effects and timers; give them a few turns to settle inside act. */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * React's `act` flushes effects and state updates deterministically, but production builds of
 * React (a bundled CLI or app with NODE_ENV=production) do not ship it; there, letting the timers
 * run a few more turns gets the same finished SVG.
 */
async function inAct(work: () => Promise<void> | void): Promise<void> {
  const act = (React as { act?: (cb: () => Promise<void>) => Promise<void> }).act;
  if (typeof act === 'function') {
    await act(async () => {
      await work();
    });
  } else {
    await work();
    await settle();
  }
}

async function renderOnce(model: ReportModel): Promise<string> {
  const env = installJsdomGlobals();
  try {
    // Imported here, not at the top: react-dom must see the jsdom globals when it first loads.
    const { createRoot } = await import('react-dom/client');
    const root = createRoot(env.container);
    await inAct(async () => {
      root.render(createElement(Report, { model, static: true, chartWidth: REPORT_CHART_WIDTH }));
      await settle();
    });
    await inAct(settle);
    const body = env.container.innerHTML;
    await inAct(() => root.unmount());

    const doc = env.dom.window.document;
    doc.title = `Tiecheck audit — ${model.asOf}`;
    const head = doc.head;
    const charset = doc.createElement('meta');
    charset.setAttribute('charset', 'utf-8');
    const csp = doc.createElement('meta');
    csp.setAttribute('http-equiv', 'Content-Security-Policy');
    csp.setAttribute('content', REPORT_CSP);
    const viewport = doc.createElement('meta');
    viewport.setAttribute('name', 'viewport');
    viewport.setAttribute('content', 'width=device-width, initial-scale=1');
    const style = doc.createElement('style');
    style.textContent = reportCss;
    head.prepend(charset, csp, viewport);
    head.append(style);
    // The markup React produced goes back in as the body; the mount point itself is not part of the report.
    doc.body.innerHTML = body;
    return `<!doctype html>\n${doc.documentElement.outerHTML}\n`;
  } finally {
    env.restore();
  }
}
