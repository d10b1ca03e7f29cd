// Vertical bars stacked by tier, one per category: the body of the cohort chart and the score histogram.
/** @jsxRuntime automatic */
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { TIERS, type Tier } from '../../../shared/domain/audit';
import { allOf, tierFilter } from '../../../shared/report/filters';
import { TIER_LABELS } from '../../../shared/report/tierLabels';
import { formatCount } from '../../../shared/report/verdict';
import { ChartFigure } from './ChartFigure';
import { AXIS_TICK, chartSize, useChartMotion, type ChartProps } from './chartProps';
import { CHART_GRID, TIER_COLORS } from './tierColors';
import { TierLegend } from './TierLegend';

export interface TierStack {
  label: string;
  counts: Record<Tier, number>;
  total: number;
  /** The people of the whole bar; a segment adds `and tier=X`. */
  filter: string;
}

interface StackedTierBarsProps extends ChartProps {
  stacks: TierStack[];
  /** What the chart shows, one sentence (the figure's label and the table's caption). */
  label: string;
  categoryName: string;
  className: string;
  xLabel?: string;
}

/**
 * Which category labels to print when rendering statically: jsdom cannot measure text, so
 * recharts would print every label and they would overlap. Labels are thinned to a stride that
 * fits, and the last one (usually "unknown") always shows, at the cost of its neighbour.
 */
export function pickShownLabels(labels: string[], plotWidth: number): Set<number> {
  const n = labels.length;
  const shown = new Set<number>();
  if (n === 0) return shown;
  const widest = Math.max(...labels.map((l) => l.length)) * 7 + 10;
  const step = Math.max(1, Math.ceil(widest / (plotWidth / n)));
  let lastStride = 0;
  for (let i = 0; i < n; i += step) {
    shown.add(i);
    lastStride = i;
  }
  if (!shown.has(n - 1)) {
    if (lastStride > 0 && n - 1 - lastStride < step) shown.delete(lastStride);
    shown.add(n - 1);
  }
  return shown;
}

export function StackedTierBars(props: StackedTierBarsProps) {
  const { stacks, onSelect, label, categoryName, className, xLabel } = props;
  const isStatic = !!props.static;
  const motion = useChartMotion(props);
  const size = chartSize(props, 640, 260);
  const data = stacks.map((s) => ({ label: s.label, ...s.counts }));
  const clickable = onSelect && !isStatic;
  const shown = isStatic ? pickShownLabels(stacks.map((s) => s.label), (typeof size.width === 'number' ? size.width : 640) - 64) : null;
  return (
    <ChartFigure
      label={label}
      columns={[categoryName, ...TIERS.map((t) => TIER_LABELS[t]), 'Total']}
      rows={stacks.map((s) => ({ label: s.label, cells: [...TIERS.map((t) => formatCount(s.counts[t])), formatCount(s.total)], filter: s.filter }))}
      isStatic={isStatic}
      onSelect={onSelect}
      className={className}
    >
      <BarChart {...size} data={data} margin={{ top: 8, right: 8, bottom: xLabel ? 18 : 4, left: 0 }} barCategoryGap="15%" accessibilityLayer={!isStatic}>
        <CartesianGrid vertical={false} stroke={CHART_GRID} />
        <XAxis
          dataKey="label"
          tick={AXIS_TICK}
          stroke={CHART_GRID}
          tickLine={false}
          interval={shown ? 0 : 'preserveStartEnd'}
          minTickGap={8}
          tickFormatter={shown ? (v: string, i: number) => (shown.has(i) ? v : '') : undefined}
          label={xLabel ? { value: xLabel, position: 'insideBottom', offset: -12, fill: 'currentColor', fontSize: 12 } : undefined}
        />
        <YAxis tick={AXIS_TICK} stroke={CHART_GRID} tickLine={false} allowDecimals={false} width={48} tickFormatter={(v: number) => formatCount(v)} />
        {TIERS.map((t) => (
          <Bar
            key={t}
            dataKey={t}
            name={TIER_LABELS[t]}
            stackId="tier"
            fill={TIER_COLORS[t]}
            {...motion}
            cursor={clickable ? 'pointer' : undefined}
            onClick={(_, i) => {
              const s = stacks[i];
              if (s) onSelect?.(allOf(s.filter, tierFilter(t)));
            }}
          />
        ))}
        {!isStatic && <Tooltip cursor={{ fill: CHART_GRID }} formatter={(v) => formatCount(Number(v))} />}
      </BarChart>
      <TierLegend onSelect={onSelect} isStatic={isStatic} />
    </ChartFigure>
  );
}
