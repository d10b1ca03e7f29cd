// Merging two persons and splitting one, each with an Undo in the toast; the screens refresh after every step.
import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import type { PersonId } from '../../../shared/api/schemas';
import { navigate } from '../../app/router';
import { describeError } from '../../components/ErrorNotice';
import type { ToastMessage } from '../../components/Toast';

export type ShowToast = (toast: Omit<ToastMessage, 'id'>) => number;

export interface PersonRef {
  id: string;
  name: string;
}

export function usePersonSurgery(show: ShowToast) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);

  const undo = useCallback(
    async (operationId: string, what: string, after?: () => void) => {
      setBusy(true);
      try {
        const { undone } = await api['person:undo']({ operationId });
        show({ text: undone ? `Undone: ${what}` : 'Nothing to undo: that change was already undone.' });
        if (undone) after?.();
      } catch (err) {
        show({ text: `Could not undo: ${describeError(err)}`, tone: 'error' });
      } finally {
        setBusy(false);
        await queryClient.invalidateQueries();
      }
    },
    [queryClient, show],
  );

  /** `other` joins `keep`: their connections, records, tags and decisions become keep's; keep's name stays. */
  const merge = useCallback(
    async (keep: PersonRef, other: PersonRef): Promise<boolean> => {
      setBusy(true);
      try {
        const { operationId } = await api['person:merge']({ keepId: keep.id as PersonId, mergeId: other.id as PersonId });
        const what = `merged ${other.name} into ${keep.name}`;
        show({ text: `Merged ${other.name} into ${keep.name}.`, action: { label: 'Undo', run: () => void undo(operationId, what) } });
        return true;
      } catch (err) {
        show({ text: `Could not merge: ${describeError(err)}`, tone: 'error' });
        return false;
      } finally {
        setBusy(false);
        await queryClient.invalidateQueries();
      }
    },
    [queryClient, show, undo],
  );

  /** The chosen connections become a new person, whose page opens; Undo puts them back and returns here. */
  const split = useCallback(
    async (person: PersonRef, connectionIds: number[]): Promise<boolean> => {
      setBusy(true);
      try {
        const { operationId, newPersonId } = await api['person:split']({ id: person.id as PersonId, connectionIds });
        const n = connectionIds.length;
        const what = `split ${n === 1 ? 'a connection' : `${n} connections`} off ${person.name}`;
        await queryClient.invalidateQueries();
        navigate('person', newPersonId);
        show({
          text: `Split ${n === 1 ? 'one connection' : `${n} connections`} off ${person.name}: this is the new person.`,
          action: { label: 'Undo', run: () => void undo(operationId, what, () => navigate('person', person.id)) },
        });
        return true;
      } catch (err) {
        show({ text: `Could not split: ${describeError(err)}`, tone: 'error' });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [queryClient, show, undo],
  );

  return { busy, merge, split };
}
