// axe-core on every page (dashboard with the demo, people, a person, import, invitations, review, report, settings) in the light and
// dark themes: no serious or critical WCAG 2.1 A/AA violation. Every finding is also written to test-results/axe.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { ROOT, startSession, uiIsBuilt, type Session, callApi as call } from './harness';

interface Finding {
  page: string;
  theme: string;
  id: string;
  impact: string;
  help: string;
  nodes: { target: string; summary: string }[];
}


/** Each page and what shows it has finished loading its data. */
function pages(personId: string): { name: string; route: string; ready: (page: Page) => Promise<unknown> }[] {
  return [
    { name: 'dashboard', route: '#/dashboard', ready: (p) => p.getByTestId('real-share').waitFor({ timeout: 60_000 }) },
    { name: 'people', route: '#/people', ready: (p) => p.getByRole('grid', { name: 'Connections' }).locator('.people-row').first().waitFor({ timeout: 30_000 }) },
    { name: 'person', route: `#/person/${encodeURIComponent(personId)}`, ready: (p) => p.getByRole('heading', { name: 'Why this score' }).waitFor({ timeout: 30_000 }) },
    { name: 'import', route: '#/import', ready: (p) => p.getByRole('heading', { name: 'Where do I get this file?' }).waitFor({ timeout: 30_000 }) },
    { name: 'invitations', route: '#/invitations', ready: (p) => p.getByTestId('invitation-row').first().waitFor({ timeout: 30_000 }) },
    { name: 'review', route: '#/review', ready: (p) => p.locator('main h1').first().waitFor({ timeout: 30_000 }) },
    { name: 'report', route: '#/report', ready: (p) => p.locator('.tc-share-number').first().waitFor({ timeout: 60_000 }) },
    { name: 'settings', route: '#/settings', ready: (p) => p.getByLabel('Recent means within (months)').waitFor({ timeout: 30_000 }) },
  ];
}

describe.skipIf(!uiIsBuilt())('accessibility (axe-core) in Chromium', () => {
  let s: Session;
  let personId = '';
  const findings: Finding[] = [];

  beforeAll(async () => {
    s = await startSession();
    await call(s.page, 'demo:load');
    const audit = await call<{ persons: { id: string; tier: string; conversations: number }[] }>(s.page, 'audit:get');
    personId = [...audit.persons].sort((a, b) => b.conversations - a.conversations)[0].id;
  });
  afterAll(async () => {
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    writeFileSync(join(ROOT, 'test-results', 'axe.json'), JSON.stringify(findings, null, 2));
    await s?.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no serious or critical violation on any page in the ${theme} theme`, async () => {
      const { page } = s;
      await page.evaluate((t) => localStorage.setItem('tiecheck-theme', t), theme);
      const serious: string[] = [];
      for (const { name, route, ready } of pages(personId)) {
        await s.open(route);
        await ready(page);
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        // Charts and toasts animate in; axe must judge the settled colours.
        await page.waitForTimeout(900);
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
        for (const v of result.violations) {
          const finding: Finding = {
            page: name,
            theme,
            id: v.id,
            impact: v.impact ?? 'unknown',
            help: v.help,
            nodes: v.nodes.slice(0, 8).map((n) => ({ target: n.target.join(' '), summary: (n.failureSummary ?? '').split('\n').slice(0, 3).join(' ') })),
          };
          findings.push(finding);
          if (v.impact === 'serious' || v.impact === 'critical') serious.push(`${name} (${theme}): ${v.id} [${v.impact}] ${v.help}\n    ${finding.nodes.map((n) => `${n.target}: ${n.summary}`).join('\n    ')}`);
        }
        if (name === 'dashboard' || name === 'person') await s.screenshot(`a11y-${name}-${theme}`, false);
      }
      expect(serious, serious.join('\n')).toEqual([]);
      expect(s.pageErrors).toEqual([]);
    });
  }
});
