// A tier as a small coloured badge with its word (never colour alone), the same on every page.
import type { Tier } from '../../shared/domain/audit';
import { TIER_LABELS, TIER_MEANINGS } from '../../shared/report/tierLabels';
import { TIER_COLORS } from './charts/tierColors';
import './widgets.css';

export function TierBadge({ tier }: { tier: Tier }) {
  return (
    <span className="tc-tier" title={TIER_MEANINGS[tier]} data-tier={tier}>
      <span className="tc-tier-dot" style={{ background: TIER_COLORS[tier] }} aria-hidden="true" />
      {TIER_LABELS[tier]}
    </span>
  );
}
