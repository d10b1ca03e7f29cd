// The HTML report: a complete, self-contained, script-free document whose charts are real SVG and whose text agrees with the model.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { buildReportModel } from '../../../../shared/report/model';
import { formatPercent } from '../../../../shared/report/verdict';
import { renderReportHtml, REPORT_CSP } from '../../../../electron/engine/report/renderReportHtml';
import { buildSampleAudit, SAMPLE_HISTORY } from './sampleAudit';

const model = buildReportModel(buildSampleAudit(), SAMPLE_HISTORY);
const html = await renderReportHtml(model);
const doc = new JSDOM(html).window.document;

describe('renderReportHtml', () => {
  it('writes a complete document with charset and a strict CSP', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toMatch(/<meta charset="utf-8">/i);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(REPORT_CSP);
    expect(doc.querySelector('head style')?.textContent).toContain('@page');
    expect(doc.title).toContain(model.asOf);
  });

  it('lets nothing load and nothing run', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
    expect(doc.querySelectorAll('script, img, link, iframe, object, embed').length).toBe(0);
    const handlers = [...doc.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name) || a.name === 'filter').map((a) => a.name));
    expect(handlers).toEqual([]);
  });

  it('draws every chart as inline SVG', () => {
    const charts = ['tc-tier-donut', 'tc-score-histogram', 'tc-cohort-bars', 'tc-last-contact', 'tc-dilution-companies', 'tc-dunbar', 'tc-trend'];
    for (const c of charts) expect(doc.querySelector(`.${c} svg`), c).not.toBeNull();
    expect(doc.querySelectorAll('.tc-tier-donut svg path.recharts-sector').length).toBe(4);
    // recharts 3 draws bar rectangles as <path class="recharts-rectangle">.
    const cohortBars = doc.querySelectorAll('.tc-cohort-bars svg .recharts-rectangle');
    expect(cohortBars.length).toBeGreaterThan(model.cohorts.length);
    expect(doc.querySelectorAll('.tc-trend svg .recharts-line-curve').length).toBe(2);
  });

  it('agrees with the model', () => {
    const s = model.summary;
    expect(doc.querySelector('.tc-share-number')?.textContent).toBe(formatPercent(s.real / s.persons));
    expect(doc.querySelector('.tc-verdict')?.textContent).toBe(model.verdict);
    expect(model.verdict.startsWith(`${formatPercent(s.real / s.persons)} of your ${s.persons} connections`)).toBe(true);
    const tierRows = [...doc.querySelectorAll('.tc-tier-table tbody tr')].map((tr) => tr.querySelectorAll('td')[1]?.textContent);
    expect(tierRows).toEqual(model.tiers.map((t) => String(t.count)));
    expect(doc.querySelectorAll('#strongest tbody tr').length).toBe(model.strongest.length);
    expect(doc.querySelectorAll('#prune tbody tr').length).toBe(model.pruneCandidates.length);
    expect(doc.querySelector('#prune')?.textContent).toContain(`${model.pruneTotal} links are candidates`);
    expect(doc.querySelector('.tc-footer')?.textContent).toContain('recentMonths');
  });

  it('puts each section of SPEC §8 in order', () => {
    expect([...doc.querySelectorAll('section')].map((s) => s.id)).toEqual(['tiers', 'strength', 'cohorts', 'last-contact', 'companies', 'dunbar', 'trend', 'strongest', 'prune']);
  });

  it('shows a name that is markup as text', () => {
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
    const names = [...doc.querySelectorAll('#prune td.tc-name')].map((td) => td.textContent);
    expect(names).toContain('<img src=x onerror=alert(1)>');
    expect(html).toContain('Evil &amp; Sons &lt;script&gt;');
  });

  it('says what to import first when the audit is empty, without empty charts', async () => {
    const empty = await renderReportHtml(buildReportModel({ asOf: '2025-06-30', rules: model.rules, summary: { persons: 0, real: 0, fading: 0, acquaintance: 0, dilution: 0, realShare: 0 }, persons: [] }, []));
    const d = new JSDOM(empty).window.document;
    expect([...d.querySelectorAll('section')].map((x) => x.id)).toEqual(['empty']);
    expect(d.querySelectorAll('svg').length).toBe(0);
    expect(d.querySelector('.tc-verdict')?.textContent).toMatch(/import your connections first/);
  });

  it('renders again, in turn, and leaves no jsdom globals behind', async () => {
    const [a, b] = await Promise.all([renderReportHtml(model), renderReportHtml(buildReportModel(buildSampleAudit(50), []))]);
    expect(a).toContain('tc-cohort-bars');
    expect(b).toContain('This is your first audit');
    expect((a.match(/<svg/g) ?? []).length).toBe(7);
    expect((globalThis as { window?: unknown }).window).toBeUndefined();
    expect((globalThis as { document?: unknown }).document).toBeUndefined();
  });
});
