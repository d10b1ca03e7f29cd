// The companies where most of your links are dilution: a horizontal bar per company, dilution against the rest.
/** @jsxRuntime automatic */
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { CompanyDilution } from '../../../shared/report/companies';
import { formatCount } from '../../../shared/report/verdict';
import { ChartFigure } from './ChartFigure';
import { AXIS_TICK, chartSize, useChartMotion, type ChartProps } from './chartProps';
import { CHART_EMPTY, CHART_GRID, TIER_COLORS } from './tierColors';

export interface DilutionCompaniesProps extends ChartProps {
  companies: CompanyDilution[];
}

/** Long names would eat the plot; the full name stays in the table and the tooltip. */
function shorten(name: string, max = 26): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}

export function DilutionCompanies(props: DilutionCompaniesProps) {
  const { companies, onSelect } = props;
  const isStatic = !!props.static;
  const motion = useChartMotion(props);
  const size = chartSize(props, 640, Math.max(80, 28 * companies.length + 40));
  const data = companies.map((c) => ({ label: shorten(c.company), company: c.company, dilution: c.dilution, rest: c.total - c.dilution }));
  const select = (i: number) => {
    const c = companies[i];
    if (c) onSelect?.(c.filter);
  };
  const clickable = onSelect && !isStatic ? 'pointer' : undefined;
  return (
    <ChartFigure
      label="Companies with the most dilution links: dilution against everyone you know there."
      columns={['Company', 'Dilution', 'All linked']}
      rows={companies.map((c) => ({ label: c.company, cells: [formatCount(c.dilution), formatCount(c.total)], filter: c.filter }))}
      isStatic={isStatic}
      onSelect={onSelect}
      className="tc-dilution-companies"
    >
      <BarChart {...size} data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 0 }} barCategoryGap="25%" accessibilityLayer={!isStatic}>
        <CartesianGrid horizontal={false} stroke={CHART_GRID} />
        <XAxis type="number" tick={AXIS_TICK} stroke={CHART_GRID} tickLine={false} allowDecimals={false} tickFormatter={(v: number) => formatCount(v)} />
        <YAxis type="category" dataKey="label" tick={AXIS_TICK} stroke={CHART_GRID} tickLine={false} width={180} interval={0} />
        <Bar dataKey="dilution" name="dilution" stackId="c" fill={TIER_COLORS.dilution} {...motion} cursor={clickable} onClick={(_, i) => select(i)} />
        <Bar dataKey="rest" name="everyone else there" stackId="c" fill={CHART_EMPTY} {...motion} cursor={clickable} onClick={(_, i) => select(i)} />
        {!isStatic && <Tooltip cursor={{ fill: CHART_GRID }} formatter={(v) => formatCount(Number(v))} />}
      </BarChart>
    </ChartFigure>
  );
}
