// The words the report and the dashboard use for each tier, in one place so they never drift apart.
import type { Tier } from '../domain/audit';

export const TIER_LABELS: Record<Tier, string> = {
  real: 'Real',
  fading: 'Fading',
  acquaintance: 'Acquaintance',
  dilution: 'Dilution',
};

/** One plain sentence per tier, for legends and the report's explanations (SPEC §4). */
export const TIER_MEANINGS: Record<Tier, string> = {
  real: 'met in person or talked more than once, and recently',
  fading: 'a real relationship once, but no conversation for a long while',
  acquaintance: 'some contact, but not enough to count as real',
  dilution: 'a digital link only: no contact at all',
};
