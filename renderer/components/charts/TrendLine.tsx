// The trend over your audits: real share and dilution share per audit date, on a true time axis.
/** @jsxRuntime automatic */
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrendPoint } from '../../../shared/report/trend';
import { formatPercent } from '../../../shared/report/verdict';
import { ChartFigure } from './ChartFigure';
import { AXIS_TICK, chartSize, useChartMotion, type ChartProps } from './chartProps';
import { CHART_GRID, TIER_COLORS } from './tierColors';

export interface TrendLineProps extends ChartProps {
  points: TrendPoint[];
}

const DAY_MS = 86_400_000;

function toTime(day: string): number {
  return Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
}

function toDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** At most `max` of the audit dates as ticks, first and last included: real dates, not round milliseconds. */
function pickTicks(times: number[], max = 5): number[] {
  if (times.length <= max) return times;
  const out: number[] = [];
  for (let k = 0; k < max; k++) out.push(times[Math.round((k * (times.length - 1)) / (max - 1))]);
  return out;
}

export function TrendLine(props: TrendLineProps) {
  const { points, onSelect } = props;
  const isStatic = !!props.static;
  const motion = useChartMotion(props);
  const size = chartSize(props, 640, 220);
  // Audits are not evenly spaced; a time axis keeps a gap of two years looking like one.
  const data = points.map((p) => ({ t: toTime(p.asOf), real: Math.round(p.realShare * 1000) / 10, dilution: Math.round(p.dilutionShare * 1000) / 10 }));
  const times = data.map((d) => d.t);
  const domain: [number, number] = times.length > 1 ? [times[0], times[times.length - 1]] : [(times[0] ?? 0) - 30 * DAY_MS, (times[0] ?? 0) + 30 * DAY_MS];
  // Dots matter when there are few audits (one point draws no line); past ~40 they are noise.
  const dot = points.length <= 40 ? { r: 3 } : false;
  // The dashed line's dash pattern would otherwise break its dots into arcs (the only mark when there is one audit).
  return (
    <ChartFigure
      label="Real share and dilution share at each audit, oldest first."
      columns={['Audit date', 'Real', 'Dilution', 'Persons']}
      rows={points.map((p) => ({ label: p.current ? `${p.asOf} (this audit)` : p.asOf, cells: [formatPercent(p.realShare), formatPercent(p.dilutionShare), p.persons] }))}
      isStatic={isStatic}
      onSelect={onSelect}
      className="tc-trend"
    >
      <LineChart {...size} data={data} margin={{ top: 8, right: 40, bottom: 4, left: 0 }} accessibilityLayer={!isStatic}>
        <CartesianGrid vertical={false} stroke={CHART_GRID} />
        <XAxis dataKey="t" type="number" scale="time" domain={domain} ticks={pickTicks(times)} tickFormatter={(v: number) => toDay(v)} tick={AXIS_TICK} stroke={CHART_GRID} tickLine={false} interval={0} padding={{ left: 16, right: 16 }} />
        <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={AXIS_TICK} stroke={CHART_GRID} tickLine={false} width={48} tickFormatter={(v: number) => `${v}%`} />
        <Line dataKey="real" name="real" stroke={TIER_COLORS.real} strokeWidth={2} dot={dot} {...motion} />
        <Line dataKey="dilution" name="dilution" stroke={TIER_COLORS.dilution} strokeWidth={2} strokeDasharray="6 3" dot={dot && { ...dot, strokeDasharray: 'none' }} {...motion} />
        {!isStatic && <Tooltip labelFormatter={(v) => toDay(Number(v))} formatter={(v) => `${v}%`} />}
      </LineChart>
    </ChartFigure>
  );
}
