// The foot of an import, of one file or a whole archive: its progress and Cancel while it runs, the
// Import and "Choose another file" buttons before, and why it wrote nothing when it failed.
import type { ReactNode } from 'react';
import { ProgressBar } from '../../components/ProgressBar';
import { ImportRunError } from './ImportRunError';

export interface ImportRunControlsProps {
  running: boolean;
  progressLabel: string;
  progressValue?: number | null;
  progressDetail?: string;
  onCancel: () => void;
  startLabel: ReactNode;
  startDisabled: boolean;
  onStart: () => void;
  onDone: () => void;
  error: unknown;
}

export function ImportRunControls(props: ImportRunControlsProps) {
  return (
    <div className="import-run" aria-live="polite">
      {props.running ? (
        <>
          <ProgressBar label={props.progressLabel} value={props.progressValue} detail={props.progressDetail} />
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        </>
      ) : (
        <div className="import-actions">
          <button type="button" className="primary" onClick={props.onStart} disabled={props.startDisabled}>
            {props.startLabel}
          </button>
          <button type="button" onClick={props.onDone}>
            Choose another file
          </button>
        </div>
      )}
      <ImportRunError error={props.error} />
    </div>
  );
}
