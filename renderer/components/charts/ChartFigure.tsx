// The frame around every chart: a labelled figure whose text alternative is a visually-hidden data table.
/** @jsxRuntime automatic */
import type { ReactNode } from "react";
import { VISUALLY_HIDDEN } from "./chartProps";

export interface ChartTableRow {
  /** First cell: what the row is about (a tier, a year, a company). */
  label: string;
  cells: (string | number)[];
  /** When set and the chart is interactive, the label becomes a button that opens these people. */
  filter?: string;
}

interface ChartFigureProps {
  /** One sentence saying what the chart shows; also the table's caption. */
  label: string;
  columns: string[];
  rows: ChartTableRow[];
  isStatic?: boolean;
  onSelect?(filter: string): void;
  className?: string;
  children: ReactNode;
}

export function ChartFigure({
  label,
  columns,
  rows,
  isStatic,
  onSelect,
  className,
  children,
}: ChartFigureProps) {
  const interactive = !isStatic && !!onSelect;
  return (
    <figure
      className={className ? `tc-chart ${className}` : "tc-chart"}
      role="group"
      aria-label={label}
      style={{ position: "relative", margin: 0 }}
    >
      {/* The SVG says nothing a screen reader can use; the table below says it all. Interactive charts stay reachable. */}
      <div
        aria-hidden={isStatic ? true : undefined}
        className="tc-chart-drawing"
      >
        {children}
      </div>
      {/* Tables size to their content whatever their width says, so the hiding goes on a wrapper. */}
      <div style={VISUALLY_HIDDEN}>
        <table>
          <caption>{label}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.label}-${i}`}>
                <th scope="row">
                  {interactive && r.filter ? (
                    <button
                      type="button"
                      onClick={() => onSelect?.(r.filter as string)}
                    >
                      {r.label}
                    </button>
                  ) : (
                    r.label
                  )}
                </th>
                {r.cells.map((c, j) => (
                  <td key={j}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
