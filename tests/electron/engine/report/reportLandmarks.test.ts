// The report's landmark: <main> only as the whole exported document; inside the app (which has its own <main>) a labelled <article>.
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { installJsdomGlobals } from '../../../../electron/engine/report/jsdomEnvironment';
import { renderReportHtml } from '../../../../electron/engine/report/renderReportHtml';
import { Report } from '../../../../renderer/features/report/Report';
import { buildReportModel } from '../../../../shared/report/model';
import { buildSampleAudit } from './sampleAudit';

const model = buildReportModel(buildSampleAudit(), []);

describe('report landmarks', () => {
  it('the exported file has exactly one <main>', async () => {
    const html = await renderReportHtml(model);
    expect(html.match(/<main\b/g)?.length).toBe(1);
    expect(html).not.toMatch(/<article\b/);
  });

  it('in the app the report is an <article> labelled "Audit report", with no <main> of its own', async () => {
    const env = installJsdomGlobals();
    try {
      const { createRoot } = await import('react-dom/client');
      const root = createRoot(env.container);
      await act(async () => {
        root.render(createElement(Report, { model, onSelect: () => {} }));
        await new Promise((r) => setTimeout(r, 0));
      });
      expect(env.container.querySelector('main')).toBeNull();
      const article = env.container.querySelector('article.tc-report');
      expect(article?.getAttribute('aria-label')).toBe('Audit report');
      await act(async () => root.unmount());
    } finally {
      env.restore();
    }
  });
});
