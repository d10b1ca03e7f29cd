// Props every chart takes, and how a chart's size turns into recharts props (fixed for static, else responsive).
import { useEffect, useRef, type CSSProperties } from 'react';

export interface ChartProps {
  /** Fixed size in pixels; without a width the chart fills its container's width. */
  width?: number;
  height?: number;
  /** Static rendering (the HTML report): no animation, no tooltip, no keyboard layer. */
  static?: boolean;
  /** Animate changes of the data (never the first drawing); defaults to on unless static. Reduced motion turns it off anyway. */
  animate?: boolean;
  /** Opens the people table with a SPEC §9 filter, e.g. `tier=dilution`. */
  onSelect?(filter: string): void;
}

export interface SizeProps {
  width: number | `${number}%`;
  height: number;
  responsive?: boolean;
  style?: CSSProperties;
}

export function chartSize(props: ChartProps, defaultWidth: number, defaultHeight: number): SizeProps {
  const height = props.height ?? defaultHeight;
  if (props.width !== undefined) return { width: props.width, height };
  // Static rendering has no layout engine to measure a container, so it needs a number.
  if (props.static) return { width: defaultWidth, height };
  return { width: '100%', height, responsive: true };
}

export interface ChartMotion {
  isAnimationActive: boolean | 'auto';
  animationDuration: number;
}

/**
 * Spread onto every animated series. The first drawing is never animated: the dashboard's first paint is the chart itself,
 * and screenshots never catch a donut half-drawn. Later data changes move briefly; recharts' 'auto' skips that under
 * prefers-reduced-motion. A ref, not state, marks the first commit so that mounting costs no second render.
 */
export function useChartMotion(props: ChartProps): ChartMotion {
  const drawn = useRef(false);
  useEffect(() => {
    drawn.current = true;
  }, []);
  const wanted = props.animate ?? !props.static;
  return { isAnimationActive: wanted && drawn.current ? 'auto' : false, animationDuration: 300 };
}

export const AXIS_TICK = { fill: 'currentColor', fontSize: 12 } as const;

/** Hides the text alternative from sight but not from screen readers (the usual sr-only recipe, inline so it needs no stylesheet). */
export const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
  border: 0,
};
