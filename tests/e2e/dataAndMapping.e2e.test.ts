// Your data and the mapping editor in Chromium: the demo's progress file by file; backup, delete all (typed DELETE), restore; a call log with unusual column names mapped by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, auditFromCli, uiIsBuilt, type Session, useSession } from './harness';

const CALL_LOG = ['Who,Tel,Direction,When,Secs', 'Ann Bee,+44 20 7946 0001,incoming,2025-03-01 10:00,120', 'Carl Dee,+44 20 7946 0002,outgoing,2025-03-02 11:30,95', 'Ann Bee,+44 20 7946 0001,missed,2025-03-03 09:15,0'].join('\n') + '\n';

describe.skipIf(!uiIsBuilt())('your data and column mapping in Chromium', () => {
  let s!: Session;
  let demoPeople = 0;
  useSession((started) => (s = started));

  it('loads the demo from the empty dashboard, saying which file it is importing and how many there are', async () => {
    const { page } = s;
    await s.open('#/dashboard');
    await page.getByRole('heading', { name: 'Nothing to audit yet' }).waitFor();
    await page.getByRole('button', { name: 'Load a demo network' }).click();
    const fileProgress = page.getByText(/Importing .+… \d+ of \d+ files/).first();
    await fileProgress.waitFor({ timeout: 60_000 });
    expect(await fileProgress.textContent()).toMatch(/Importing .+… [1-9]\d* of [3-9] files/);
    await page.getByTestId('real-share').waitFor({ timeout: 90_000 });
    demoPeople = (await auditFromCli(s.dbPath)).summary.persons;
    expect(demoPeople).toBeGreaterThan(1000);
    expect(s.pageErrors).toEqual([]);
  });

  it('downloads a backup, deletes everything after a typed DELETE, and restores the backup', async () => {
    const { page } = s;
    await s.open('#/settings');
    const section = page.getByTestId('settings-data');
    await section.getByRole('heading', { name: 'Your data' }).waitFor();
    await section.scrollIntoViewIfNeeded();

    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Download a backup' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^tiecheck-backup-\d{4}-\d{2}-\d{2}\.db$/);
    const backup = readFileSync((await download.path())!);
    expect(backup.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    await section.getByTestId('backup-done').waitFor();
    await section.screenshot({ path: join(SCREENSHOTS, 'settings-data-section.png') });

    await section.getByRole('button', { name: 'Delete all my data…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete everything in Tiecheck?' });
    await dialog.waitFor();
    // Without the word nothing happens.
    await dialog.getByRole('button', { name: 'Delete everything' }).click();
    await dialog.getByText('Type DELETE in capitals to delete everything.').waitFor();
    expect((await auditFromCli(s.dbPath)).summary.persons).toBe(demoPeople);
    await dialog.getByLabel('Type DELETE to confirm').fill('DELETE');
    await s.screenshot('settings-delete-dialog', false);
    await dialog.getByRole('button', { name: 'Delete everything' }).click();
    await page.getByRole('heading', { name: 'Nothing to audit yet' }).waitFor({ timeout: 30_000 });
    expect(page.url()).toMatch(/#\/dashboard$/);
    expect((await auditFromCli(s.dbPath)).summary.persons).toBe(0);

    await s.open('#/settings');
    await page.getByTestId('restore-file-input').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/vnd.sqlite3', buffer: backup });
    const confirm = page.getByRole('dialog', { name: 'Replace everything in Tiecheck?' });
    await confirm.getByText(/will be replaced by the backup/).waitFor();
    await confirm.getByText(/a copy of what is there now is kept beside the database/).waitFor();
    await s.screenshot('settings-restore-dialog', false);
    await confirm.getByRole('button', { name: 'Replace everything' }).click();
    await page.getByTestId('restore-done').getByText(new RegExp(`Restored: ${demoPeople.toLocaleString('en')} people`)).waitFor({ timeout: 30_000 });
    expect((await auditFromCli(s.dbPath)).summary.persons).toBe(demoPeople);

    await s.open('#/dashboard');
    await page.getByTestId('real-share').waitFor({ timeout: 60_000 });
    expect(s.pageErrors).toEqual([]);
  });

  it('maps a call log with unusual column names in the editor and counts its calls', async () => {
    const { page } = s;
    await s.open('#/import');
    await page.getByTestId('import-file-input').setInputFiles({ name: 'phone-calls.csv', mimeType: 'text/csv', buffer: Buffer.from(CALL_LOG, 'utf8') });
    expect(await page.getByLabel('Interactions (messages, mail, meetings, calls)').isChecked()).toBe(true);
    // Not recognisable as a call log by its names: read as any CSV of interactions, which needs to be told the kind.
    await expect.poll(() => page.getByTestId('detected-format').textContent(), { timeout: 30_000 }).toBe('csv');
    const editor = page.getByTestId('mapping-editor');
    await editor.getByTestId('mapping-needed').getByText(/where to find the kind of interaction \(or what every row is\)\. Choose below/).waitFor();
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await editor.scrollIntoViewIfNeeded();
    await s.screenshot('mapping-interactions-needed');

    await page.getByLabel('Format').selectOption({ label: 'Call log (CSV)' });
    await expect.poll(() => page.getByTestId('detected-format').textContent(), { timeout: 30_000 }).toBe('calls');
    await editor.getByTestId('mapping-needed').getByText(/the number or the name of the other party/).waitFor();
    await editor.getByLabel('Name', { exact: true }).selectOption('Who');
    await editor.getByLabel('Number', { exact: true }).selectOption('Tel');
    await editor.getByLabel('Duration', { exact: true }).selectOption('Secs');
    await page.getByRole('cell', { name: 'Carl Dee' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => editor.getByTestId('mapping-needed').count()).toBe(0);
    expect(await editor.getByLabel('Date', { exact: true }).inputValue()).toBe('When');
    expect(await editor.getByLabel('Type (incoming, missed…)').inputValue()).toBe('Direction');
    await editor.scrollIntoViewIfNeeded();
    await s.screenshot('mapping-call-log');

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor({ timeout: 60_000 });
    await expect(summary.locator('[data-count="added"] dd').textContent()).resolves.toBe('3');
    await summary.getByText('3 calls').waitFor();
    expect(s.pageErrors).toEqual([]);
  });
});
