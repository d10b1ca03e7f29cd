// Saved views: suggestions until the user saves, replace by name, delete, restore, and broken storage.
import { describe, expect, it } from 'vitest';
import { parseFilter } from '../../../shared/filter';
import { deleteView, loadViews, restoreSuggested, saveView, SUGGESTED_VIEWS, VIEWS_KEY } from '../../../renderer/features/people/savedViews';

function memory(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('saved views', () => {
  it('offers the suggestions on first use, and they are valid filters', () => {
    const views = loadViews(memory());
    expect(views.map((v) => v.name)).toContain('Never met, connected before 2016');
    expect(views.find((v) => v.name === 'Prune candidates')?.filter).toBe('tier=dilution and not tag=keep');
    expect(views.find((v) => v.name === 'Never met, connected before 2016')?.filter).toBe('tier in (dilution,acquaintance) and connectedOn<2016-01-01');
    for (const v of SUGGESTED_VIEWS) expect(() => parseFilter(v.filter)).not.toThrow();
  });

  it('saves a view next to the suggestions and replaces one of the same name', () => {
    const s = memory();
    saveView(s, { name: 'Acme', filter: 'company~acme' });
    const views = saveView(s, { name: ' acme ', filter: 'company=Acme' });
    expect(views.filter((v) => v.name.toLowerCase() === 'acme')).toEqual([{ name: 'acme', filter: 'company=Acme' }]);
    expect(loadViews(s)).toEqual(views);
    expect(views.length).toBe(SUGGESTED_VIEWS.length + 1);
  });

  it('deletes, keeps an emptied list empty, and restores the suggestions', () => {
    const s = memory();
    let views = loadViews(s);
    for (const v of views) views = deleteView(s, v.name);
    expect(loadViews(s)).toEqual([]);
    saveView(s, { name: 'Mine', filter: 'tag=x' });
    views = restoreSuggested(s);
    expect(views.length).toBe(SUGGESTED_VIEWS.length + 1);
  });

  it('ignores a blank name and survives garbage in storage', () => {
    expect(saveView(memory(), { name: '  ', filter: 'x' })).toEqual([...SUGGESTED_VIEWS]);
    expect(loadViews(memory({ [VIEWS_KEY]: '{not json' }))).toEqual([...SUGGESTED_VIEWS]);
    expect(loadViews(memory({ [VIEWS_KEY]: '[{"name":1},{"name":"ok","filter":"tier=real"}]' }))).toEqual([{ name: 'ok', filter: 'tier=real' }]);
    const throwing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(loadViews(throwing).length).toBe(SUGGESTED_VIEWS.length);
  });
});
