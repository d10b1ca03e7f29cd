// Connections added per year, stacked by tier; a segment opens that year's people of that tier.
/** @jsxRuntime automatic */
import type { CohortYear } from '../../../shared/report/cohorts';
import { formatCount } from '../../../shared/report/verdict';
import type { ChartProps } from './chartProps';
import { StackedTierBars } from './StackedTierBars';

export interface CohortBarsProps extends ChartProps {
  cohorts: CohortYear[];
}

export function CohortBars({ cohorts, ...rest }: CohortBarsProps) {
  const total = cohorts.reduce((n, c) => n + c.total, 0);
  return (
    <StackedTierBars
      {...rest}
      stacks={cohorts}
      label={`Connections added per year, split by tier (${formatCount(total)} in all).`}
      categoryName="Year connected"
      className="tc-cohort-bars"
    />
  );
}
