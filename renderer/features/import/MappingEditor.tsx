// The column mapping: for each field, which of the file's columns feeds it (or none); a read-only view for fixed layouts.
import { useId } from 'react';
import { FIXED_KINDS, type MappingField, type MissingField } from './mappingFields';

export interface MappingEditorProps {
  columns: string[];
  mapping: Record<string, string | null>;
  fields: MappingField[];
  onChange(field: string, column: string): void;
  /** Back to what Tiecheck recognised by the column names. */
  onReset?(): void;
  disabled?: boolean;
  readOnly?: boolean;
  /** What the person must still choose, named in the note above the grid and marked on its select. */
  missing?: MissingField[];
}

export function MappingEditor({ columns, mapping, fields, onChange, onReset, disabled, readOnly = false, missing = [] }: MappingEditorProps) {
  const offersKinds = fields.some((f) => f.field === 'kind');
  // A label apart from its select: wrapped, the select's chosen option would become part of its name.
  const idBase = useId();
  return (
    <fieldset className="import-mapping" disabled={disabled || readOnly} data-testid="mapping-editor">
      <legend>Which column holds what</legend>
      {missing.length > 0 ? (
        <p className="import-mapping-needed" role="status" data-testid="mapping-needed">
          Tiecheck could not tell from the column names where to find {joinWords(missing.map((m) => m.words))}. Choose below; nothing is written until you press Import.
        </p>
      ) : null}
      <p className="muted">
        {readOnly
          ? 'This export always uses these columns; there is nothing to map.'
          : `Recognised from the column names. Fix anything that is wrong, or choose (none) to leave a column out; the preview below follows.`}
      </p>
      <div className="import-mapping-grid">
        {fields.map(({ field, label }) => {
          const value = mapping[field] ?? '';
          const fixed = field === 'kind' && offersKinds && value !== '' && !columns.includes(value);
          return (
            <div key={field} className="import-mapping-field">
              <label htmlFor={`${idBase}-${field}`}>{label}</label>
              <select id={`${idBase}-${field}`} value={value} onChange={(e) => onChange(field, e.target.value)} data-field={field} aria-invalid={missing.some((m) => m.field === field) || undefined}>
                <option value="">
                  (none)
                </option>
                <optgroup label="Columns in this file">
                  {columns.map((c, i) => (
                    <option key={`${c}-${i}`} value={c}>
                      {c || `(column ${i + 1}, no name)`}
                    </option>
                  ))}
                </optgroup>
                {field === 'kind' ? (
                  <optgroup label="Every row is">
                    {FIXED_KINDS.map((k) => (
                      <option key={k.value} value={k.value}>
                        {k.label}
                      </option>
                    ))}
                    {fixed && !FIXED_KINDS.some((k) => k.value === value) ? <option value={value}>{value}</option> : null}
                  </optgroup>
                ) : null}
              </select>
            </div>
          );
        })}
      </div>
      {onReset && !readOnly ? (
        <button type="button" className="link-button import-mapping-reset" onClick={onReset}>
          Start again from what Tiecheck recognised
        </button>
      ) : null}
    </fieldset>
  );
}

function joinWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
