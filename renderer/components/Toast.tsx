// Short-lived messages in a polite live region, each with an optional action ("Undo"); one hook per page.
import { useCallback, useEffect, useRef, useState } from 'react';
import './widgets.css';

export interface ToastMessage {
  id: number;
  text: string;
  tone?: 'info' | 'error';
  action?: { label: string; run(): void };
}

const LIFETIME_MS = 8000;

export function useToasts() {
  const [toasts, setToasts] = useState<ToastMessage[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback((toast: Omit<ToastMessage, 'id'>) => {
    const id = next.current++;
    // One at a time reads best: a new message replaces the old one.
    setToasts([{ ...toast, id }]);
    return id;
  }, []);
  return { toasts, show, dismiss };
}

function ToastItem({ toast, onDismiss }: { toast: ToastMessage; onDismiss(id: number): void }) {
  useEffect(() => {
    const timer = window.setTimeout(() => onDismiss(toast.id), LIFETIME_MS);
    return () => window.clearTimeout(timer);
  }, [toast.id, onDismiss]);
  return (
    <div className={toast.tone === 'error' ? 'tc-toast tc-toast-error' : 'tc-toast'}>
      <span>{toast.text}</span>
      {toast.action ? (
        <button
          type="button"
          onClick={() => {
            toast.action!.run();
            onDismiss(toast.id);
          }}
        >
          {toast.action.label}
        </button>
      ) : null}
      <button type="button" className="tc-toast-close" aria-label="Dismiss" onClick={() => onDismiss(toast.id)}>
        ×
      </button>
    </div>
  );
}

/** Always rendered, so screen readers have the live region before the first message arrives. */
export function ToastRegion({ toasts, onDismiss }: { toasts: ToastMessage[]; onDismiss(id: number): void }) {
  return (
    <div className="tc-toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <ToastItem key={t.id} toast={t} onDismiss={onDismiss} />
      ))}
    </div>
  );
}
