// Settings → Your data: download a backup of the whole database, restore one (replacing everything), delete everything.
import { useEffect, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FileRef } from '../../../shared/api/contract';
import { api } from '../../api';
import { navigate } from '../../app/router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { bytesFromBase64, downloadBlob } from '../../components/downloadFile';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatBytes } from '../../components/formatting';

const CONFIRM_WORD = 'DELETE';

function BackupDownload() {
  const backup = useMutation({
    mutationFn: () => api['data:export']({}),
    onSuccess: (b) => downloadBlob(b.fileName, new Blob([bytesFromBase64(b.base64)], { type: 'application/vnd.sqlite3' })),
  });
  return (
    <div className="settings-data-row">
      <div>
        <h3>Download a backup</h3>
        <p className="settings-help">One file with everything: people, imports, tags, your decisions and settings. Keep it somewhere safe; it holds your whole address book.</p>
      </div>
      <button type="button" onClick={() => backup.mutate()} disabled={backup.isPending}>
        {backup.isPending ? 'Preparing the backup…' : 'Download a backup'}
      </button>
      <div aria-live="polite" className="settings-data-result">
        {backup.isSuccess ? (
          <p data-testid="backup-done">
            Saved as <code>{backup.data.fileName}</code> ({formatBytes(backup.data.bytes)}).
          </p>
        ) : null}
      </div>
      {backup.isError ? <ErrorNotice title="The backup was not made" error={backup.error} /> : null}
    </div>
  );
}

function BackupRestore({ people }: { people: number | null }) {
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [picked, setPicked] = useState<{ name: string; fileRef: FileRef } | null>(null);
  const stage = useMutation({
    mutationFn: async (file: File) => ({ name: file.name, fileRef: await api.stageFile(file) }),
    onSuccess: (s) => setPicked(s),
  });
  const restore = useMutation({
    mutationFn: (fileRef: FileRef) => api['data:restore']({ fileRef }),
    onSuccess: () => {
      setPicked(null);
      void queryClient.invalidateQueries();
    },
  });
  return (
    <div className="settings-data-row">
      <div>
        <h3>Restore from a backup</h3>
        <p className="settings-help">Replaces everything in Tiecheck with a backup you downloaded earlier.</p>
      </div>
      <button ref={opener} type="button" onClick={() => input.current?.click()} disabled={stage.isPending || restore.isPending}>
        {stage.isPending ? 'Reading the file…' : 'Restore from a backup…'}
      </button>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        accept=".db,.sqlite,.sqlite3,application/vnd.sqlite3,application/x-sqlite3"
        data-testid="restore-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          restore.reset();
          if (file) stage.mutate(file);
        }}
      />
      <div aria-live="polite" className="settings-data-result">
        {restore.isSuccess ? (
          <p data-testid="restore-done">
            Restored: {restore.data.persons.toLocaleString('en')} people, {restore.data.connections.toLocaleString('en')} connections, {restore.data.interactions.toLocaleString('en')}{' '}
            interactions.
            {restore.data.previousBackup ? (
              <>
                {' '}
                What you had before is kept in <code>{restore.data.previousBackup}</code>.
              </>
            ) : null}
          </p>
        ) : null}
      </div>
      {stage.isError ? <ErrorNotice title="The file could not be opened" error={stage.error} /> : null}
      {restore.isError ? <ErrorNotice title="Nothing was restored; your data is as it was" error={restore.error} /> : null}
      {picked ? (
        <ConfirmDialog
          title="Replace everything in Tiecheck?"
          confirmLabel="Replace everything"
          busy={restore.isPending}
          returnFocus={() => opener.current}
          onConfirm={() => restore.mutate(picked.fileRef)}
          onCancel={() => setPicked(null)}
        >
          <p>
            Everything now in Tiecheck{people !== null ? ` — ${people.toLocaleString('en')} people, ` : ' — '}their imports, tags, notes and your decisions — will be replaced by the
            backup <strong>{picked.name}</strong>.
          </p>
          <p>Before that, a copy of what is there now is kept beside the database, so this can be undone by hand.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

/** The typed word has the focus once the dialog is open (after the dialog's own focus on its button). */
function ConfirmWordInput({ value, onChange, onEnter, invalid }: { value: string; onChange(v: string): void; onEnter(): void; invalid: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="settings-field">
      <label htmlFor="delete-confirm-word">Type {CONFIRM_WORD} to confirm</label>
      <input
        ref={ref}
        id="delete-confirm-word"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          // The dialog leaves Enter in a text field alone; here it means "confirm".
          if (e.key !== 'Enter') return;
          e.preventDefault();
          onEnter();
        }}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? 'delete-confirm-hint' : undefined}
      />
      {invalid ? (
        <p id="delete-confirm-hint" className="settings-help settings-error">
          Type {CONFIRM_WORD} in capitals to delete everything.
        </p>
      ) : null}
    </div>
  );
}

function DeleteEverything() {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [word, setWord] = useState('');
  const [tried, setTried] = useState(false);
  const wipe = useMutation({
    mutationFn: () => api['data:deleteAll']({ confirm: CONFIRM_WORD }),
    onSuccess: () => {
      setOpen(false);
      queryClient.clear();
      navigate('dashboard');
    },
  });
  const confirm = () => {
    setTried(true);
    if (word.trim() === CONFIRM_WORD && !wipe.isPending) wipe.mutate();
  };
  const close = () => {
    setOpen(false);
    setWord('');
    setTried(false);
  };
  return (
    <div className="settings-data-row">
      <div>
        <h3>Delete all my data</h3>
        <p className="settings-help">Deletes every person, import, tag, decision and setting, and the backups Tiecheck made beside the database. There is no undo; download a backup first if you may want it back.</p>
      </div>
      <button type="button" className="settings-danger" onClick={() => setOpen(true)} disabled={wipe.isPending}>
        Delete all my data…
      </button>
      {wipe.isError ? <ErrorNotice title="Nothing was deleted" error={wipe.error} /> : null}
      {open ? (
        <ConfirmDialog
          title="Delete everything in Tiecheck?"
          confirmLabel="Delete everything"
          busy={wipe.isPending}
          onCancel={close}
          onConfirm={confirm}
        >
          <p>Every person, import, tag, note, decision and setting goes, with the backups kept beside the database. Your original export files are not touched.</p>
          <ConfirmWordInput value={word} onChange={setWord} onEnter={confirm} invalid={tried && word.trim() !== CONFIRM_WORD} />
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

export function DataSection({ people }: { people: number | null }) {
  return (
    <section className="card settings-form settings-data" aria-labelledby="data-title" data-testid="settings-data">
      <h2 id="data-title">Your data</h2>
      <p className="settings-help">Everything stays in one database file on this machine. Here you can take a copy of it, put a copy back, or delete it.</p>
      <BackupDownload />
      <BackupRestore people={people} />
      <DeleteEverything />
    </section>
  );
}
