// The chart components the dashboard and the report share, and their colours.
export { TierDonut, type TierDonutProps, type TierDonutSlice } from './TierDonut';
export { CohortBars, type CohortBarsProps } from './CohortBars';
export { ScoreHistogram, type ScoreHistogramProps } from './ScoreHistogram';
export { LastContactBars, type LastContactBarsProps } from './LastContactBars';
export { DilutionCompanies, type DilutionCompaniesProps } from './DilutionCompanies';
export { DunbarLayers, type DunbarLayersProps } from './DunbarLayers';
export { TrendLine, type TrendLineProps } from './TrendLine';
export { TierLegend } from './TierLegend';
export type { ChartProps } from './chartProps';
export { TIER_COLORS, CHART_ACCENT, CHART_EMPTY, CHART_GRID, CHART_INK, CHART_NEVER } from './tierColors';
