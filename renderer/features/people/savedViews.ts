// Saved views of the people table: a name and a filter, kept in localStorage, with a few suggested ones.

export interface SavedView {
  name: string;
  filter: string;
  /** Suggested by Tiecheck rather than saved by the user; can be hidden but comes back on reset. */
  suggested?: boolean;
}

/** The part of Storage this module needs, so tests can hand it a plain object. */
export interface ViewStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const VIEWS_KEY = 'tiecheck.people.views';

export const SUGGESTED_VIEWS: readonly SavedView[] = [
  { name: 'Never met, connected before 2016', filter: 'tier in (dilution,acquaintance) and connectedOn<2016-01-01', suggested: true },
  { name: 'Prune candidates', filter: 'tier=dilution and not tag=keep', suggested: true },
  { name: 'Fading: worth a call', filter: 'tier=fading and not tag=prune', suggested: true },
  { name: 'Tagged prune', filter: 'tag=prune', suggested: true },
];

function isView(value: unknown): value is SavedView {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && v.name.trim() !== '' && typeof v.filter === 'string';
}

/** The views to show: stored ones when any were stored (even an empty list), else the suggestions. */
export function loadViews(storage: ViewStorage): SavedView[] {
  let raw: string | null = null;
  try {
    raw = storage.getItem(VIEWS_KEY);
  } catch {
    return [...SUGGESTED_VIEWS];
  }
  if (raw === null) return [...SUGGESTED_VIEWS];
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (!Array.isArray(parsed)) return [...SUGGESTED_VIEWS];
    return parsed.filter(isView).map((v) => ({ name: v.name.trim(), filter: v.filter, ...(v.suggested ? { suggested: true } : {}) }));
  } catch {
    return [...SUGGESTED_VIEWS];
  }
}

function store(storage: ViewStorage, views: SavedView[]): SavedView[] {
  try {
    storage.setItem(VIEWS_KEY, JSON.stringify(views));
  } catch {
    // A full or disabled storage keeps the views for this session only.
  }
  return views;
}

/** Adds a view, or replaces the one with the same name (case-insensitive); returns the new list. */
export function saveView(storage: ViewStorage, view: SavedView): SavedView[] {
  const name = view.name.trim();
  if (name === '') return loadViews(storage);
  const views = loadViews(storage).filter((v) => v.name.toLowerCase() !== name.toLowerCase());
  return store(storage, [...views, { name, filter: view.filter.trim() }]);
}

export function deleteView(storage: ViewStorage, name: string): SavedView[] {
  return store(storage, loadViews(storage).filter((v) => v.name !== name));
}

/** Puts the suggestions back next to the user's own views. */
export function restoreSuggested(storage: ViewStorage): SavedView[] {
  const own = loadViews(storage).filter((v) => !v.suggested);
  const names = new Set(own.map((v) => v.name.toLowerCase()));
  return store(storage, [...SUGGESTED_VIEWS.filter((v) => !names.has(v.name.toLowerCase())), ...own]);
}
