// The review queue in Chromium: both sides of each uncertain link, confirm by key with undo, "none of these"; and profile links that are https: only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSession, uiIsBuilt, type Session, callApi as call } from './harness';


/** Uploads a small connections CSV through the browser door and imports it. */
async function importCsv(page: Page, name: string, text: string, network: string): Promise<void> {
  const fileRef = await page.evaluate(
    async ([n, t]) => {
      const res = await fetch(`/api/upload?name=${encodeURIComponent(n)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${sessionStorage.getItem('tiecheck-token') ?? ''}` },
        body: t,
      });
      return (await res.json()).value.fileRef as string;
    },
    [name, text] as const,
  );
  await call(page, 'import:run', { fileRef, kind: 'connections', format: 'csv', network });
}

interface Item {
  contactId: number;
  name: string;
  candidates: { personId: string; name: string }[];
}

describe.skipIf(!uiIsBuilt())('review queue in Chromium', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('says so when there is nothing to review', async () => {
    await s.open('#/review');
    await s.page.getByText('Nothing to review: every record either links for certain or to nobody.').waitFor();
  });

  it('confirms by key, undoes, and takes "none of these"', async () => {
    const { page } = s;
    await call(page, 'demo:load');
    const { items } = await call<{ items: Item[] }>(page, 'review:list');
    expect(items.length).toBeGreaterThan(1);
    await s.open('#/review');
    const cards = page.locator('.review-item');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(items.length);
    await expect(cards.first().locator('.review-evidence li').count()).resolves.toBeGreaterThan(0);
    await s.screenshot('review-page', false);

    // The first card is current; c confirms its first candidate.
    const first = items[0];
    await page.locator('.review-list').focus();
    await page.keyboard.press('c');
    await page.getByRole('status').getByText(`Linked ${first.name} to ${first.candidates[0].name}`).waitFor();
    await expect.poll(() => cards.count()).toBe(items.length - 1);
    const detail = await call<{ records: { how: string }[] }>(page, 'person:get', { id: first.candidates[0].personId });
    expect(detail.records.some((r) => r.how === 'decision')).toBe(true);

    await page.keyboard.press('u');
    await page.getByText(/^Undone: Linked/).waitFor();
    await expect.poll(() => cards.count()).toBe(items.length);

    // j moves to the second card; "None of these" there by mouse.
    await page.locator('.review-list').focus();
    await page.keyboard.press('j');
    await page.locator('.review-item[aria-current="true"]').nth(0).waitFor();
    const second = page.locator('.review-item').nth(1);
    const secondName = await second.locator('.review-record-name').textContent();
    await second.getByRole('button', { name: 'None of these' }).click();
    await page.getByRole('status').getByText(`${secondName} is none of them: left unlinked`).waitFor();
    await expect.poll(() => cards.count()).toBe(items.length - 1);
    expect(s.pageErrors).toEqual([]);
  });

  it('links only https: profile addresses; javascript: stays text', async () => {
    const { page } = s;
    await importCsv(page, 'friends.csv', 'Name,Email,URL,Company\nEvil Link,evil.link@example.org,javascript:alert(1),Badco\n', 'friendster');
    const audit = await call<{ persons: { id: string; name: string }[] }>(page, 'audit:get');
    const evil = audit.persons.find((p) => p.name === 'Evil Link')!;
    await s.open(`#/person/${evil.id}`);
    await page.getByRole('heading', { level: 1, name: 'Evil Link' }).waitFor();
    await page.getByText('javascript:alert(1)').waitFor();
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    const https = await page.locator('a.tc-profile-link').evaluateAll((links) => links.map((a) => [a.getAttribute('href'), a.getAttribute('rel'), a.getAttribute('target')]));
    for (const [href, rel, target] of https) {
      expect(href).toMatch(/^https:/);
      expect(rel).toBe('noreferrer noopener');
      expect(target).toBe('_blank');
    }
  });
});
