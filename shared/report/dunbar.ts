// Your network against Dunbar's layers (5 / 15 / 50 / 150): how many real relationships fill each one.
import type { AuditPerson } from '../domain/audit';
import { allOf, scoreRangeFilter, tierFilter } from './filters';

/**
 * Definition (shown in the report too): Dunbar's layers are nested — the 5 closest sit inside
 * the 15, which sit inside the 50, inside the 150 — and each needs continued contact to keep.
 * So only `real` persons count (recent conversations; fading ones are exactly the ones that fell
 * out). We rank them by strength score and fill the layers from the inside out: a layer of size
 * N holds your N strongest real relationships, or all of them if you have fewer. `filled` is
 * that number, `weakestScore` the lowest score inside the layer. Real relationships past 150 are
 * reported as `beyond`: more than Dunbar thinks anyone keeps up, worth a look rather than a boast.
 * This uses the score only to order people, never a fixed cut-off, so it stays valid whatever
 * weights the score formula uses.
 */
export const DUNBAR_SIZES = [5, 15, 50, 150] as const;

export const DUNBAR_NAMES: Record<(typeof DUNBAR_SIZES)[number], string> = {
  5: 'closest',
  15: 'close friends',
  50: 'good friends',
  150: 'meaningful contacts',
};

export interface DunbarLayer {
  size: number;
  name: string;
  /** Real persons in this layer (cumulative, inner layers included): min(real, size). */
  filled: number;
  /** The lowest strength score within the layer; null when the layer is empty. */
  weakestScore: number | null;
  /** Opens the people in this layer: real persons at or above its weakest score. */
  filter: string;
}

export interface DunbarReport {
  layers: DunbarLayer[];
  /** All real persons. */
  real: number;
  /** Real persons beyond the outermost layer. */
  beyond: number;
  /** All connected persons, for the "you have N links, Dunbar says 150" line. */
  persons: number;
}

export function fillDunbarLayers(persons: readonly AuditPerson[]): DunbarReport {
  const scores: number[] = [];
  for (const p of persons) if (p.tier === 'real') scores.push(Number.isFinite(p.score) ? p.score : 0);
  scores.sort((a, b) => b - a);
  const layers = DUNBAR_SIZES.map((size): DunbarLayer => {
    const filled = Math.min(size, scores.length);
    const weakestScore = filled > 0 ? scores[filled - 1] : null;
    return {
      size,
      name: DUNBAR_NAMES[size],
      filled,
      weakestScore,
      filter: weakestScore === null ? tierFilter('real') : allOf(tierFilter('real'), scoreRangeFilter(weakestScore, null)),
    };
  });
  const outer = DUNBAR_SIZES[DUNBAR_SIZES.length - 1];
  return { layers, real: scores.length, beyond: Math.max(0, scores.length - outer), persons: persons.length };
}
