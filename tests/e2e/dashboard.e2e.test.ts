// The first run: the empty state, "Load a demo network" filling the dashboard, the real share agreeing with `audit --json`, and Settings recomputing it.
import { describe, expect, it } from 'vitest';
import { auditFromCli, formatPercent, uiIsBuilt, type Session, useSession } from './harness';

describe.skipIf(!uiIsBuilt())('dashboard in Chromium', () => {
  let s!: Session;
  useSession((started) => (s = started));

  it('shows the empty state, loads the demo network, and shows the same real share as the CLI', async () => {
    const { page } = s;
    await page.getByRole('heading', { name: 'Nothing to audit yet' }).waitFor();
    await expect(page.getByRole('link', { name: 'Import your connections' }).count()).resolves.toBe(1);
    await s.screenshot('empty-state');

    await page.getByRole('button', { name: 'Load a demo network' }).click();
    await page.getByText('Generating 1,500 connections…').first().waitFor({ timeout: 10_000 });
    await s.screenshot('demo-loading');

    const share = page.getByTestId('real-share');
    await share.waitFor({ timeout: 110_000 });
    // The donut is drawn: recharts' sectors are SVG paths.
    await page.locator('.tc-tier-donut svg path.recharts-sector').first().waitFor();
    expect(await page.locator('.tc-tier-donut svg path.recharts-sector').count()).toBeGreaterThan(0);
    for (const title of ['Per network', 'Connections added per year', 'Strength distribution', 'Time since last contact', 'Companies with the most dilution', "Dunbar's layers", 'Trend across your audits']) {
      await page.getByRole('heading', { name: title }).waitFor();
    }
    await page.waitForTimeout(1500); // let the chart animations settle before the picture
    await s.screenshot('dashboard');

    const cli = await auditFromCli(s.dbPath);
    expect(cli.summary.persons).toBeGreaterThan(1000);
    const shown = (await share.textContent())?.trim();
    expect(shown).toBe(formatPercent(cli.summary.real / cli.summary.persons));
    expect(Number(await share.getAttribute('data-share'))).toBeCloseTo(cli.summary.realShare, 3);
    expect(s.pageErrors).toEqual([]);
  });

  it('opens the people table filtered when a tier is clicked', async () => {
    const { page } = s;
    await page.locator('.dash-count', { hasText: 'Dilution' }).click();
    await page.waitForURL(/#\/people\?filter=tier%3Ddilution/);
    await s.open('#/dashboard');
    await page.getByTestId('real-share').waitFor();
  });

  it('recomputes the dashboard when recentMonths changes in Settings', async () => {
    const { page } = s;
    const before = await auditFromCli(s.dbPath);
    const shareBefore = await page.getByTestId('real-share').getAttribute('data-share');
    await s.open('#/settings');
    const months = page.getByLabel('Recent means within (months)');
    await months.waitFor();
    expect(await months.inputValue()).toBe(String(before.rules.recentMonths));
    await months.fill('3');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('Saved. The audit has been recomputed.').waitFor();
    await s.screenshot('settings');

    await s.open('#/dashboard');
    const share = page.getByTestId('real-share');
    await share.waitFor();
    await page.waitForFunction((old) => document.querySelector('[data-testid="real-share"]')?.getAttribute('data-share') !== old, shareBefore);
    const after = await auditFromCli(s.dbPath);
    expect(after.rules.recentMonths).toBe(3);
    expect(after.summary.real).toBeLessThan(before.summary.real);
    expect((await share.textContent())?.trim()).toBe(formatPercent(after.summary.real / after.summary.persons));

    // The theme switch: dark is applied at once and remembered across a reload.
    await s.open('#/settings');
    await page.getByLabel('Dark').check();
    await s.open('#/dashboard');
    await page.getByTestId('real-share').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.waitForTimeout(1500);
    await s.screenshot('dashboard-dark', false);
    await s.open('#/settings');
    await page.getByLabel('Same as the system').check();
    expect(await page.evaluate(() => document.documentElement.dataset.theme ?? null)).toBeNull();

    // Put the default back so that the rule does not leak into a later look at this database.
    await s.open('#/settings');
    await page.getByLabel('Recent means within (months)').fill(String(before.rules.recentMonths));
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('Saved. The audit has been recomputed.').waitFor();
    expect(s.pageErrors).toEqual([]);
  });

  it('shows the report in the page with the same real share', async () => {
    const { page } = s;
    await s.open('#/report');
    const shareNumber = page.locator('.tc-share-number');
    await shareNumber.waitFor({ timeout: 30_000 });
    const cli = await auditFromCli(s.dbPath);
    expect((await shareNumber.textContent())?.trim()).toBe(formatPercent(cli.summary.real / cli.summary.persons));
    await page.waitForTimeout(1500);
    await s.screenshot('report');
    await s.screenshot('report-top', false);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download HTML' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^tiecheck-report-\d{4}-\d{2}-\d{2}\.html$/);

    // An earlier as-of date audits the past: the report's date follows the picker.
    const lastYear = `${Number(cli.asOf.slice(0, 4)) - 1}${cli.asOf.slice(4)}`;
    await page.getByLabel('As of').fill(lastYear);
    await page.locator('.tc-kicker', { hasText: String(Number(cli.asOf.slice(0, 4)) - 1) }).waitFor({ timeout: 30_000 });
  });
});
