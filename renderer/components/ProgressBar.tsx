// A labelled progress bar: determinate (a 0–1 fraction) or indeterminate, announced politely to screen readers.
import './components.css';

export interface ProgressBarProps {
  /** What is happening, e.g. "Generating 1,500 connections…". */
  label: string;
  /** 0–1; leave out when the length of the work is unknown. */
  value?: number | null;
  /** Extra text at the right, e.g. "2.1 MB of 8.0 MB · 12,000 rows". */
  detail?: string;
}

export function ProgressBar({ label, value, detail }: ProgressBarProps) {
  const known = typeof value === 'number' && Number.isFinite(value);
  const pct = known ? Math.max(0, Math.min(100, Math.round((value as number) * 100))) : null;
  return (
    <div className={known ? 'tc-progress' : 'tc-progress tc-progress-indeterminate'}>
      <div className="tc-progress-label" aria-live="polite">
        <span>{label}</span>
        {detail || pct !== null ? <span className="muted">{[detail, pct !== null ? `${pct}%` : null].filter(Boolean).join(' · ')}</span> : null}
      </div>
      <div
        className="tc-progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
        aria-valuetext={pct !== null ? `${pct}%` : 'in progress'}
      >
        <div className="tc-progress-fill" style={pct !== null ? { width: `${pct}%` } : undefined} />
      </div>
    </div>
  );
}
