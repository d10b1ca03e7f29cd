// A modal question: a native <dialog> (focus stays inside, Escape cancels), Enter confirms, focus goes back where it came from.
import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import './dialog.css';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  busy?: boolean;
  /** Where focus goes when the dialog closes; by default the element that had it when the dialog opened. */
  returnFocus?: () => HTMLElement | null;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog({ title, children, confirmLabel, cancelLabel = 'Cancel', busy = false, returnFocus, onConfirm, onCancel }: ConfirmDialogProps) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const returnRef = useRef(returnFocus);
  returnRef.current = returnFocus;

  // A layout effect: its cleanup runs while the dialog is still in the document, so closing it and moving focus happen before React removes it.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    confirmRef.current?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      const target = returnRef.current?.() ?? opener;
      // The opener may be gone (a search result that the change removed); then focus stays on the page.
      if (target?.isConnected) target.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="tc-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(e) => {
        // Escape: the page decides (it unmounts the dialog), so React and the DOM agree on what is open.
        e.preventDefault();
        if (!busy) onCancel();
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' || busy) return;
        const target = e.target as HTMLElement;
        if (target.closest('button, a, textarea, select, input')) return;
        e.preventDefault();
        onConfirm();
      }}
    >
      <h2 id={`${id}-title`} className="tc-dialog-title">
        {title}
      </h2>
      <div id={`${id}-body`} className="tc-dialog-body">
        {children}
      </div>
      <div className="tc-dialog-actions">
        <button type="button" onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </button>
        <button ref={confirmRef} type="button" className="primary" onClick={onConfirm} disabled={busy}>
          {busy ? 'Working…' : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
