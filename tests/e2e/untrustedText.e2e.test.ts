// Text from an imported file is data, never markup: hostile names, companies and a javascript: profile URL render
// literally and inertly in the people table, the person page, the report page and the report HTML.
// (Formula injection in the prune CSV is covered by tests/shared/export.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSession, uiIsBuilt, type Session, callApi as call } from './harness';

const FIRST = '<img src=x onerror=alert(1)>';
const LAST = '"><script>alert(1)</script>';
const COMPANY = '<b onmouseover=alert(3)>Evil</b> & Co';
const CSV = [
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  `${FIRST},"""><script>alert(1)</script>",javascript:alert(1),,"${COMPANY}",=HYPERLINK("http://x"),12 Jan 2019`,
  'Eve,<svg onload=alert(2)>,JaVaScRiPt:alert(2),,Contoso,Engineer,03 Feb 2020',
  'Plain,Person,https://www.linkedin.com/in/plain-person,,Fabrikam,Designer,03 Feb 2020',
].join('\n');


/** Nothing the hostile text could have become: no injected element, no javascript: link. */
async function expectInert(page: Page): Promise<void> {
  await page.waitForTimeout(600); // an injected <img src=x> would have failed to load and fired onerror by now
  const found = await page.evaluate(() => ({
    injectedImg: document.querySelectorAll('img[src="x"], img[onerror]').length,
    injectedScript: [...document.scripts].filter((s) => s.textContent?.includes('alert')).length,
    injectedSvg: document.querySelectorAll('svg[onload]').length,
    injectedBold: document.querySelectorAll('b[onmouseover]').length,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
    jsLinks: [...document.querySelectorAll('a[href], area[href], iframe[src], form[action]')].filter((el) =>
      /^\s*javascript:/i.test(el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? ''),
    ).length,
  }));
  expect(found).toEqual({ injectedImg: 0, injectedScript: 0, injectedSvg: 0, injectedBold: 0, handlers: 0, jsLinks: 0 });
}

describe.skipIf(!uiIsBuilt())('untrusted text in Chromium', () => {
  let s: Session;
  const dialogs: string[] = [];
  let hostile: { id: string; name: string };
  let eve: { id: string; name: string };

  beforeAll(async () => {
    s = await startSession();
    s.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await s.open('#/import');
    await s.page.getByTestId('import-file-input').setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
    await s.page.getByRole('button', { name: 'Import', exact: true }).click({ timeout: 30_000 });
    await s.page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
    const audit = await call<{ persons: { id: string; name: string }[] }>(s.page, 'audit:get');
    hostile = audit.persons.find((p) => p.name.includes('onerror'))!;
    eve = audit.persons.find((p) => p.name.startsWith('Eve'))!;
  });
  afterAll(async () => {
    await s?.close();
  });

  it('keeps the names exactly as imported', () => {
    expect(hostile.name).toBe(`${FIRST} ${LAST}`);
    expect(eve.name).toBe('Eve <svg onload=alert(2)>');
  });

  it('shows them literally in the import preview and the people table', async () => {
    const { page } = s;
    await expectInert(page);
    await s.open('#/people');
    await page.getByRole('grid', { name: 'Connections' }).waitFor();
    await page.getByText(hostile.name, { exact: true }).first().waitFor();
    await page.getByText(eve.name, { exact: true }).first().waitFor();
    await expectInert(page);
    await s.screenshot('untrusted-people', false);
  });

  it('shows them literally on the person page, with the javascript: profile as plain text', async () => {
    const { page } = s;
    for (const person of [hostile, eve]) {
      await s.open(`#/person/${encodeURIComponent(person.id)}`);
      await page.getByRole('heading', { level: 1, name: person.name, exact: true }).waitFor({ timeout: 30_000 });
      await expectInert(page);
    }
    await page.getByText(/JaVaScRiPt:alert\(2\)/).first().waitFor();
    await s.open(`#/person/${encodeURIComponent(hostile.id)}`);
    await page.getByText(COMPANY, { exact: false }).first().waitFor();
    // The profile address is shown, as text, not as a link.
    const profile = page.getByText('javascript:alert(1)', { exact: true }).first();
    await profile.waitFor();
    expect(await profile.evaluate((el) => el.closest('a') === null)).toBe(true);
    await expectInert(page);
    await s.screenshot('untrusted-person', false);
  });

  it('keeps the report page and the report HTML inert', async () => {
    const { page } = s;
    await s.open('#/report');
    await page.locator('.tc-share-number').first().waitFor({ timeout: 60_000 });
    await expectInert(page);

    const { html } = await call<{ html: string }>(page, 'report:html');
    expect(html).not.toContain(FIRST);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
    // Opened as the file a person would double-click: nothing runs.
    const report = await s.context.newPage();
    report.on('dialog', (d) => {
      dialogs.push(`report: ${d.message()}`);
      void d.dismiss();
    });
    await report.setContent(html);
    await expectInert(report);
    await report.close();
  });

  it('never fired a dialog and threw no page error', () => {
    expect(dialogs).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
