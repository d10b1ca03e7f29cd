// One dashboard panel: a heading, a sentence about what the chart says for this network, and the chart.
import type { ReactNode } from 'react';

export interface ChartCardProps {
  id: string;
  title: string;
  lead?: string | null;
  wide?: boolean;
  children: ReactNode;
}

export function ChartCard({ id, title, lead, wide, children }: ChartCardProps) {
  return (
    <section className={wide ? 'card dash-card dash-wide' : 'card dash-card'} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {lead ? <p className="dash-lead">{lead}</p> : null}
      {children}
    </section>
  );
}
