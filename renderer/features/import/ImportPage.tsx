// The import page: choose a file, see what it holds, import it; the history with undo; where to get each file.
import { useEffect, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { FileRef } from '../../../shared/api/contract';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ProgressBar } from '../../components/ProgressBar';
import { guessKind, isAccepted } from './detectKind';
import { DropZone } from './DropZone';
import { ImportFlow } from './ImportFlow';
import { ImportHistory } from './ImportHistory';
import { SourceGuides } from './SourceGuides';
import './import.css';

interface Staged {
  file: File;
  fileRef: FileRef;
  /** Changes per file, so that a new file starts a fresh flow. */
  key: number;
}

function release(staged: Staged | null): void {
  if (staged) void api['import:release']({ fileRef: staged.fileRef }).catch(() => undefined);
}

export function ImportPage() {
  const [staged, setStaged] = useState<Staged | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const stage = useMutation({
    mutationFn: async (file: File) => ({ file, fileRef: await api.stageFile(file), key: Date.now() }),
    onSuccess: (s) => setStaged(s),
  });
  // A staged upload is a copy on disk: let it go when its flow closes, another file replaces it or the page is left.
  const current = useRef(staged);
  current.current = staged;
  useEffect(() => () => release(current.current), []);
  const close = () => {
    release(staged);
    setStaged(null);
  };
  const choose = (file: File) => {
    setRefused(null);
    if (!isAccepted(file.name)) {
      setRefused(`${file.name} is not a kind of file Tiecheck reads. Exports come as .csv, .json, .vcf, .mbox, .ics, .xml or .txt.`);
      return;
    }
    close();
    stage.mutate(file);
  };
  return (
    <div className="import-page">
      <h1>Import</h1>
      <p className="import-intro">
        Start with your connections (LinkedIn <code>Connections.csv</code>), then the records that prove you talk: messages, mail, calendar, calls. Nothing leaves this machine.
      </p>
      <div className="import-layout">
        <div className="import-main">
          {staged ? (
            <ImportFlow key={staged.key} file={staged.file} fileRef={staged.fileRef} initialKind={guessKind(staged.file.name)} onDone={close} />
          ) : (
            <DropZone onFile={choose} disabled={stage.isPending} />
          )}
          {stage.isPending ? <ProgressBar label={`Handing ${stage.variables?.name ?? 'the file'} to Tiecheck…`} /> : null}
          {stage.isError ? <ErrorNotice title="The file could not be opened" error={stage.error} /> : null}
          {refused ? <ErrorNotice title="Not an export file" error={refused} /> : null}
          <ImportHistory />
        </div>
        <SourceGuides />
      </div>
    </div>
  );
}
