// The strength-score distribution in 10-point bins, stacked by tier.
/** @jsxRuntime automatic */
import type { ScoreBin } from '../../../shared/report/buckets';
import type { ChartProps } from './chartProps';
import { StackedTierBars } from './StackedTierBars';

export interface ScoreHistogramProps extends ChartProps {
  bins: ScoreBin[];
}

export function ScoreHistogram({ bins, ...rest }: ScoreHistogramProps) {
  return (
    <StackedTierBars
      {...rest}
      stacks={bins}
      label="How many persons have each strength score, in 10-point bins, split by tier."
      categoryName="Score"
      className="tc-score-histogram"
      xLabel="strength score"
    />
  );
}
