// Takes screenshots of every page in headless Chromium against `serve` on a database (default: a
// fresh one with the demo network), so a person can look at what the UI shows. Usage:
//   npm run build:renderer && npx tsx scripts/screenshots.ts [--db FILE] [--out DIR] [--theme dark]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import yazl from 'yazl';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
};
const root = resolve(import.meta.dirname, '..');
const out = resolve(option('out') ?? 'screenshots');
const db = option('db') ?? join(mkdtempSync(join(tmpdir(), 'tiecheck-shots-')), 'shots.db');
const theme = option('theme') ?? 'light';
mkdirSync(out, { recursive: true });

const server = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'electron/cli/index.ts'), 'serve', '--port', '0', '--db', db], { cwd: root });
const url = await new Promise<string>((resolveUrl, reject) => {
  let text = '';
  server.stdout.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(text);
    if (m) resolveUrl(m[0]);
  });
  server.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
});
const browser = await chromium.launch({
  executablePath: process.env.TIECHECK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, colorScheme: theme === 'dark' ? 'dark' : 'light' });
  await page.goto(url);
  const info = await page.evaluate(async () => {
    const token = sessionStorage.getItem('tiecheck-token');
    const res = await fetch('/api/app:info', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: '{}' });
    return (await res.json()) as { value: { persons: number } };
  });
  if (info.value.persons === 0) {
    await page.screenshot({ path: join(out, `empty-${theme}.png`), fullPage: true });
    await page.getByRole('button', { name: /demo/i }).click();
    await page.waitForSelector('svg', { timeout: 60_000 });
  }
  for (const name of ['dashboard', 'people', 'import', 'review', 'report', 'settings']) {
    await page.goto(`${new URL(url).origin}/#/${name}`);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(out, `${name}-${theme}.png`), fullPage: name !== 'people' });
  }
  const firstPerson = await page.evaluate(() => document.querySelector('a[href^="#/person/"]')?.getAttribute('href'));
  await page.goto(`${new URL(url).origin}/#/people`);
  await page.waitForTimeout(1000);
  const href = firstPerson ?? (await page.evaluate(() => document.querySelector('a[href^="#/person/"]')?.getAttribute('href')));
  if (href) {
    await page.goto(`${new URL(url).origin}/${href}`);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(out, `person-${theme}.png`), fullPage: true });
  }
  // The gate: the demo's waiting invitations, one opened to show its sentence and its records (a database given with
  // --db may have none: then the page's empty state).
  await page.goto(`${new URL(url).origin}/#/invitations`);
  await page.waitForSelector('[data-testid="invitation-row"], :text("No invitations waiting")', { timeout: 30_000 });
  const met = page.locator('[data-verdict="met"] .inv-open');
  if ((await met.count()) > 0) {
    await met.first().click();
    await page.waitForSelector('[data-testid="invitation-sentence"]', { timeout: 30_000 });
  }
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(out, `invitations-${theme}.png`), fullPage: true });
  // The import flow of a diary whose kind column has no recognisable name: the mapping editor asks for it.
  await page.goto(`${new URL(url).origin}/#/import`);
  const diary = 'When,With,E-mail,How,Notes\n2025-01-05,Ann Bee,ann@example.org,lunch,Plans for spring\n2025-02-01,Bill Turner,,call,\n';
  await page.getByTestId('import-file-input').setInputFiles({ name: 'diary.csv', mimeType: 'text/csv', buffer: Buffer.from(diary) });
  await page.waitForSelector('[data-testid="mapping-editor"]', { timeout: 30_000 });
  await page.waitForTimeout(1000);
  await page.screenshot({ path: join(out, `import-mapping-${theme}.png`), fullPage: true });
  // Two Takeout parts dropped together: what the archive view lists before anything is written.
  await page.getByRole('button', { name: 'Choose another file' }).click();
  const part1 = await zipOf({ 'Takeout/archive_browser.html': '<html></html>', 'Takeout/Mail/All mail Including Spam and Trash.mbox': 'From a@example.org Mon Jan 06 10:00:00 +0000 2025\nFrom: Ann Bee <ann@example.org>\nTo: me@example.org\nSubject: Spring\nDate: Mon, 6 Jan 2025 10:00:00 +0000\n\nHello\n' });
  const part2 = await zipOf({ 'Takeout/Contacts/My Contacts/My Contacts.csv': 'Name,Given Name,Family Name,E-mail 1 - Type,E-mail 1 - Value\nAnn Bee,Ann,Bee,* Work,ann@example.org\n', 'Takeout/Drive/photo.jpg': 'jpeg' });
  await page.getByTestId('import-file-input').setInputFiles([
    { name: 'takeout-20261204T101010Z-001.zip', mimeType: 'application/zip', buffer: part1 },
    { name: 'takeout-20261204T101010Z-002.zip', mimeType: 'application/zip', buffer: part2 },
  ]);
  await page.waitForSelector('[data-testid="archive-files"]', { timeout: 30_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(out, `import-archive-${theme}.png`), fullPage: true });
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  server.kill();
}

/** A small zip in memory, written by the same library the tests use. */
async function zipOf(files: Record<string, string>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, text] of Object.entries(files)) zip.addBuffer(Buffer.from(text), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}
