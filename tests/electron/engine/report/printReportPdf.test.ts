// The PDF: printed by the system Chromium when there is one, and a one-line reason when there is not.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../../shared/report/model';
import { renderReportHtml } from '../../../../electron/engine/report/renderReportHtml';
import { CHROMIUM_MISSING, ChromiumMissingError, findChromium, printReportPdf } from '../../../../electron/engine/report/printReportPdf';
import { buildSampleAudit } from './sampleAudit';

const dir = mkdtempSync(join(tmpdir(), 'tiecheck-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('printReportPdf', () => {
  it.runIf(existsSync('/usr/bin/chromium'))('prints an A4 PDF', async () => {
    const html = await renderReportHtml(buildReportModel(buildSampleAudit(60), []));
    const out = join(dir, 'report.pdf');
    await printReportPdf(html, out);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(bytes.length).toBeGreaterThan(10_000);
  }, 60_000);

  it('says in one line what to do when Chromium is missing', async () => {
    const before = process.env.TIECHECK_CHROMIUM;
    process.env.TIECHECK_CHROMIUM = join(dir, 'no-such-chromium');
    try {
      expect(findChromium()).toBeNull();
      const failure = printReportPdf('<!doctype html><p>x</p>', join(dir, 'never.pdf'));
      await expect(failure).rejects.toThrow(CHROMIUM_MISSING);
      await expect(failure).rejects.toBeInstanceOf(ChromiumMissingError);
      expect(CHROMIUM_MISSING).not.toContain('\n');
      expect(existsSync(join(dir, 'never.pdf'))).toBe(false);
    } finally {
      if (before === undefined) delete process.env.TIECHECK_CHROMIUM;
      else process.env.TIECHECK_CHROMIUM = before;
    }
  });
});
