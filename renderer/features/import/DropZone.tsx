// The file chooser: drop a file anywhere on the zone, or pick one with the keyboard-reachable button.
import { useRef, useState, type DragEvent } from 'react';
import { ACCEPTED_EXTENSIONS } from './detectKind';

export interface DropZoneProps {
  onFile(file: File): void;
  disabled?: boolean;
}

export function DropZone({ onFile, disabled }: DropZoneProps) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
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
      <p className="import-drop-title">Drop an export file here</p>
      <p className="muted">Connections.csv, your_friends.json, contacts .csv or .vcf, messages.csv, .mbox, .ics, call logs (.csv, .xml)</p>
      <button type="button" className="primary" onClick={() => input.current?.click()} disabled={disabled}>
        Choose a file…
      </button>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        accept={ACCEPTED_EXTENSIONS.join(',')}
        aria-label="Choose a file to import"
        data-testid="import-file-input"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </div>
  );
}
