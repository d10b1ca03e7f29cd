// Choosing a whole LinkedIn export zip in the UI: what it holds, a file's preview, one progress bar, the results; the same audit as the CLI's file-by-file import.
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, describe, expect, it } from 'vitest';
import { linkedinExport, takeoutExport, writeTgz, writeZip } from '../fixtures/archives/archiveFixtures';
import { auditFromCli, callApi, uiIsBuilt, type Session, useSession } from './harness';

const work = mkdtempSync(join(tmpdir(), 'tiecheck-archive-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!uiIsBuilt())('an archive in Chromium', () => {
  let s!: Session;
  useSession((started) => (s = started));

  it('shows what a LinkedIn zip holds, previews a file, imports every recognised file, each its own batch', async () => {
    const { page } = s;
    const zip = readFileSync(await writeZip(join(work, 'Basic_LinkedInDataExport_12-04-2026.zip'), linkedinExport()));
    await s.open('#/import');
    await page.getByTestId('import-file-input').setInputFiles({ name: 'Basic_LinkedInDataExport_12-04-2026.zip', mimeType: 'application/zip', buffer: zip });

    const files = page.getByTestId('archive-files');
    await files.waitFor({ timeout: 30_000 });
    await page.getByText('5 files found; 3 will be read').waitFor();
    const row = (name: string) => files.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    await expect(row('Connections.csv').textContent()).resolves.toMatch(/LinkedIn connections\s*4 rows\s*will be read/);
    await expect(row('messages.csv').textContent()).resolves.toMatch(/LinkedIn messages\s*4 rows\s*will be read/);
    await expect(row('Profile.csv').textContent()).resolves.toMatch(/LinkedIn profile.*not used/);

    await row('Connections.csv').getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByTestId('archive-preview');
    await preview.getByRole('cell', { name: 'Zoë Ångström, PhD' }).waitFor({ timeout: 30_000 });
    await s.screenshot('import-archive');
    const axe = await new AxeBuilder({ page }).include('[data-testid="archive-flow"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    await page.getByRole('button', { name: 'Import 3 files' }).click();
    const result = page.getByTestId('archive-result');
    await result.waitFor({ timeout: 60_000 });
    await result.getByRole('rowheader', { name: 'messages.csv', exact: true }).waitFor();
    await result.getByText('2 files were not used — nothing was written from them').waitFor();
    await s.screenshot('import-archive-result');

    const cli = await auditFromCli(s.dbPath);
    expect(cli.persons.map((p) => p.name)).toEqual(expect.arrayContaining(['Jane Doe', 'Zoë Ångström, PhD', 'Kim Lee']));
    // Each file is its own entry in the history.
    await s.open('#/import');
    await page.getByRole('rowheader', { name: 'messages.csv' }).first().waitFor({ timeout: 30_000 });
    expect(s.pageErrors).toEqual([]);
  });

  it('takes two Takeout parts chosen together (a zip and a tgz) as one archive', async () => {
    const { page } = s;
    const [browser, calendar, contacts, mail] = takeoutExport();
    const part1 = readFileSync(await writeZip(join(work, 'takeout-20261204T101010Z-001.zip'), [browser, mail]));
    const part2 = readFileSync(await writeTgz(join(work, 'takeout-20261204T101010Z-002.tgz'), [calendar, contacts]));
    await s.open('#/import');
    await page.getByTestId('import-file-input').setInputFiles([
      { name: 'takeout-20261204T101010Z-001.zip', mimeType: 'application/zip', buffer: part1 },
      { name: 'takeout-20261204T101010Z-002.tgz', mimeType: 'application/gzip', buffer: part2 },
    ]);
    await page.getByText('4 files found; 3 will be read').waitFor({ timeout: 30_000 });
    await page.getByRole('rowheader', { name: 'takeout-20261204T101010Z-002.tgz › Takeout/Contacts/My Contacts/My Contacts.csv' }).waitFor();
    await page.getByRole('button', { name: 'Import 3 files' }).click();
    const result = page.getByTestId('archive-result');
    await result.waitFor({ timeout: 60_000 });
    const order = await result.getByRole('rowheader').allTextContents();
    expect(order).toEqual([
      'takeout-20261204T101010Z-002.tgz › Takeout/Contacts/My Contacts/My Contacts.csv',
      'takeout-20261204T101010Z-001.zip › Takeout/Mail/All mail Including Spam and Trash.mbox',
      'takeout-20261204T101010Z-002.tgz › Takeout/Calendar/owner@example.com.ics',
    ]);
    expect(s.pageErrors).toEqual([]);
  });

  it('refuses a damaged zip in one line and writes nothing', async () => {
    const { page } = s;
    await s.open('#/import');
    const history = async () => (await callApi<{ batches: unknown[] }>(page, 'import:history')).batches.length;
    const before = await history();
    await page.getByTestId('import-file-input').setInputFiles({ name: 'takeout-20261204T101010Z-001.zip', mimeType: 'application/zip', buffer: Buffer.from('PK\u0003\u0004 cut short') });
    await page.getByText(/takeout-20261204T101010Z-001\.zip: not a readable zip archive/).waitFor({ timeout: 30_000 });
    expect(await history()).toBe(before);
    expect(s.pageErrors).toEqual([]);
  });
});
