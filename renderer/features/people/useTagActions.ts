// Tag changes with undo and redo: every bulk change, rename, deletion or one-key decision goes through here.
import { useCallback, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import type { PersonId } from '../../../shared/api/schemas';
import { describeError } from '../../components/ErrorNotice';
import { describeStep, EMPTY_HISTORY, recordEntry, redone, takeRedo, takeUndo, undoOrder, type TagChange, type TagEntry, type TagHistory, type TagStep } from './tagHistory';

export interface ToastApi {
  show(toast: { text: string; tone?: 'info' | 'error'; action?: { label: string; run(): void } }): number;
}

async function runStep(request: TagChange): Promise<TagStep> {
  if (request.action === 'rename') {
    const { changed, operationIds } = await api['tags:rename']({ from: request.from, to: request.to });
    return { request, operationIds, changed };
  }
  if (request.action === 'delete') {
    const { changed, operationId } = await api['tags:delete']({ tag: request.tag });
    return { request, operationIds: [operationId], changed };
  }
  const { changed, operationId } = await api['tags:apply']({
    action: request.action,
    tag: request.tag,
    ...(request.ids ? { ids: request.ids as PersonId[] } : { filter: request.filter ?? '' }),
  });
  return { request, operationIds: [operationId], changed };
}

export function useTagActions(toasts: ToastApi) {
  const queryClient = useQueryClient();
  const [history, setHistory] = useState<TagHistory>(EMPTY_HISTORY);
  const [busy, setBusy] = useState(false);
  const ref = useRef(history);
  ref.current = history;

  const refresh = useCallback(() => queryClient.invalidateQueries(), [queryClient]);
  const fail = useCallback((err: unknown) => toasts.show({ text: `Could not change tags: ${describeError(err)}`, tone: 'error' }), [toasts]);

  const undo = useCallback(async () => {
    const taken = takeUndo(ref.current);
    if (!taken) return;
    setBusy(true);
    try {
      let changed = 0;
      for (const operationId of undoOrder(taken.entry)) changed += (await api['tags:undo']({ operationId })).changed;
      ref.current = taken.history;
      setHistory(taken.history);
      toasts.show({ text: `Undone: ${taken.entry.label} (${changed.toLocaleString('en-US')} changes reversed)`, action: { label: 'Redo', run: () => void redoRef.current() } });
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
      void refresh();
    }
  }, [toasts, fail, refresh]);

  const redo = useCallback(async () => {
    const taken = takeRedo(ref.current);
    if (!taken) return;
    setBusy(true);
    try {
      const steps: TagStep[] = [];
      for (const step of taken.entry.steps) steps.push(await runStep(step.request));
      const entry: TagEntry = { label: taken.entry.label, steps };
      const next = redone(taken.history, entry);
      ref.current = next;
      setHistory(next);
      toasts.show({ text: `Redone: ${entry.label}`, action: { label: 'Undo', run: () => void undoRef.current() } });
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
      void refresh();
    }
  }, [toasts, fail, refresh]);

  const undoRef = useRef(undo);
  undoRef.current = undo;
  const redoRef = useRef(redo);
  redoRef.current = redo;

  /** Runs the requests in order as one undoable entry; the label defaults to the first change's words. */
  const apply = useCallback(
    async (requests: TagChange[], label?: string, quiet = false): Promise<TagEntry | null> => {
      if (requests.length === 0) return null;
      setBusy(true);
      try {
        const steps: TagStep[] = [];
        for (const request of requests) steps.push(await runStep(request));
        const entry: TagEntry = { label: label ?? describeStep(steps[0]), steps };
        const next = recordEntry(ref.current, entry);
        ref.current = next;
        setHistory(next);
        if (!quiet) toasts.show({ text: entry.label, action: { label: 'Undo', run: () => void undoRef.current() } });
        return entry;
      } catch (err) {
        fail(err);
        return null;
      } finally {
        setBusy(false);
        void refresh();
      }
    },
    [toasts, fail, refresh],
  );

  return { apply, undo, redo, busy, canUndo: history.done.length > 0, canRedo: history.undone.length > 0, history };
}
