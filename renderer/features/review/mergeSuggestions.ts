// "Possibly the same person": audited persons who share a name key but not a network, paired for a merge; "not the same" is remembered.
import { nameKey } from '../../../shared/identity/nameKey';

export interface SuggestionPerson {
  id: string;
  name: string;
  company: string;
  networks: readonly string[];
  connectedOn: string | null;
}

export interface MergeSuggestion<P extends SuggestionPerson> {
  /** The pair's identity, independent of order: what "not the same" remembers. */
  key: string;
  /** The one the merge keeps (its name and page stay). */
  keep: P;
  other: P;
}

/** A name shared by more people than this is a common name, not a lead: pairing them all would bury the list. */
const MAX_GROUP = 6;

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Keeps the richer record: more networks, then a company on record, then the earlier connection. */
function keepFirst<P extends SuggestionPerson>(a: P, b: P): [P, P] {
  const score = (p: P) => p.networks.length * 4 + (p.company ? 2 : 0);
  if (score(a) !== score(b)) return score(a) > score(b) ? [a, b] : [b, a];
  if (a.connectedOn && b.connectedOn && a.connectedOn !== b.connectedOn) return a.connectedOn < b.connectedOn ? [a, b] : [b, a];
  return [a, b];
}

/**
 * Persons grouped by name key (two words at least: a first name alone says nothing), only the groups
 * worth pairing. The costly part (a name key per person), so the page computes it once per audit.
 */
export function groupByNameKey<P extends SuggestionPerson>(persons: readonly P[], keyOf: (name: string) => string = nameKey): P[][] {
  const groups = new Map<string, P[]>();
  for (const p of persons) {
    const key = keyOf(p.name);
    if (!key.includes(' ')) continue;
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  return [...groups.values()].filter((g) => g.length >= 2 && g.length <= MAX_GROUP);
}

/** The pairs in those groups with no network in common — two LinkedIn connections with one name are two people LinkedIn already told apart. */
export function pairsFromGroups<P extends SuggestionPerson>(groups: readonly (readonly P[])[], notSame: ReadonlySet<string>): MergeSuggestion<P>[] {
  const out: MergeSuggestion<P>[] = [];
  for (const group of groups) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i];
        const b = group[j];
        if (a.networks.some((n) => b.networks.includes(n))) continue;
        const key = pairKey(a.id, b.id);
        if (notSame.has(key)) continue;
        const [keep, other] = keepFirst(a, b);
        out.push({ key, keep, other });
      }
    }
  }
  return out.sort((x, y) => x.keep.name.localeCompare(y.keep.name) || x.key.localeCompare(y.key));
}

export function suggestMerges<P extends SuggestionPerson>(persons: readonly P[], notSame: ReadonlySet<string>, keyOf: (name: string) => string = nameKey): MergeSuggestion<P>[] {
  return pairsFromGroups(groupByNameKey(persons, keyOf), notSame);
}

const STORAGE_KEY = 'tiecheck-not-same';

export function readNotSame(storage: Pick<Storage, 'getItem'> = localStorage): Set<string> {
  try {
    const value = JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]') as unknown;
    return new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  } catch {
    return new Set();
  }
}

export function writeNotSame(keys: ReadonlySet<string>, storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(STORAGE_KEY, JSON.stringify([...keys]));
}

export type SuggestionCommand = { kind: 'move'; delta: number } | { kind: 'merge' } | { kind: 'notSame' };

/** j/k or arrows move, m merges, x says "not the same". */
export function suggestionCommand(e: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean }): SuggestionCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case 'j':
    case 'ArrowDown':
      return { kind: 'move', delta: 1 };
    case 'k':
    case 'ArrowUp':
      return { kind: 'move', delta: -1 };
    case 'm':
      return { kind: 'merge' };
    case 'x':
      return { kind: 'notSame' };
  }
  return null;
}

export const SUGGESTION_HELP: readonly [string, string][] = [
  ['j / k', 'next / previous'],
  ['m', 'merge'],
  ['x', 'not the same'],
];
