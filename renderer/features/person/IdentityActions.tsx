// "Is this one person?": Merge with… (search, confirm both sides) and Split off… (2+ connections), each undoable from the toast.
import { useRef, useState, type RefObject } from 'react';
import type { PersonDetail } from '../../../shared/api/schemas';
import type { AuditPerson } from '../../../shared/domain/audit';
import { MergeDialog } from './MergeDialog';
import { MergeWithSearch } from './MergeWithSearch';
import { SplitOffPanel } from './SplitOffPanel';
import { usePersonSurgery, type ShowToast } from './usePersonSurgery';

type Mode = { kind: 'idle' } | { kind: 'search' } | { kind: 'confirm'; other: AuditPerson } | { kind: 'split' };

export function IdentityActions({ detail, show }: { detail: PersonDetail; show: ShowToast }) {
  const [mode, setMode] = useState<Mode>({ kind: 'idle' });
  const surgery = usePersonSurgery(show);
  const mergeButton = useRef<HTMLButtonElement>(null);
  const splitButton = useRef<HTMLButtonElement>(null);
  const merged = useRef(false);
  const p = detail.person;
  const splittable = detail.connections.length >= 2;

  const closeTo = (button: RefObject<HTMLButtonElement | null>) => {
    setMode({ kind: 'idle' });
    window.setTimeout(() => button.current?.focus(), 0);
  };

  return (
    <div className="identity-actions">
      <div className="identity-buttons">
        <button ref={mergeButton} type="button" aria-expanded={mode.kind === 'search' || mode.kind === 'confirm'} onClick={() => setMode(mode.kind === 'search' ? { kind: 'idle' } : { kind: 'search' })}>
          Merge with…
        </button>
        {splittable ? (
          <button ref={splitButton} type="button" aria-expanded={mode.kind === 'split'} onClick={() => setMode(mode.kind === 'split' ? { kind: 'idle' } : { kind: 'split' })}>
            Split off…
          </button>
        ) : null}
        <span className="muted identity-hint">Two records of one human being, or two people under one name? Your word wins over the matcher and survives re-imports.</span>
      </div>
      {mode.kind === 'search' || mode.kind === 'confirm' ? (
        <MergeWithSearch selfId={p.id} selfName={p.name} onPick={(other) => setMode({ kind: 'confirm', other })} onClose={() => closeTo(mergeButton)} />
      ) : null}
      {mode.kind === 'confirm' ? (
        <MergeDialog
          self={detail}
          other={mode.other}
          busy={surgery.busy}
          returnFocus={() => (merged.current ? mergeButton.current : null)}
          onCancel={() => setMode({ kind: 'search' })}
          onConfirm={() =>
            void surgery.merge({ id: p.id, name: p.name }, { id: mode.other.id, name: mode.other.name }).then((done) => {
              merged.current = done;
              if (done) setMode({ kind: 'idle' });
            })
          }
        />
      ) : null}
      {mode.kind === 'split' ? (
        <SplitOffPanel
          personName={p.name}
          connections={detail.connections}
          busy={surgery.busy}
          onClose={() => closeTo(splitButton)}
          onSplit={(ids) => void surgery.split({ id: p.id, name: p.name }, ids)}
        />
      ) : null}
    </div>
  );
}
