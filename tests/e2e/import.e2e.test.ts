// Importing a LinkedIn Connections.csv through the UI: preview, import, summary, donut; a smaller export's missing connections; undo from the history; a URL-less export with namesakes and a joined row (preview and summary)
import { describe, expect, it } from 'vitest';
import { auditFromCli, uiIsBuilt, type Session, useSession } from './harness';

const PREAMBLE = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
  '',
];
const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
const PEOPLE = [
  'Łukasz,Wójcik,https://www.linkedin.com/in/lukasz-wojcik,,Contoso Ltd,Staff Engineer,27 Nov 2023',
  'Zoë,Ångström,https://www.linkedin.com/in/zoe-angstrom,zoe@example.org,Fabrikam,Designer,03 Jan 2022',
  '"Renée","Dubois, MBA 🚀",https://www.linkedin.com/in/renee-dubois,,"Northwind Traders, Inc.",Head of Sales,15 Jun 2019',
  'Bill,Turner,https://www.linkedin.com/in/bill-turner-42,,Contoso Ltd,CTO,01 Feb 2015',
  'Amara,Okafor,https://www.linkedin.com/in/amara-okafor,amara@okafor.dev,Tailspin Toys,Founder,9 Sep 2020',
  'Kenji,Sato,https://www.linkedin.com/in/kenji-sato,,Litware,Researcher,12 Dec 2012',
];

function connectionsCsv(rows: string[]): Buffer {
  return Buffer.from([...PREAMBLE, HEADER, ...rows].join('\n') + '\n', 'utf8');
}

describe.skipIf(!uiIsBuilt())('import in Chromium', () => {
  let s!: Session;
  useSession((started) => (s = started));

  it('imports a LinkedIn Connections.csv with its Notes preamble: preview, import, summary, donut', async () => {
    const { page } = s;
    await s.open('#/import');
    await page.getByRole('heading', { name: 'Where do I get this file?' }).waitFor();
    await page.getByTestId('import-file-input').setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: connectionsCsv(PEOPLE) });

    await expect.poll(() => page.getByTestId('detected-format').textContent(), { timeout: 30_000 }).toBe('linkedin');
    await page.getByRole('cell', { name: 'Łukasz Wójcik' }).waitFor();
    await page.getByRole('cell', { name: 'Northwind Traders, Inc.' }).waitFor();
    expect(await page.getByLabel('Connections (who you are linked to)').isChecked()).toBe(true);
    await s.screenshot('import-preview');

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor({ timeout: 60_000 });
    await expect(summary.locator('[data-count="added"] dd').textContent()).resolves.toBe(String(PEOPLE.length));
    await expect(summary.locator('[data-count="skipped"] dd').textContent()).resolves.toBe('0');
    await s.screenshot('import-summary');

    const cli = await auditFromCli(s.dbPath);
    expect(cli.summary.persons).toBe(PEOPLE.length);
    expect(cli.persons.map((p) => p.name)).toEqual(expect.arrayContaining(['Łukasz Wójcik', 'Zoë Ångström']));

    await s.open('#/dashboard');
    await page.getByTestId('real-share').waitFor({ timeout: 30_000 });
    await page.locator('.tc-tier-donut svg path.recharts-sector').first().waitFor();
    expect(s.pageErrors).toEqual([]);
  });

  it('imports LinkedIn messages.csv as interactions and says what the records turned out to be', async () => {
    const { page } = s;
    const me = 'https://www.linkedin.com/in/the-owner';
    const rows = [
      'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER',
      `c1,,Łukasz Wójcik,https://www.linkedin.com/in/lukasz-wojcik,Sam Owner,${me},2026-01-10 09:00:00 UTC,,Coffee next week?,INBOX`,
      `c1,,Sam Owner,${me},Łukasz Wójcik,https://www.linkedin.com/in/lukasz-wojcik,2026-01-10 10:00:00 UTC,,Yes please,INBOX`,
      `c2,,Kenji Sato,https://www.linkedin.com/in/kenji-sato,Sam Owner,${me},2025-03-02 12:00:00 UTC,,Want to buy a course?,INBOX`,
    ];
    await s.open('#/import');
    await page.getByTestId('import-file-input').setInputFiles({ name: 'messages.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n') + '\n', 'utf8') });
    await expect.poll(() => page.getByTestId('detected-format').textContent(), { timeout: 30_000 }).toBe('linkedin-messages');
    expect(await page.getByLabel('Interactions (messages, mail, meetings, calls)').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor({ timeout: 60_000 });
    await summary.getByText('What the records turned out to be').waitFor();
    await summary.getByText(/1 two-way thread/).waitFor();
    await s.screenshot('import-messages-summary');
    expect(s.pageErrors).toEqual([]);
  });

  it('lists the connections missing from a newer export and marks them removed only when confirmed', async () => {
    const { page } = s;
    await s.open('#/import');
    await page.getByTestId('import-file-input').setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: connectionsCsv(PEOPLE.slice(0, 4)) });
    await page.getByRole('cell', { name: 'Łukasz Wójcik' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor({ timeout: 60_000 });
    await page.getByText(/2 Linkedin connections are not in this file\. Mark them removed\?/i).waitFor();
    // Nothing is marked until the user says so.
    expect((await auditFromCli(s.dbPath)).summary.persons).toBe(PEOPLE.length);
    await s.screenshot('import-missing');

    await page.getByLabel(/Yes, mark these 2 as removed/).check();
    await page.getByRole('button', { name: 'Mark them removed' }).click();
    await expect.poll(() => summary.locator('[data-count="removed"] dd').textContent(), { timeout: 60_000 }).toBe('2');
    expect((await auditFromCli(s.dbPath)).summary.persons).toBe(4);
  });

  it('undoes an import from the history, taking its people with it', async () => {
    const { page } = s;
    await s.open('#/import');
    await page.getByTestId('import-file-input').setInputFiles({
      name: 'friendster-friends.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Friend Name,Email,Friends Since\nOlu Adeyemi,olu@adeyemi.example,2004-05-01\nMarta Nowak,marta@nowak.example,2005-07-12\n', 'utf8'),
    });
    await page.getByRole('cell', { name: 'Olu Adeyemi' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
    const withFriends = await auditFromCli(s.dbPath);
    expect(withFriends.persons.map((p) => p.name)).toEqual(expect.arrayContaining(['Olu Adeyemi', 'Marta Nowak']));

    const row = page.getByTestId('import-history').locator('tbody tr', { hasText: 'friendster-friends.csv' });
    await row.getByRole('button', { name: /Undo the import of friendster-friends\.csv/ }).click();
    await row.getByRole('button', { name: 'Yes, undo' }).click();
    await row.getByText(/undone/).waitFor({ timeout: 30_000 });
    await s.screenshot('import-history-undone');

    const after = await auditFromCli(s.dbPath);
    expect(after.persons.map((p) => p.name)).not.toContain('Olu Adeyemi');
    expect(after.persons.map((p) => p.name)).not.toContain('Marta Nowak');
    expect(after.summary.persons).toBe(withFriends.summary.persons - 2);
    expect(s.pageErrors).toEqual([]);
  });
});

describe.skipIf(!uiIsBuilt())('import of a file with namesakes in Chromium', () => {
  let s!: Session;
  useSession((started) => (s = started));

  it('a URL-less export: namesakes are kept, and the preview shows the one row joined to an earlier one and why', async () => {
    const { page } = s;
    const rows = [
      'Amit,Kumar,EXL,Programmer Analyst,28 Mar 2022',
      'Amit,Kumar,Morgan Stanley,Data Scientist - Director,28 Mar 2022',
      'Rodrigo,Ribeiro da Silva (GAVB),GAVB,Engineer,10 May 2021',
      'Rodrigo,Santos da Silva (Open Co),Open Co,Engineer,10 May 2021',
      'Amit,Kumar,EXL,Programmer Analyst,28 Mar 2022',
    ];
    const csv = Buffer.from([...PREAMBLE, 'First Name,Last Name,Company,Position,Connected On', ...rows].join('\n') + '\n', 'utf8');
    await s.open('#/import');
    await page.getByTestId('import-file-input').setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: csv });
    const joins = page.getByTestId('file-joins');
    await joins.waitFor({ timeout: 30_000 });
    await joins.locator('summary').click();
    await expect.poll(() => joins.textContent()).toContain('line 9 is line 5: every field equal');
    expect(await joins.locator('summary').textContent()).toContain('1 row will be joined');
    await s.screenshot('import-preview-joins');

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor({ timeout: 60_000 });
    await expect(summary.locator('[data-count="added"] dd').textContent()).resolves.toBe('4');
    await expect(summary.locator('[data-count="skipped"] dd').textContent()).resolves.toBe('1');
    expect(await summary.getByTestId('file-joins').locator('summary').textContent()).toContain('1 row was joined');
    const cli = await auditFromCli(s.dbPath);
    expect(cli.persons.map((p) => p.name).sort()).toEqual(['Amit Kumar', 'Amit Kumar', 'Rodrigo Ribeiro da Silva (GAVB)', 'Rodrigo Santos da Silva (Open Co)']);
    expect(s.pageErrors).toEqual([]);
  });
});
