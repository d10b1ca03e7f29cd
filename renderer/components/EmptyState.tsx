// A card for "nothing here yet": a heading, what to do about it, and the buttons that do it.
import type { ReactNode } from 'react';
import './components.css';

export interface EmptyStateProps {
  title: string;
  /** Heading level: pages use 1, sections 2. */
  level?: 1 | 2;
  children?: ReactNode;
  actions?: ReactNode;
}

export function EmptyState({ title, level = 2, children, actions }: EmptyStateProps) {
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <section className="card tc-empty" aria-label={title}>
      <Heading>{title}</Heading>
      {children}
      {actions ? <div className="tc-empty-actions">{actions}</div> : null}
    </section>
  );
}
