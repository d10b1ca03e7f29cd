// The column mapping: for each connection field, which of the file's columns feeds it (or none).
import { MAPPING_FIELDS } from './detectKind';

export interface MappingEditorProps {
  columns: string[];
  mapping: Record<string, string | null>;
  onChange(field: string, column: string): void;
  disabled?: boolean;
}

export function MappingEditor({ columns, mapping, onChange, disabled }: MappingEditorProps) {
  return (
    <fieldset className="import-mapping" disabled={disabled}>
      <legend>Which column holds what</legend>
      <p className="muted">Recognised from the column names. Fix anything that is wrong; the preview below follows.</p>
      <div className="import-mapping-grid">
        {MAPPING_FIELDS.map(({ field, label }) => (
          <label key={field} className="import-mapping-field">
            <span>{label}</span>
            <select value={mapping[field] ?? ''} onChange={(e) => onChange(field, e.target.value)} data-field={field}>
              <option value="">(none)</option>
              {columns.map((c, i) => (
                <option key={`${c}-${i}`} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
