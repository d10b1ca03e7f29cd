// The import page: choose a file, see what it holds, import it; the history with undo; where to get each file.
import { useEffect, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { FileRef } from '../../../shared/api/contract';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ProgressBar } from '../../components/ProgressBar';
import { ArchiveFlow } from './ArchiveFlow';
import { guessKind, isAccepted, isArchive } from './detectKind';
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

/** Archives (or the parts of one) dropped together, staged for the archive flow. */
interface StagedArchive {
  names: string[];
  fileRefs: FileRef[];
  key: number;
}

function release(staged: { fileRef?: FileRef; fileRefs?: FileRef[] } | null): void {
  for (const fileRef of staged ? (staged.fileRefs ?? [staged.fileRef!]) : []) void api['import:release']({ fileRef }).catch(() => undefined);
}

export function ImportPage() {
  const [staged, setStaged] = useState<Staged | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [archive, setArchive] = useState<StagedArchive | null>(null);
  const stageArchive = useMutation({
    mutationFn: async (files: File[]) => ({ names: files.map((f) => f.name), fileRefs: await Promise.all(files.map((f) => api.stageFile(f))), key: Date.now() }),
    onSuccess: (s) => setArchive(s),
  });
  const stage = useMutation({
    mutationFn: async (file: File) => ({ file, fileRef: await api.stageFile(file), key: Date.now() }),
    onSuccess: (s) => setStaged(s),
  });
  // A staged upload is a copy on disk: let it go when its flow closes, another file replaces it or the page is left.
  const current = useRef(staged);
  current.current = staged;
  const currentArchive = useRef(archive);
  currentArchive.current = archive;
  useEffect(
    () => () => {
      release(current.current);
      release(currentArchive.current);
    },
    [],
  );
  const close = () => {
    release(staged);
    setStaged(null);
    release(archive);
    setArchive(null);
  };
  const chooseMany = (files: File[], folder: boolean) => {
    setRefused(null);
    if (!folder && !files.some((f) => isArchive(f.name))) return choose(files[0]);
    if (folder && !api.stagesFolders) {
      setRefused('A folder can be dropped in the desktop app. Here, drop the .zip or .tgz as you downloaded it, or run: npm run -s tiecheck -- import FOLDER');
      return;
    }
    if (!folder && files.some((f) => !isArchive(f.name))) {
      setRefused('Drop archives (or the parts of one Takeout) together, and single export files one at a time.');
      return;
    }
    close();
    stageArchive.mutate(files);
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
          ) : archive ? (
            <ArchiveFlow key={archive.key} names={archive.names} fileRefs={archive.fileRefs} onDone={close} />
          ) : (
            <DropZone onFiles={chooseMany} disabled={stage.isPending || stageArchive.isPending} />
          )}
          {stage.isPending ? <ProgressBar label={`Handing ${stage.variables?.name ?? 'the file'} to Tiecheck…`} /> : null}
          {stageArchive.isPending ? <ProgressBar label={`Handing ${stageArchive.variables?.map((f) => f.name).join(', ')} to Tiecheck…`} /> : null}
          {stage.isError ? <ErrorNotice title="The file could not be opened" error={stage.error} /> : null}
          {stageArchive.isError ? <ErrorNotice title="The archive could not be opened" error={stageArchive.error} /> : null}
          {refused ? <ErrorNotice title="Not an export file" error={refused} /> : null}
          <ImportHistory />
        </div>
        <SourceGuides />
      </div>
    </div>
  );
}
