// A small hash router: pages are `#/dashboard`, `#/people?filter=…`, `#/person/<id>` …; no server routes needed.
import { useSyncExternalStore } from 'react';

export interface Route {
  page: string;
  param: string | null;
  query: URLSearchParams;
}

function parse(hash: string): Route {
  const [path, search = ''] = hash.replace(/^#\/?/, '').split('?');
  const [page, ...rest] = path.split('/');
  return { page: page || 'dashboard', param: rest.length ? decodeURIComponent(rest.join('/')) : null, query: new URLSearchParams(search) };
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parse(hash);
}

export function navigate(page: string, param?: string | null, query?: Record<string, string>): void {
  const q = query ? `?${new URLSearchParams(query).toString()}` : '';
  window.location.hash = `#/${page}${param ? `/${encodeURIComponent(param)}` : ''}${q}`;
}

/** Opens the people table filtered by a SPEC §9 filter expression (what every chart click does). */
export function openPeople(filter: string): void {
  navigate('people', null, filter ? { filter } : undefined);
}
