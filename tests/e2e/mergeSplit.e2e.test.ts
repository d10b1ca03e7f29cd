// Merge and split in Chromium (LinkedIn + Facebook imports, a name that differs a little), the review page's same-name pairs, the prune loop with real removals, and the PDF.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, startSession, uiIsBuilt, type Session, callApi as call } from './harness';

const LINKEDIN_HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
const LINKEDIN = [
  'Jonathan,Okafor,https://www.linkedin.com/in/jonathan-okafor,,Tailspin Toys,Founder,09 Sep 2020',
  'Kenji,Sato,https://www.linkedin.com/in/kenji-sato,,Litware,Researcher,12 Dec 2012',
  'Priya,Raman,https://www.linkedin.com/in/priya-raman,,Litware,Product Manager,01 Mar 2018',
  'Michael,Brown,https://www.linkedin.com/in/mbrown-contoso,,Contoso,Engineer,01 Feb 2015',
  'Michael,Brown,https://www.linkedin.com/in/mbrown-fabrikam,,Fabrikam,Sales,01 Feb 2016',
  'Renée,"Dubois, MBA",https://www.linkedin.com/in/renee-dubois,,Northwind Traders,Head of Sales,15 Jun 2019',
];
const FACEBOOK = {
  friends_v2: [
    { name: 'Jon Okafor-Smith', timestamp: 1_400_000_000 },
    { name: 'Michael Brown', timestamp: 1_450_000_000 },
    { name: 'Tomasz Nowak', timestamp: 1_460_000_000 },
  ],
};

interface AuditPersonLite {
  id: string;
  name: string;
  networks: string[];
  tags: string[];
}


async function persons(page: Page): Promise<AuditPersonLite[]> {
  return (await call<{ persons: AuditPersonLite[] }>(page, 'audit:get')).persons;
}

async function personNamed(page: Page, name: string): Promise<AuditPersonLite> {
  const found = (await persons(page)).filter((p) => p.name === name);
  expect(found, name).toHaveLength(1);
  return found[0];
}

describe.skipIf(!uiIsBuilt())('merge, split and the prune loop in Chromium', () => {
  let s: Session;

  /** Imports one file through the Import page and waits for its summary. */
  async function importThroughPage(name: string, buffer: Buffer, format: string): Promise<void> {
    const { page } = s;
    await s.open('#/import');
    await page.getByTestId('import-file-input').setInputFiles({ name, mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv', buffer });
    await expect.poll(() => page.getByTestId('detected-format').textContent(), { timeout: 30_000 }).toBe(format);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
  }

  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('imports a LinkedIn CSV and a Facebook friends JSON; a name that differs a little stays two people', async () => {
    await importThroughPage('Connections.csv', Buffer.from([LINKEDIN_HEADER, ...LINKEDIN].join('\n') + '\n'), 'linkedin');
    await importThroughPage('your_friends.json', Buffer.from(JSON.stringify(FACEBOOK)), 'facebook');
    const all = await persons(s.page);
    expect(all.map((p) => p.name)).toEqual(expect.arrayContaining(['Jonathan Okafor', 'Jon Okafor-Smith', 'Tomasz Nowak']));
    expect(all.filter((p) => p.name === 'Michael Brown')).toHaveLength(3);
  });

  it('merges from the person page by keyboard, shows one person with both networks, and undoes it', async () => {
    const { page } = s;
    const jonathan = await personNamed(page, 'Jonathan Okafor');
    await s.open(`#/person/${jonathan.id}`);
    await page.getByRole('heading', { name: 'Jonathan Okafor', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Merge with…' }).click();
    const search = page.getByRole('searchbox', { name: 'Who else is Jonathan Okafor?' });
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await search.fill('okafor');
    const match = page.getByRole('list', { name: 'Matching people' }).getByRole('button', { name: /Jon Okafor-Smith/ });
    await match.waitFor();

    // Escape cancels the dialog and leaves the search where it was.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => match.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Merge Jon Okafor-Smith into Jonathan Okafor?' });
    await dialog.waitFor();
    await dialog.getByText('Facebook', { exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => match.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByText('Facebook', { exact: true }).waitFor();
    await s.screenshot('merge-dialog', false);
    await expect.poll(() => dialog.getByRole('button', { name: 'Merge them' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    const toast = page.getByRole('status').filter({ hasText: 'Merged Jon Okafor-Smith into Jonathan Okafor.' });
    await toast.waitFor();
    await dialog.waitFor({ state: 'detached' });
    const rows = page.locator('.person-connections tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect((await personNamed(page, 'Jonathan Okafor')).networks.sort()).toEqual(['facebook', 'linkedin']);
    expect((await persons(page)).some((p) => p.name === 'Jon Okafor-Smith')).toBe(false);
    await expect.poll(() => page.getByRole('button', { name: 'Merge with…' }).evaluate((el) => el === document.activeElement)).toBe(true);

    await toast.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Undone: merged Jon Okafor-Smith into Jonathan Okafor').waitFor();
    await expect.poll(() => rows.count()).toBe(1);
    expect((await personNamed(page, 'Jonathan Okafor')).networks).toEqual(['linkedin']);
    expect((await personNamed(page, 'Jon Okafor-Smith')).networks).toEqual(['facebook']);
  });

  it('splits a merged person again: ticks the Facebook connection, opens the new person, undo puts it back', async () => {
    const { page } = s;
    const jonathan = await personNamed(page, 'Jonathan Okafor');
    const jon = await personNamed(page, 'Jon Okafor-Smith');
    await call(page, 'person:merge', { keepId: jonathan.id, mergeId: jon.id });
    await s.open(`#/person/${jonathan.id}`);
    const rows = page.locator('.person-connections tbody tr');
    await expect.poll(() => rows.count()).toBe(2);

    await page.getByRole('button', { name: 'Split off…' }).click();
    const group = page.getByRole('group', { name: 'Which of these connections are not Jonathan Okafor?' });
    const splitButton = page.getByRole('button', { name: /Split off .*into a new person/ });
    expect(await splitButton.isDisabled()).toBe(true);
    await group.getByRole('checkbox', { name: /Facebook as Jon Okafor-Smith/ }).check();
    await s.screenshot('split-panel', false);
    await splitButton.click();
    await page.getByRole('heading', { name: 'Jon Okafor-Smith', level: 1 }).waitFor();
    expect(page.url()).not.toContain(jonathan.id);
    const toast = page.getByRole('status').filter({ hasText: 'Split one connection off Jonathan Okafor' });
    await toast.waitFor();
    expect((await personNamed(page, 'Jonathan Okafor')).networks).toEqual(['linkedin']);
    expect((await personNamed(page, 'Jon Okafor-Smith')).networks).toEqual(['facebook']);

    await toast.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('heading', { name: 'Jonathan Okafor', level: 1 }).waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    expect((await persons(page)).some((p) => p.name === 'Jon Okafor-Smith')).toBe(false);
  });

  it('suggests same-name people on different networks in the review page; x says not the same, m merges', async () => {
    const { page } = s;
    await s.open('#/review');
    const section = page.getByRole('region', { name: /Possibly the same person/ });
    await section.waitFor();
    const cards = section.locator('.suggestion');
    await expect.poll(() => cards.count()).toBe(2);
    await s.screenshot('review-suggestions');

    const list = section.getByRole('list', { name: 'Possibly the same person' });
    await list.focus();
    await page.keyboard.press('x');
    await page.getByRole('status').filter({ hasText: 'stay two people' }).waitFor();
    await expect.poll(() => cards.count()).toBe(1);
    // Remembered across a reload.
    await s.open('#/review');
    await section.waitFor();
    await expect.poll(() => cards.count()).toBe(1);

    await list.focus();
    await page.keyboard.press('m');
    await page.getByRole('status').filter({ hasText: /Merged Michael Brown into Michael Brown/ }).waitFor();
    await section.waitFor({ state: 'detached' });
    const browns = (await persons(page)).filter((p) => p.name === 'Michael Brown');
    expect(browns).toHaveLength(2);
    expect(browns.map((p) => p.networks.join('+')).sort()).toEqual(['facebook+linkedin', 'linkedin']);
  });

  it('tags prune on two people, imports a newer LinkedIn export without one, and shows him as pruned ✓', async () => {
    const { page } = s;
    for (const name of ['Kenji Sato', 'Priya Raman']) {
      const person = await personNamed(page, name);
      await s.open(`#/person/${person.id}`);
      await page.getByRole('button', { name: '+ prune' }).click();
      await page.getByRole('status').filter({ hasText: 'Tagged 1 connection with prune' }).waitFor();
    }
    await s.open('#/people');
    await page.getByRole('button', { name: /prune: 2 still connected\s+0 pruned ✓/ }).waitFor();

    const newer = LINKEDIN.filter((row) => !row.startsWith('Kenji,'));
    await importThroughPage('Connections.csv', Buffer.from([LINKEDIN_HEADER, ...newer].join('\n') + '\n'), 'linkedin');
    await page.getByText(/1 Linkedin connection is not in this file\. Mark them removed\?/i).waitFor();
    await page.getByLabel(/Yes, mark these 1 as removed/).check();
    await page.getByRole('button', { name: 'Mark them removed' }).click();
    await expect.poll(() => page.getByTestId('import-summary').locator('[data-count="removed"] dd').textContent(), { timeout: 60_000 }).toBe('1');

    await s.open('#/people');
    const summary = page.getByRole('button', { name: /1 still connected\s+1 pruned ✓/ });
    await summary.click();
    const panel = page.getByRole('region', { name: /Tagged prune: pruned ✓ or still connected/ });
    await panel.waitFor();
    const kenji = panel.locator('tbody tr', { hasText: 'Kenji Sato' });
    await kenji.getByText('pruned ✓').waitFor();
    await kenji.getByText(/LinkedIn on \d+ \w{3} \d{4}/).waitFor();
    await panel.locator('tbody tr', { hasText: 'Priya Raman' }).getByText('still connected').waitFor();
    await s.screenshot('pruned-list', false);
    await panel.screenshot({ path: join(SCREENSHOTS, 'pruned-panel.png') });

    await panel.getByLabel('Pruned ✓').check();
    await expect.poll(() => panel.locator('tbody tr').count()).toBe(1);
    await panel.getByRole('link', { name: 'Kenji Sato' }).click();
    await page.getByRole('heading', { name: 'Kenji Sato', level: 1 }).waitFor();
    await page.locator('.person-verdict').getByText('pruned ✓').waitFor();
  });

  it('renames and deletes the prune tag in the tag manager, removed people included, and undoes both', async () => {
    const { page } = s;
    type Status = { rows: { name: string; status: string }[]; pruned: number; stillConnected: number };
    await s.open('#/people');
    await page.getByRole('button', { name: 'Manage tags' }).click();
    await page.getByLabel('New name for prune').fill('cull');
    await page.getByLabel('New name for prune').press('Enter');
    await page.getByRole('status').filter({ hasText: 'Renamed prune to cull (2 people)' }).waitFor();
    const culled = await call<Status>(page, 'prune:status', { tag: 'cull' });
    expect(culled.rows.map((r) => `${r.name}: ${r.status}`).sort()).toEqual(['Kenji Sato: pruned', 'Priya Raman: still connected']);
    expect((await call<Status>(page, 'prune:status', { tag: 'prune' })).rows).toEqual([]);

    await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
    await page.getByText(/^Undone: Renamed prune to cull/).waitFor();
    expect((await call<Status>(page, 'prune:status', { tag: 'prune' })).pruned).toBe(1);
    expect((await call<Status>(page, 'prune:status', { tag: 'cull' })).rows).toEqual([]);

    await page.locator('.tag-row', { hasText: 'prune' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('status').filter({ hasText: 'Deleted tag prune (2 people)' }).waitFor();
    expect((await call<Status>(page, 'prune:status', { tag: 'prune' })).rows).toEqual([]);
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await page.getByText(/^Undone: Deleted tag prune/).waitFor();
    const back = await call<Status>(page, 'prune:status', { tag: 'prune' });
    expect([back.pruned, back.stillConnected]).toEqual([1, 1]);
  });

  it('downloads the report as a PDF', async () => {
    const { page } = s;
    await s.open('#/report');
    const button = page.getByRole('button', { name: 'Download PDF' });
    await button.waitFor();
    await expect.poll(() => button.isEnabled(), { timeout: 30_000 }).toBe(true);
    const downloadPromise = page.waitForEvent('download', { timeout: 90_000 });
    await button.click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^tiecheck-report-\d{4}-\d{2}-\d{2}\.pdf$/);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(bytes.length).toBeGreaterThan(5_000);
    expect(s.pageErrors).toEqual([]);
  });
});
