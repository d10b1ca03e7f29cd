// Writes the sample report (HTML, full-page PNG, PDF) to /tmp so a person can look at it: `npx tsx tests/electron/engine/report/writeSampleReport.ts`.
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { buildReportModel } from '../../../../shared/report/model';
import { renderReportHtml } from '../../../../electron/engine/report/renderReportHtml';
import { printReportPdf } from '../../../../electron/engine/report/printReportPdf';
import { buildSampleAudit, SAMPLE_HISTORY } from './sampleAudit';

const out = process.argv[2] ?? '/tmp/tiecheck-report-sample';
const html = await renderReportHtml(buildReportModel(buildSampleAudit(), SAMPLE_HISTORY));
writeFileSync(`${out}.html`, html);
await printReportPdf(html, `${out}.pdf`);

const browser = await chromium.launch({ executablePath: process.env.TIECHECK_CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 }, colorScheme: scheme });
    await page.setContent(html);
    await page.screenshot({ path: scheme === 'light' ? `${out}.png` : `${out}-dark.png`, fullPage: true });
    if (scheme === 'light') {
      // The full page is too tall to read at once; screen-sized parts are what a person looks at.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0, n = 1; y < height; y += 1200, n++) {
        await page.screenshot({ path: `${out}-part${n}.png`, fullPage: true, clip: { x: 0, y, width: 900, height: Math.min(1200, height - y) } });
      }
    }
  }
  // What the first printed page looks like, without needing pdftoppm.
  const print = await browser.newPage({ viewport: { width: 794, height: 1123 } });
  await print.setContent(html);
  await print.emulateMedia({ media: 'print' });
  await print.screenshot({ path: `${out}-print.png`, fullPage: true });
} finally {
  await browser.close();
}
console.log(`wrote ${out}.html, .pdf, .png, -dark.png, -print.png`);
