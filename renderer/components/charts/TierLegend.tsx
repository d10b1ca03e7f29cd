// A legend of tier swatches as plain HTML, so it prints crisply, wraps, and can open the people of a tier.
/** @jsxRuntime automatic */
import { TIERS, type Tier } from '../../../shared/domain/audit';
import { TIER_LABELS } from '../../../shared/report/tierLabels';
import { tierFilter } from '../../../shared/report/filters';
import { TIER_COLORS } from './tierColors';

interface TierLegendProps {
  /** Extra text after each label, e.g. a count. */
  detail?: Partial<Record<Tier, string>>;
  onSelect?(filter: string): void;
  isStatic?: boolean;
}

export function TierLegend({ detail, onSelect, isStatic }: TierLegendProps) {
  const interactive = !isStatic && !!onSelect;
  return (
    <ul className="tc-legend" aria-hidden={isStatic ? true : undefined} style={{ listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: '4px 16px', padding: 0, margin: '4px 0 0', fontSize: 13 }}>
      {TIERS.map((t) => {
        const text = (
          <>
            <span aria-hidden="true" style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 2, background: TIER_COLORS[t], marginRight: 6, printColorAdjust: 'exact', WebkitPrintColorAdjust: 'exact' }} />
            {TIER_LABELS[t]}
            {detail?.[t] ? <span className="tc-legend-detail"> {detail[t]}</span> : null}
          </>
        );
        return (
          <li key={t}>
            {interactive ? (
              <button type="button" className="tc-legend-button" onClick={() => onSelect?.(tierFilter(t))} style={{ font: 'inherit', color: 'inherit', background: 'none', border: 0, padding: 0, cursor: 'pointer' }}>
                {text}
              </button>
            ) : (
              text
            )}
          </li>
        );
      })}
    </ul>
  );
}
