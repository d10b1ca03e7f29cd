// The file chooser: drop files (or a folder) anywhere on the zone, or pick them with the keyboard-reachable button.
import { useRef, useState, type DragEvent } from 'react';
import { ACCEPTED_EXTENSIONS, ARCHIVE_EXTENSIONS } from './detectKind';

export interface DropZoneProps {
  /** Several files are the parts of one archive; `folder` when a folder was dropped. */
  onFiles(files: File[], folder: boolean): void;
  disabled?: boolean;
}

export function DropZone({ onFiles, disabled }: DropZoneProps) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = [...e.dataTransfer.files];
    // Chromium hands a dropped folder over as a File of size 0; only its entry says it is a folder.
    const folder = [...e.dataTransfer.items].some((item) => item.webkitGetAsEntry?.()?.isDirectory === true);
    if (files.length > 0 && !disabled) onFiles(files, folder);
  };
  return (
    <div
      className={over ? 'import-drop import-drop-over' : 'import-drop'}
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <p className="import-drop-title">Drop an export file, or the whole archive, here</p>
      <p className="muted">
        The .zip or .tgz as downloaded (LinkedIn, Google Takeout and its parts, Facebook), or one file: Connections.csv, your_friends.json, contacts .csv or .vcf,
        messages.csv, .mbox, .ics, call logs (.csv, .xml)
      </p>
      <button type="button" className="primary" onClick={() => input.current?.click()} disabled={disabled}>
        Choose a file…
      </button>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        accept={[...ACCEPTED_EXTENSIONS, ...ARCHIVE_EXTENSIONS].join(',')}
        multiple
        aria-label="Choose a file to import"
        data-testid="import-file-input"
        tabIndex={-1}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) onFiles(files, false);
        }}
      />
    </div>
  );
}
