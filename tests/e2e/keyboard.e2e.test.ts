// The whole import → audit → prune flow by keyboard alone: Tab, Shift+Tab, Enter, Space and typing, never the mouse.
// The one thing outside the page is the system's file dialog, which Playwright answers as the person would.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileChooser, Page } from 'playwright-core';
import { auditFromCli, startSession, uiIsBuilt, type Session } from './harness';

const CSV = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing."',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Olu,Adeyemi,https://www.linkedin.com/in/olu-adeyemi,,Contoso,Engineer,12 Jan 2013',
  'Marta,Nowak,https://www.linkedin.com/in/marta-nowak,,Fabrikam,Designer,03 Feb 2014',
  'Kenji,Sato,https://www.linkedin.com/in/kenji-sato,,Litware,Researcher,12 Dec 2012',
  'Amara,Okafor,https://www.linkedin.com/in/amara-okafor,,Tailspin,Founder,09 Sep 2015',
].join('\n');

/** What has the focus, as a person hearing a screen reader would name it. */
function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '(body)';
    const labelledBy = el.getAttribute('aria-labelledby');
    const label =
      el.getAttribute('aria-label') ??
      (labelledBy ? document.getElementById(labelledBy)?.textContent : null) ??
      (el as HTMLInputElement).labels?.[0]?.textContent ??
      el.textContent ??
      '';
    return `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''}${(el as HTMLInputElement).type ? `[type=${(el as HTMLInputElement).type}]` : ''} "${label.trim().replace(/\s+/g, ' ').slice(0, 80)}"`;
  });
}

/** Presses Tab until the focused element's description matches, and fails listing every stop on the way if it never does. */
async function tabTo(page: Page, wanted: RegExp, max = 120): Promise<void> {
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    const focus = await describeFocus(page);
    if (wanted.test(focus)) return;
    stops.push(focus);
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${wanted} in ${max} presses. Stops:\n  ${[...new Set(stops)].join('\n  ')}`);
}

/**
 * The file dialogs the page opens, in order. Playwright has Chromium hand it file dialogs only while a 'filechooser'
 * listener is registered, and turns that on asynchronously when one is added: a waitForEvent set up just before a key
 * press could lose the race, and the dialog went nowhere (it did twice in CI, the focus on the button, a second Enter
 * no better, since the timed-out listener had turned it off again). One listener from the start keeps it on.
 */
function fileDialogs(page: Page): { next: (timeoutMs: number) => Promise<FileChooser | null> } {
  const opened: FileChooser[] = [];
  let waiting: ((chooser: FileChooser) => void) | null = null;
  page.on('filechooser', (chooser) => {
    if (waiting) waiting(chooser);
    else opened.push(chooser);
  });
  return {
    next: (timeoutMs) => {
      const ready = opened.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting = null;
          resolve(null);
        }, timeoutMs);
        waiting = (chooser) => {
          clearTimeout(timer);
          waiting = null;
          resolve(chooser);
        };
      });
    },
  };
}

/** Presses Enter on the focused button and takes the file dialog; a person would press again once, and so does this. */
async function openFileDialogByEnter(page: Page, dialogs: ReturnType<typeof fileDialogs>): Promise<FileChooser> {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Enter');
    const chooser = await dialogs.next(8_000);
    if (chooser) return chooser;
    if (attempt === 2) throw new Error(`no file dialog after Enter (twice); focus was on ${await describeFocus(page)}`);
  }
}

describe.skipIf(!uiIsBuilt())('import → audit → prune by keyboard alone', () => {
  let s: Session;
  let dialogs: ReturnType<typeof fileDialogs>;
  beforeAll(async () => {
    s = await startSession();
    dialogs = fileDialogs(s.page);
    // Any accidental mouse use would show up here.
    await s.page.evaluate(() => {
      (window as unknown as { mouseEvents: number }).mouseEvents = 0;
      for (const type of ['mousedown', 'click', 'pointerdown']) {
        window.addEventListener(type, (e) => {
          if ((e as MouseEvent).detail > 0) (window as unknown as { mouseEvents: number }).mouseEvents++;
        }, true);
      }
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('imports a Connections.csv', async () => {
    const { page } = s;
    await page.getByRole('heading', { name: 'Nothing to audit yet' }).waitFor();
    await tabTo(page, /^a "Import"$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/import/);
    // Let the page settle first: a re-render under the focus would drop it to <body>.
    await page.getByRole('heading', { name: 'Where do I get this file?' }).waitFor();
    await page.waitForTimeout(500);
    await tabTo(page, /^button.*"Choose a file…"/);
    await (await openFileDialogByEnter(page, dialogs)).setFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
    await page.getByRole('cell', { name: 'Olu Adeyemi' }).waitFor({ timeout: 30_000 });
    await tabTo(page, /^button.*"Import"$/);
    await page.keyboard.press('Enter');
    await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
    expect((await auditFromCli(s.dbPath)).summary.persons).toBe(4);
  });

  it('sees the audit on the dashboard', async () => {
    const { page } = s;
    await page.keyboard.press('Shift+Tab'); // from wherever the focus is, back into the page's tab order
    await tabTo(page, /^a "Dashboard"$/);
    await page.keyboard.press('Enter');
    await page.getByTestId('real-share').waitFor({ timeout: 30_000 });
  });

  it('filters the dilution, selects all, tags them prune and exports the CSV', async () => {
    const { page } = s;
    const cli = await auditFromCli(s.dbPath);
    const dilution = cli.persons.filter((p) => p.tier === 'dilution').length;
    expect(dilution).toBeGreaterThan(0);

    await tabTo(page, /^a "People"$/);
    await page.keyboard.press('Enter');
    await page.getByRole('grid', { name: 'Connections' }).waitFor();
    await tabTo(page, /^input\[type=search\]/);
    await page.keyboard.type('tier=dilution');
    await page.getByText(new RegExp(`${dilution} of 4 connections match`)).waitFor();

    // The grid header's "Select all" box is not a Tab stop (it belongs to the grid's arrow-key model), so the
    // keyboard path is the bulk bar's own scope: "all N matching the filter".
    await tabTo(page, new RegExp(`^input\\[type=radio\\] "all ${dilution} matching the filter"`));
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
    await tabTo(page, new RegExp(`^button.*"Tag ${dilution} with prune"`));
    await page.keyboard.press('Enter');
    await page.getByText(`Tagged ${dilution} connections with prune`).waitFor();
    expect((await auditFromCli(s.dbPath)).persons.filter((p) => p.tier === 'dilution')).toHaveLength(dilution);

    await tabTo(page, /^button.*"Export CSV"/);
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const csv = readFileSync((await (await download).path())!, 'utf8').replace(/^\uFEFF/, '');
    expect(csv.split(/\r?\n/).filter(Boolean)).toHaveLength(dilution + 1);

    expect(await page.evaluate(() => (window as unknown as { mouseEvents: number }).mouseEvents)).toBe(0);
    expect(s.pageErrors).toEqual([]);
  });
});
