// The review queue: every record the matcher would not link on its own, decided by mouse or keyboard, with undo; then persons who may be one.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import type { PersonId } from '../../../shared/api/schemas';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice, describeError } from '../../components/ErrorNotice';
import { KeyboardHelp } from '../../components/KeyboardHelp';
import { ProgressBar } from '../../components/ProgressBar';
import { ToastRegion, useToasts } from '../../components/Toast';
import { formatCount } from '../../components/formatting';
import { MergeSuggestions } from './MergeSuggestions';
import { ReviewItemCard, type ReviewItem } from './ReviewItemCard';
import { clampCursor, REVIEW_HELP, reviewCommand } from './reviewKeys';
import './review.css';

interface Decision {
  contactId: number;
  name: string;
  text: string;
}

export function ReviewPage() {
  const queryClient = useQueryClient();
  const review = useQuery({ queryKey: ['review'], queryFn: () => api['review:list']({}) });
  const items = review.data?.items ?? [];
  const [cursor, setCursor] = useState(0);
  const [candidate, setCandidate] = useState(0);
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<Decision | null>(null);
  const { toasts, show, dismiss } = useToasts();
  const listRef = useRef<HTMLOListElement>(null);

  const at = clampCursor(cursor, items.length);
  const current: ReviewItem | undefined = items[at];
  useEffect(() => setCandidate(0), [current?.contactId]);
  useEffect(() => {
    if (current) document.getElementById(`review-${current.contactId}`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const undoRef = useRef<() => void>(() => {});
  const decide = useCallback(
    async (item: ReviewItem, steps: { personId: string | null; verdict: 'confirm' | 'reject' }[], text: string) => {
      setBusy(true);
      try {
        for (const s of steps) await api['review:decide']({ contactId: item.contactId, personId: s.personId as PersonId | null, verdict: s.verdict });
        const decision = { contactId: item.contactId, name: item.name, text };
        setLast(decision);
        show({ text, action: { label: 'Undo', run: () => undoRef.current() } });
      } catch (err) {
        show({ text: `Could not record that: ${describeError(err)}`, tone: 'error' });
      } finally {
        setBusy(false);
        void queryClient.invalidateQueries();
      }
    },
    [queryClient, show],
  );

  // Undo clears every decision about that record, so the matcher looks at it afresh (it comes back here if still unsure).
  const undo = useCallback(async () => {
    if (!last) return;
    setBusy(true);
    try {
      await api['review:decide']({ contactId: last.contactId, personId: null, verdict: 'reject' });
      setLast(null);
      show({ text: `Undone: ${last.text}` });
    } catch (err) {
      show({ text: `Could not undo: ${describeError(err)}`, tone: 'error' });
    } finally {
      setBusy(false);
      void queryClient.invalidateQueries();
    }
  }, [last, queryClient, show]);
  undoRef.current = () => void undo();

  const confirm = (item: ReviewItem, personId: string) => {
    const c = item.candidates.find((x) => x.personId === personId);
    void decide(item, [{ personId, verdict: 'confirm' }], `Linked ${item.name || item.email} to ${c?.name ?? 'them'}`);
  };
  const reject = (item: ReviewItem, personId: string) => {
    const c = item.candidates.find((x) => x.personId === personId);
    void decide(item, [{ personId, verdict: 'reject' }], `${item.name || item.email} is not ${c?.name ?? 'them'}`);
  };
  const none = (item: ReviewItem) =>
    void decide(
      item,
      item.candidates.map((c) => ({ personId: c.personId, verdict: 'reject' as const })),
      `${item.name || item.email} is none of them: left unlinked`,
    );

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.target as HTMLElement).closest('input, textarea, select, a, button')) {
      if (e.key !== 'j' && e.key !== 'k') return;
    }
    const command = reviewCommand(e);
    if (!command || busy) return;
    e.preventDefault();
    const pick = current?.candidates[Math.min(candidate, (current?.candidates.length ?? 1) - 1)];
    switch (command.kind) {
      case 'move':
        setCursor(clampCursor(at + command.delta, items.length));
        break;
      case 'pick':
        if (current && command.index < current.candidates.length) setCandidate(command.index);
        break;
      case 'confirm':
        if (current && pick) confirm(current, pick.personId);
        break;
      case 'reject':
        if (current && pick) reject(current, pick.personId);
        break;
      case 'none':
        if (current) none(current);
        break;
      case 'undo':
        void undo();
        break;
    }
  };

  const totalRecords = useMemo(() => items.reduce((n, i) => n + i.records, 0), [items]);

  if (review.isLoading) return <ProgressBar label="Finding uncertain links…" />;
  if (review.error) return <ErrorNotice title="Could not load the review queue" error={review.error} onRetry={() => void review.refetch()} />;

  return (
    <div className="review-page" onKeyDown={onKeyDown}>
      <h1>Review links</h1>
      {items.length === 0 ? (
        <EmptyState title="Nothing to review" actions={last ? <button type="button" onClick={() => void undo()}>Undo the last decision</button> : undefined}>
          <p>Nothing to review: every record either links for certain or to nobody.</p>
        </EmptyState>
      ) : (
        <>
          <p className="review-lead">
            {formatCount(items.length)} record{items.length === 1 ? '' : 's'} could belong to more than one person, or to someone by name only ({formatCount(totalRecords)} interactions
            between them). Tiecheck will not guess: say who each one is, and your answer survives every re-import.
          </p>
          <KeyboardHelp keys={REVIEW_HELP} label="Review keys" />
          {last ? (
            <p className="review-last">
              Last: {last.text}.{' '}
              <button type="button" onClick={() => void undo()} disabled={busy}>
                Undo
              </button>
            </p>
          ) : null}
          <ol className="review-list" ref={listRef} tabIndex={0} aria-label="Uncertain links">
            {items.map((item, i) => (
              <ReviewItemCard
                key={item.contactId}
                item={item}
                active={i === at}
                candidate={candidate}
                busy={busy}
                onActivate={() => setCursor(i)}
                onPick={setCandidate}
                onConfirm={(pid) => confirm(item, pid)}
                onReject={(pid) => reject(item, pid)}
                onNone={() => none(item)}
              />
            ))}
          </ol>
        </>
      )}
      <MergeSuggestions show={show} />
      <ToastRegion toasts={toasts} onDismiss={dismiss} />
    </div>
  );
}
