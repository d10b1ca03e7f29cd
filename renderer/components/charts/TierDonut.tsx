// Persons per tier as a donut with the real share in the middle; a slice opens that tier's people.
/** @jsxRuntime automatic */
import { Label, Pie, PieChart, Tooltip } from 'recharts';
import type { Tier } from '../../../shared/domain/audit';
import { formatCount, formatPercent } from '../../../shared/report/verdict';
import { ChartFigure } from './ChartFigure';
import { chartSize, useChartMotion, type ChartProps } from './chartProps';
import { TIER_COLORS } from './tierColors';
import { TierLegend } from './TierLegend';

export interface TierDonutSlice {
  tier: Tier;
  label: string;
  count: number;
  share: number;
  filter: string;
}

export interface TierDonutProps extends ChartProps {
  slices: TierDonutSlice[];
}

export function TierDonut(props: TierDonutProps) {
  const { slices, onSelect } = props;
  const isStatic = !!props.static;
  const motion = useChartMotion(props);
  const size = chartSize(props, 240, 240);
  const total = slices.reduce((n, s) => n + s.count, 0);
  const real = slices.find((s) => s.tier === 'real');
  // Empty slices draw zero-width paths and confuse click indices; leave them out of the drawing only.
  // Only the fields the drawing needs: recharts copies data fields onto the <path>, and `filter` is an SVG attribute.
  const drawn = slices.filter((s) => s.count > 0).map((s) => ({ tier: s.tier, label: s.label, count: s.count, fill: TIER_COLORS[s.tier], select: s.filter }));
  const radius = Math.min(size.height, typeof size.width === 'number' ? size.width : size.height) / 2 - 8;
  const detail = Object.fromEntries(slices.map((s) => [s.tier, `${formatCount(s.count)} (${formatPercent(s.share)})`]));
  return (
    <ChartFigure
      label={`Persons per tier: ${slices.map((s) => `${s.label} ${formatCount(s.count)}`).join(', ')}.`}
      columns={['Tier', 'Persons', 'Share']}
      rows={slices.map((s) => ({ label: s.label, cells: [formatCount(s.count), formatPercent(s.share)], filter: s.filter }))}
      isStatic={isStatic}
      onSelect={onSelect}
      className="tc-tier-donut"
    >
      <PieChart {...size} accessibilityLayer={!isStatic}>
        <Pie
          data={total > 0 ? drawn : [{ tier: 'none', label: 'nobody', count: 1, fill: 'rgba(128,128,128,0.3)' }]}
          dataKey="count"
          nameKey="label"
          innerRadius={Math.round(radius * 0.6)}
          outerRadius={radius}
          startAngle={90}
          endAngle={-270}
          stroke="none"
          {...motion}
          onClick={(_, i) => {
            const s = drawn[i];
            if (s && total > 0) onSelect?.(s.select);
          }}
          style={onSelect && !isStatic ? { cursor: 'pointer' } : undefined}
        >
          <Label position="center" fill="currentColor" fontSize={22} fontWeight={700} value={total > 0 ? formatPercent(real ? real.count / total : 0) : '—'} dy={-8} />
          <Label position="center" fill="currentColor" fontSize={12} value="real" dy={14} />
        </Pie>
        {!isStatic && <Tooltip formatter={(v) => formatCount(Number(v))} />}
      </PieChart>
      <TierLegend detail={detail} onSelect={onSelect} isStatic={isStatic} />
    </ChartFigure>
  );
}
