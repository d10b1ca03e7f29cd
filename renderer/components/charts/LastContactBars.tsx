// Time since the last conversation, from "under 3 months" to "never"; a bar opens those people.
/** @jsxRuntime automatic */
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { LastContactBucket } from '../../../shared/report/buckets';
import { formatCount } from '../../../shared/report/verdict';
import { ChartFigure } from './ChartFigure';
import { AXIS_TICK, chartSize, useChartMotion, type ChartProps } from './chartProps';
import { CHART_ACCENT, CHART_GRID, CHART_NEVER } from './tierColors';

/** Axis labels short enough for six bars at card width; the tooltip and the hidden table keep the full wording. */
const SHORT_LABELS: Record<LastContactBucket['key'], string> = { lt3m: '<3 mo', '3to12m': '3–12 mo', '1to2y': '1–2 y', '2to5y': '2–5 y', '5yPlus': '5+ y', never: 'never' };

export interface LastContactBarsProps extends ChartProps {
  buckets: LastContactBucket[];
}

export function LastContactBars(props: LastContactBarsProps) {
  const { buckets, onSelect } = props;
  const isStatic = !!props.static;
  const motion = useChartMotion(props);
  const size = chartSize(props, 640, 220);
  // The static report's fixed 680 px fits the full wording; cards in the app do not.
  const axisLabel = (b: LastContactBucket): string => (isStatic ? b.label : (SHORT_LABELS[b.key] ?? b.label));
  // "Never" gets its own series (and colour) so it reads as absence, not as the longest wait.
  const data = buckets.map((b) => ({ label: axisLabel(b), contacted: b.key === 'never' ? 0 : b.count, never: b.key === 'never' ? b.count : 0 }));
  const select = (i: number) => {
    const b = buckets[i];
    if (b) onSelect?.(b.filter);
  };
  const clickable = onSelect && !isStatic ? 'pointer' : undefined;
  return (
    <ChartFigure
      label="Time since your last conversation with each person."
      columns={['Last conversation', 'Persons']}
      rows={buckets.map((b) => ({ label: b.label, cells: [formatCount(b.count)], filter: b.filter }))}
      isStatic={isStatic}
      onSelect={onSelect}
      className="tc-last-contact"
    >
      <BarChart {...size} data={data} margin={{ top: 8, right: 8, bottom: 4, left: 0 }} barCategoryGap="20%" accessibilityLayer={!isStatic}>
        <CartesianGrid vertical={false} stroke={CHART_GRID} />
        <XAxis dataKey="label" tick={AXIS_TICK} stroke={CHART_GRID} tickLine={false} interval={0} />
        <YAxis tick={AXIS_TICK} stroke={CHART_GRID} tickLine={false} allowDecimals={false} width={48} tickFormatter={(v: number) => formatCount(v)} />
        <Bar dataKey="contacted" name="persons" stackId="c" fill={CHART_ACCENT} {...motion} cursor={clickable} onClick={(_, i) => select(i)} />
        <Bar dataKey="never" name="never talked" stackId="c" fill={CHART_NEVER} {...motion} cursor={clickable} onClick={(_, i) => select(i)} />
        {!isStatic && (
          <Tooltip cursor={{ fill: CHART_GRID }} labelFormatter={(short) => buckets.find((b) => axisLabel(b) === short)?.label ?? String(short)} formatter={(v) => formatCount(Number(v))} />
        )}
      </BarChart>
    </ChartFigure>
  );
}
