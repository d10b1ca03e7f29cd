// What the browser sections run inside the page: a first-paint watcher installed before the app loads, timings read back, and frame gaps while idle or scrolling.
import type { Page } from 'playwright-core';

export interface PaintTimeline {
  /** performance.now() (ms since navigation start) when the real share and a donut sector were both in the DOM. */
  inDom: number;
  /** The animation frame after that: the drawing reaches the screen with this frame. */
  frame: number;
  firstContentfulPaint: number | null;
  domContentLoaded: number;
  load: number;
  resources: { name: string; start: number; requestStart: number; responseStart: number; end: number; bytes: number }[];
}

/** Installs, before any of the app's code runs, a watcher that notes when the headline number and the donut are drawn. */
export async function watchFirstPaint(page: Page): Promise<void> {
  // A string, not a function: tsx compiles named inner functions with an `__name` helper the page does not have.
  await page.addInitScript({
    content: `(() => {
      const observer = new MutationObserver(() => {
        if (window.__benchPaint) return;
        const share = document.querySelector('[data-testid="real-share"]');
        const sector = document.querySelector('.tc-tier-donut path.recharts-sector');
        if (!share || !sector) return;
        const mark = { inDom: performance.now() };
        window.__benchPaint = mark;
        observer.disconnect();
        requestAnimationFrame(() => { mark.frame = performance.now(); });
      });
      observer.observe(document, { childList: true, subtree: true });
    })();`,
  });
}

/** Waits for the watcher's mark, then reads it with the navigation, paint and resource timings of the page. */
export async function readFirstPaint(page: Page, timeoutMs: number): Promise<PaintTimeline> {
  await page.waitForFunction(() => (window as unknown as { __benchPaint?: { frame?: number } }).__benchPaint?.frame !== undefined, null, { timeout: timeoutMs, polling: 50 });
  return page.evaluate(() => {
    const mark = (window as unknown as { __benchPaint: { inDom: number; frame: number } }).__benchPaint;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
      name: new URL(r.name).pathname,
      start: r.startTime,
      requestStart: r.requestStart,
      responseStart: r.responseStart,
      end: r.responseEnd,
      bytes: r.encodedBodySize,
    }));
    return {
      inDom: mark.inDom,
      frame: mark.frame,
      firstContentfulPaint: fcp ? fcp.startTime : null,
      domContentLoaded: nav?.domContentLoadedEventEnd ?? 0,
      load: nav?.loadEventEnd ?? 0,
      resources,
    };
  });
}

/** Navigation start to the load event of the page now open (for the empty-page baseline). */
export async function readLoadTime(page: Page): Promise<number> {
  await page.waitForFunction(() => ((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd ?? 0) > 0);
  return page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
}

/** A bare `audit:get` from inside the page: until the response starts, until its body is in, and JSON.parse of it. */
export async function fetchAuditBare(page: Page, token: string): Promise<{ firstByte: number; body: number; parse: number; bytes: number; persons: number }> {
  return page.evaluate(async (t) => {
    const t0 = performance.now();
    const res = await fetch('/api/audit:get', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${t}` }, body: '{}' });
    const t1 = performance.now();
    const text = await res.text();
    const t2 = performance.now();
    const parsed = JSON.parse(text) as { value?: { persons?: unknown[] } };
    const t3 = performance.now();
    return { firstByte: t1 - t0, body: t2 - t0, parse: t3 - t2, bytes: text.length, persons: parsed.value?.persons?.length ?? 0 };
  }, token);
}

/** Gaps between consecutive animation frames over `frames` frames of an untouched page. */
export async function idleFrameGaps(page: Page, frames: number): Promise<number[]> {
  return page.evaluate(async (n) => {
    // No named inner functions in page code (see watchFirstPaint).
    const gaps: number[] = [];
    let last = await new Promise<number>((r) => requestAnimationFrame(r));
    for (let i = 0; i < n; i++) {
      const now = await new Promise<number>((r) => requestAnimationFrame(r));
      gaps.push(now - last);
      last = now;
    }
    return gaps;
  }, frames);
}

export interface ScrollRun {
  gaps: number[];
  scrolledPx: number;
  ms: number;
  lastRowIndex: number;
  rowCount: number;
}

/** Scrolls `selector` from top to bottom, 90% of a screenful per frame (every frame new rows), noting the gap between frames. */
export async function scrollFrameGaps(page: Page, selector: string, rowSelector: string, tableSelector: string, maxFrames: number): Promise<ScrollRun> {
  return page.evaluate(
    async ({ selector, rowSelector, tableSelector, maxFrames }) => {
      const el = document.querySelector(selector) as HTMLElement;
      el.scrollTop = 0;
      const gaps: number[] = [];
      let last = await new Promise<number>((r) => requestAnimationFrame(r));
      const start = last;
      while (el.scrollTop + el.clientHeight < el.scrollHeight - 1 && gaps.length < maxFrames) {
        el.scrollTop += el.clientHeight * 0.9;
        const now = await new Promise<number>((r) => requestAnimationFrame(r));
        gaps.push(now - last);
        last = now;
      }
      await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => requestAnimationFrame(r));
      const rows = [...document.querySelectorAll(rowSelector)];
      return {
        gaps,
        scrolledPx: el.scrollTop,
        ms: last - start,
        lastRowIndex: Math.max(0, ...rows.map((r) => Number(r.getAttribute('aria-rowindex')))),
        rowCount: Number(document.querySelector(tableSelector)?.getAttribute('aria-rowcount') ?? 0),
      };
    },
    { selector, rowSelector, tableSelector, maxFrames },
  );
}

/** The q-quantile (nearest rank) of a list of numbers. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
