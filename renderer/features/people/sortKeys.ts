// Sort keys for the people table's columns: computed once per person, compared without locale work per pair.
import type { AuditPerson, Tier } from '../../../shared/domain/audit';

export type SortColumn = 'name' | 'tier' | 'score' | 'lastContact' | 'connectedOn' | 'company' | 'position' | 'networks' | 'tags';
export type SortKey = string | number | undefined;

/** Tiers sort from the strongest down, so ascending reads real → dilution. */
const TIER_RANK: Record<Tier, number> = { real: 0, fading: 1, acquaintance: 2, dilution: 3 };

function textKey(text: string): string | undefined {
  const key = text.trim().toLocaleLowerCase();
  return key === '' ? undefined : key;
}

/** The value a column sorts by; undefined (blank text, no date, no tags) always sorts last. */
export function sortKeyOf(column: SortColumn, p: AuditPerson): SortKey {
  switch (column) {
    case 'name':
      return textKey(p.name);
    case 'tier':
      return TIER_RANK[p.tier];
    case 'score':
      return p.score;
    case 'lastContact':
      return p.lastContact ?? undefined;
    case 'connectedOn':
      return p.connectedOn ?? undefined;
    case 'company':
      return textKey(p.company);
    case 'position':
      return textKey(p.position);
    case 'networks':
      return p.networks.length ? p.networks.join(',').toLowerCase() : undefined;
    case 'tags':
      return p.tags.length ? [...p.tags].sort().join(',').toLowerCase() : undefined;
  }
}

/** Ascending order of two defined keys of the same column (the table reverses for descending). */
export function compareKeys(a: SortKey, b: SortKey): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

/** Columns whose first click should sort descending (the biggest or most recent first). */
export const DESC_FIRST: ReadonlySet<SortColumn> = new Set(['score', 'lastContact', 'connectedOn']);
