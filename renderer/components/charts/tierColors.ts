// The colours of every chart: tiers and the few neutral inks, in one place for the dashboard and the report.
import type { Tier } from '../../../shared/domain/audit';

/**
 * Okabe–Ito colours: told apart with the common colour-vision deficiencies, mid-tone so they read
 * on a white page, on a dark window and in a greyscale printout (they differ in lightness too).
 */
export const TIER_COLORS: Record<Tier, string> = {
  real: '#009E73',
  fading: '#E69F00',
  acquaintance: '#56B4E9',
  dilution: '#D55E00',
};

/** Axis text and lines follow the surrounding text colour, so light and dark themes need nothing more. */
export const CHART_INK = 'currentColor';
/** Semi-transparent grey: a faint grid on white and on black alike. */
export const CHART_GRID = 'rgba(128, 128, 128, 0.3)';
/** Series that are not a tier (time since contact, Dunbar layers). */
export const CHART_ACCENT = '#0072B2';
/** Room not taken: empty Dunbar slots, the non-dilution rest of a company. */
export const CHART_EMPTY = 'rgba(128, 128, 128, 0.35)';
/** "Never": no conversation on record. */
export const CHART_NEVER = '#999999';
