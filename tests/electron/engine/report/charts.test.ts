// The chart components in interactive use: a click on a slice, a bar segment or a table row opens the right people filter.
import { createElement, act, type ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { installJsdomGlobals, type JsdomEnvironment } from '../../../../electron/engine/report/jsdomEnvironment';
import { TierDonut } from '../../../../renderer/components/charts/TierDonut';
import { CohortBars } from '../../../../renderer/components/charts/CohortBars';
import { LastContactBars } from '../../../../renderer/components/charts/LastContactBars';
import { buildReportModel } from '../../../../shared/report/model';
import { buildSampleAudit } from './sampleAudit';

const model = buildReportModel(buildSampleAudit(), []);
let env: JsdomEnvironment | null = null;

afterEach(() => {
  env?.restore();
  env = null;
});

/** Interactive charts animate in (recharts: up to 1.5 s); the shapes exist once that has run. */
async function mount(element: ReactElement, animationMs = 0): Promise<{ container: HTMLElement; unmount(): Promise<void> }> {
  env = installJsdomGlobals();
  const { createRoot } = await import('react-dom/client');
  const root = createRoot(env.container);
  await act(async () => {
    root.render(element);
    await new Promise((r) => setTimeout(r, 0));
  });
  if (animationMs) await act(async () => new Promise((r) => setTimeout(r, animationMs)));
  const container = env.container;
  return { container, unmount: () => act(async () => root.unmount()) };
}

function click(el: Element): Promise<void> {
  return act(async () => {
    el.dispatchEvent(new (env as JsdomEnvironment).dom.window.MouseEvent('click', { bubbles: true }));
  });
}

describe('charts with onSelect', () => {
  it('TierDonut: the dilution slice opens tier=dilution', async () => {
    const picked: string[] = [];
    const { container, unmount } = await mount(createElement(TierDonut, { slices: model.tiers, width: 240, height: 240, animate: false, onSelect: (f: string) => picked.push(f) }));
    const sectors = container.querySelectorAll('path.recharts-sector');
    expect(sectors.length).toBe(4);
    await click(sectors[3]);
    expect(picked).toEqual(['tier=dilution']);
    await unmount();
  });

  it('CohortBars: a dilution segment opens that year and tier', async () => {
    const picked: string[] = [];
    const { container, unmount } = await mount(createElement(CohortBars, { cohorts: model.cohorts, width: 680, height: 260, animate: false, onSelect: (f: string) => picked.push(f) }));
    const dilutionBars = container.querySelectorAll('path.recharts-rectangle[name="Dilution"]');
    expect(dilutionBars.length).toBeGreaterThan(0);
    const y2014 = model.cohorts.findIndex((c) => c.label === '2014');
    const withDilution = model.cohorts.filter((c) => c.counts.dilution > 0);
    await click(dilutionBars[withDilution.indexOf(model.cohorts[y2014])]);
    expect(picked).toEqual(['connectedOn>=2014-01-01 and connectedOn<2015-01-01 and tier=dilution']);
    await unmount();
  });

  it('the text alternative offers the same filters as buttons', async () => {
    const picked: string[] = [];
    const { container, unmount } = await mount(createElement(LastContactBars, { buckets: model.lastContact, width: 680, onSelect: (f: string) => picked.push(f) }));
    const buttons = [...container.querySelectorAll('table button')];
    expect(buttons.map((b) => b.textContent)).toEqual(model.lastContact.map((b) => b.label));
    await click(buttons[buttons.length - 1]);
    expect(picked).toEqual(['lastContact=none']);
    await unmount();
  });

  it('LastContactBars: short axis labels at card width, the full wording in its table', async () => {
    const { container, unmount } = await mount(createElement(LastContactBars, { buckets: model.lastContact, width: 420, onSelect: () => {} }));
    const ticks = [...container.querySelectorAll('.recharts-xAxis-tick-labels text')].map((t) => t.textContent);
    expect(ticks).toEqual(['<3 mo', '3–12 mo', '1–2 y', '2–5 y', '5+ y', 'never']);
    expect([...container.querySelectorAll('table tbody th')].map((t) => t.textContent)).toEqual(model.lastContact.map((b) => b.label));
    await unmount();
  });

  it('an interactive chart is drawn whole on first paint, not animated in', async () => {
    const drawn = async (isStatic: boolean) => {
      const { container, unmount } = await mount(createElement(TierDonut, { slices: model.tiers, width: 240, height: 240, static: isStatic }));
      const d = [...container.querySelectorAll('path.recharts-sector')].map((p) => p.getAttribute('d'));
      await unmount();
      env?.restore();
      env = null;
      return d;
    };
    const interactive = await drawn(false);
    expect(interactive.length).toBe(4);
    expect(interactive).toEqual(await drawn(true));
  });

  it('static charts are hidden from screen readers in favour of their table, and have no buttons', async () => {
    const { container, unmount } = await mount(createElement(TierDonut, { slices: model.tiers, width: 240, height: 240, static: true, onSelect: () => {} }));
    expect(container.querySelector('.tc-chart-drawing')?.getAttribute('aria-hidden')).toBe('true');
    expect(container.querySelector('figure')?.getAttribute('aria-label')).toMatch(/^Persons per tier: Real \d+/);
    expect(container.querySelectorAll('button').length).toBe(0);
    expect(container.querySelectorAll('table tbody tr').length).toBe(4);
    await unmount();
  });
});
