// Prints the report's HTML to an A4 PDF with the system Chromium through playwright-core (the CLI's way; the app uses printToPDF).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM_MISSING = 'PDF needs Chromium: install it (e.g. apt-get install chromium) or write .html instead';

/** Where Chromium usually lives on Linux and macOS; TIECHECK_CHROMIUM wins over all of them. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'];

/** Its own class so the CLI can print the message as is, like its other expected failures. */
export class ChromiumMissingError extends Error {
  constructor() {
    super(CHROMIUM_MISSING);
    this.name = 'ChromiumMissingError';
  }
}

const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const chosen = env.TIECHECK_CHROMIUM?.trim();
  if (chosen) return existsSync(chosen) ? chosen : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export async function printReportPdf(html: string, outPath: string): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new ChromiumMissingError();
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS, headless: true });
  } catch {
    // A binary that is there but will not start is, for the user, the same missing Chromium.
    throw new ChromiumMissingError();
  }
  try {
    const page = await browser.newPage();
    // The file makes no requests by construction; refusing every one keeps it so even if that ever broke.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: outPath, format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
