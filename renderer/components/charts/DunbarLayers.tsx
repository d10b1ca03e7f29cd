// Your real relationships against Dunbar's layers 5 / 15 / 50 / 150: how full each layer is.
/** @jsxRuntime automatic */
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import type { DunbarLayer } from '../../../shared/report/dunbar';
import { formatCount } from '../../../shared/report/verdict';
import { ChartFigure } from './ChartFigure';
import { AXIS_TICK, chartSize, useChartMotion, type ChartProps } from './chartProps';
import { CHART_EMPTY, CHART_GRID, TIER_COLORS } from './tierColors';

export interface DunbarLayersProps extends ChartProps {
  layers: DunbarLayer[];
}

export function DunbarLayers(props: DunbarLayersProps) {
  const { layers, onSelect } = props;
  const isStatic = !!props.static;
  const motion = useChartMotion(props);
  const size = chartSize(props, 640, Math.max(80, 34 * layers.length + 36));
  // Percent of each layer filled: on a count axis the layer of 5 would be a sliver beside 150.
  const data = layers.map((l) => {
    const filled = l.size ? Math.round((l.filled / l.size) * 100) : 0;
    return { label: `${l.size} · ${l.name} — ${formatCount(l.filled)} of ${formatCount(l.size)}`, filled, empty: 100 - filled };
  });
  const select = (i: number) => {
    const l = layers[i];
    if (l) onSelect?.(l.filter);
  };
  const clickable = onSelect && !isStatic ? 'pointer' : undefined;
  return (
    <ChartFigure
      label="Dunbar's layers: how many of each layer's places your real relationships fill."
      columns={['Layer', 'Filled by real relationships', 'Weakest score in the layer']}
      rows={layers.map((l) => ({ label: `${l.size} (${l.name})`, cells: [`${formatCount(l.filled)} of ${formatCount(l.size)}`, l.weakestScore ?? '—'], filter: l.filter }))}
      isStatic={isStatic}
      onSelect={onSelect}
      className="tc-dunbar"
    >
      <BarChart {...size} data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 0 }} barCategoryGap="25%" accessibilityLayer={!isStatic}>
        <CartesianGrid horizontal={false} stroke={CHART_GRID} />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={AXIS_TICK} stroke={CHART_GRID} tickLine={false} tickFormatter={(v: number) => `${v}%`} />
        <YAxis type="category" dataKey="label" tick={AXIS_TICK} stroke={CHART_GRID} tickLine={false} width={250} interval={0} />
        <Bar dataKey="filled" name="filled" stackId="d" fill={TIER_COLORS.real} {...motion} cursor={clickable} onClick={(_, i) => select(i)} />
        <Bar dataKey="empty" name="empty" stackId="d" fill={CHART_EMPTY} {...motion} cursor={clickable} onClick={(_, i) => select(i)} />
      </BarChart>
    </ChartFigure>
  );
}
