// Shows what went wrong in one plain sentence (the engine's own message), with an optional retry.
import './components.css';

export interface ErrorNoticeProps {
  error: unknown;
  /** What was being attempted, e.g. "Could not load the audit". */
  title?: string;
  onRetry?(): void;
}

/** The message of anything thrown: an ApiCallError's text, an Error's message, or the value itself. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  return 'Something went wrong.';
}

export function ErrorNotice({ error, title = 'Something went wrong', onRetry }: ErrorNoticeProps) {
  return (
    <div className="tc-error" role="alert">
      <p className="tc-error-title">{title}</p>
      <p>{describeError(error)}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
