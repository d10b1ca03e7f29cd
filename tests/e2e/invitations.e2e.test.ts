// The Invitations view in Chromium (issue 15): a database built from generated mail, calendar and
// invitation files; the dashboard's line, the verdicts, filters, the sentence and the timeline,
// bulk accept/decline marks, the injection-safe export, and the audit left as it was.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine/createEngine';
import { importFile } from '../../electron/engine/imports/importFile';
import { runAudit } from '../../electron/engine/audit/runAudit';
import { AS_OF, ME, writeScenario } from '../fixtures/invitationScenario';
import { writeFacebookRequestsText } from '../../shared/demo/invitations';
import { callApi, uiIsBuilt, useSession, type Session } from './harness';

const dir = mkdtempSync(join(tmpdir(), 'tiecheck-e2e-inv-'));
const dbPath = join(dir, 'invitations.db');

/** The scenario's database, built through the importers as a user's files would be. */
async function buildDatabase(): Promise<string> {
  const ctx = createEngine({ dbPath, door: 'browser' });
  try {
    const files = writeScenario((name, text) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    });
    const me = [
      { kind: 'email' as const, value: ME.email },
      { kind: 'url' as const, value: ME.profileUrl },
    ];
    await importFile(ctx.db, files.connections, { kind: 'connections' });
    await importFile(ctx.db, files.mbox, { kind: 'interactions', me });
    await importFile(ctx.db, files.ics, { kind: 'interactions' });
    await importFile(ctx.db, files.invitations, { kind: 'interactions' });
    await importFile(ctx.db, files.facebookRequests, { kind: 'interactions' });
    return JSON.stringify(runAudit(ctx.db, { asOf: AS_OF }).summary);
  } finally {
    ctx.db.close();
  }
}

const auditBefore = await buildDatabase();

describe.skipIf(!uiIsBuilt())('the Invitations view in Chromium', () => {
  let s: Session;
  useSession((session) => (s = session), { dbPath });

  it('shows one dashboard line when invitations wait, linking to the view', async () => {
    const { page } = s;
    await s.open('#/dashboard');
    const line = page.getByTestId('dashboard-invitations');
    await line.waitFor();
    const { invitations } = await callApi<{ invitations: { verdict: string }[] }>(page, 'invites:list');
    const never = invitations.filter((i) => i.verdict === 'never').length;
    await expect(line.textContent()).resolves.toMatch(new RegExp(`^${invitations.length} invitations are waiting; ${never} from (people|someone) you have never written to or met`));
    await line.getByRole('link').click();
    await page.waitForURL(/#\/invitations$/);
    await page.getByRole('heading', { name: 'Invitations', level: 1 }).waitFor();
  });

  // The view judges as of today, after every date of the scenario: Quinn's July invitation waits too,
  // and Philippa's August thread is one conversation.
  it('lists each sender with the verdict the audit rules give, and no outgoing invitation', async () => {
    const { page } = s;
    const rows = page.getByTestId('invitation-row');
    await expect(rows.count()).resolves.toBe(8);
    const verdictOf = async (name: string) => (await page.getByTestId('invitation-row').filter({ hasText: name }).locator('.inv-verdict').textContent())?.trim();
    await expect(verdictOf('Tom Okafor')).resolves.toBe('Talked');
    await expect(verdictOf('Greta Lind')).resolves.toBe('Met');
    await expect(verdictOf('Ivan Petrov')).resolves.toBe('Contact');
    await expect(verdictOf('Philippa Strand')).resolves.toBe('Contact');
    await expect(verdictOf('Zoë Hart')).resolves.toBe('Contact');
    await expect(verdictOf('Sam Rivera')).resolves.toBe('Never');
    await expect(verdictOf('Quinn Ames')).resolves.toBe('Never');
    await expect(page.getByRole('table', { name: 'Waiting invitations' }).textContent()).resolves.not.toMatch(/Kim Lee|Bill Turner/);
  });

  it('filters by verdict, and explains a stranger in one plain sentence', async () => {
    const { page } = s;
    await page.getByRole('radio', { name: /^Never/ }).click();
    const names = await page.getByTestId('invitation-row').locator('.inv-open').allTextContents();
    expect(names.sort()).toEqual(['Quinn Ames', 'Sam Rivera']);
    await page.getByRole('button', { name: 'Sam Rivera' }).click();
    await page.waitForURL(/#\/invitations\/url/);
    // A namesake of a connection: the connection's mail is not borrowed.
    await expect(page.getByTestId('invitation-sentence').textContent()).resolves.toBe('You have never written to or met Sam. By your own rule, this one waits.');
    await page.getByRole('radio', { name: /^All/ }).click();
    await page.getByRole('button', { name: 'Philippa Strand' }).click();
    await expect(page.getByTestId('invitation-sentence').textContent()).resolves.toBe(
      'You have had one conversation with Philippa, short of the 2 your rule asks. By your own rule, this one waits.',
    );
  });

  it('shows the records behind a verdict with the person page timeline', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'Greta Lind' }).click();
    const detail = page.getByTestId('invitation-detail');
    await detail.getByRole('heading', { name: 'Greta Lind' }).waitFor();
    await expect(page.getByTestId('invitation-sentence').textContent()).resolves.toBe('You have met Greta in person once. By your own rule, this one passes.');
    await detail.locator('.timeline-item').first().waitFor();
    await expect(detail.locator('.timeline').textContent()).resolves.toMatch(/In person.*Coffee with Greta.*met in person: a conversation/);
    await s.screenshot('invitations', false);
  });

  it('marks senders accept or decline in bulk, and the marks filter the list', async () => {
    const { page } = s;
    await page.getByRole('radio', { name: /^Never/ }).click();
    await page.getByRole('checkbox', { name: 'Select every invitation shown' }).check();
    await page.getByRole('button', { name: 'Mark decline' }).click();
    await page.getByRole('status').filter({ hasText: /Marked \d+ invitation\(s\) "decline"/ }).waitFor();
    await page.getByRole('radio', { name: /^Met/ }).click();
    await page.getByRole('button', { name: 'Mark accept' }).click();
    await page.getByRole('status').filter({ hasText: 'Marked 1 invitation(s) "accept"' }).waitFor();
    const { invitations } = await callApi<{ invitations: { from: string; verdict: string; tags: string[] }[] }>(page, 'invites:list');
    for (const inv of invitations) {
      expect(inv.tags).toEqual(inv.verdict === 'never' ? ['decline'] : inv.verdict === 'met' ? ['accept'] : []);
    }
    await page.getByRole('radio', { name: /^All/ }).click();
    await page.getByLabel('Tag filter').selectOption('decline');
    await expect(page.getByTestId('invitation-row').count()).resolves.toBe(invitations.filter((i) => i.verdict === 'never').length);
    await s.screenshot('invitations-marked', false);
    await page.getByLabel('Tag filter').selectOption('all');
  });

  it('exports the list as CSV with formula-like cells neutralised', async () => {
    const { page } = s;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFFrom,Profile URL,Network,Sent At,Verdict,In Person,Conversations,One-way,Last Contact,Tags,Message');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv).not.toMatch(/,=HYPERLINK/);
    expect(csv.trim().split('\r\n')).toHaveLength(9);
  });

  it('imports Facebook friend requests from the Import page as invitations, not friends', async () => {
    const { page } = s;
    await s.open('#/import');
    const text = writeFacebookRequestsText([{ name: 'Ana Ruiz', sentAt: '2026-11-02T08:00:00Z' }]);
    await page.getByTestId('import-file-input').setInputFiles({ name: 'received_friend_requests.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect.poll(() => page.getByTestId('detected-format').textContent(), { timeout: 30_000 }).toBe('facebook-requests');
    expect(await page.getByLabel('Interactions (messages, mail, meetings, calls)').isChecked()).toBe(true);
    await page.getByText('Ana Ruiz').first().waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
    const { invitations } = await callApi<{ invitations: { from: string; verdict: string }[] }>(page, 'invites:list');
    expect(invitations.find((i) => i.from === 'Ana Ruiz')).toMatchObject({ verdict: 'never' });
  });

  it('leaves the audit of the network as it was', async () => {
    const audit = await callApi<{ summary: unknown }>(s.page, 'audit:get', { asOf: AS_OF });
    expect(JSON.stringify(audit.summary)).toBe(auditBefore);
    expect(s.pageErrors).toEqual([]);
  });
});
