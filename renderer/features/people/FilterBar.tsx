// The filter: a text box in the SPEC §9 language with errors that underline the offending word, and chips for every field.
import { useId, useState } from 'react';
import { FIELD_SPECS, FilterError, TIERS_FOR_CHIPS, type ChipOp, type FilterChip, type FilterField } from './filterFields';
import { chipLabel, chipsToText, errorSpan, type FilterCheck } from './filterInput';

export interface FilterBarProps {
  draft: string;
  check: FilterCheck;
  onDraft(text: string): void;
  tags: string[];
  networks: string[];
}

/** SPEC §7's fields first, in the words a person would use. */
const FIELD_LABELS: [FilterField, string][] = [
  ['tier', 'Tier'],
  ['network', 'Network'],
  ['connectedOn', 'Connected on'],
  ['company', 'Company'],
  ['lastContact', 'Last contact'],
  ['score', 'Score'],
  ['tag', 'Tag'],
  ['text', 'Any text'],
  ['name', 'Name'],
  ['position', 'Position'],
  ['inPerson', 'Met in person (times)'],
  ['conversations', 'Conversations'],
];

const OP_WORDS: Record<string, string> = { '=': 'is', '!=': 'is not', '<': 'before / below', '<=': 'up to', '>': 'after / above', '>=': 'from', '~': 'contains', in: 'is one of' };

function defaultOp(field: FilterField): ChipOp {
  const kind = FIELD_SPECS[field].kind;
  if (kind === 'date') return '<';
  if (kind === 'number') return '>=';
  if (kind === 'string' || kind === 'search') return '~';
  return '=';
}

export function FilterBar({ draft, check, onDraft, tags, networks }: FilterBarProps) {
  const id = useId();
  const [field, setField] = useState<FilterField>('tier');
  const [op, setOp] = useState<ChipOp>('=');
  const [value, setValue] = useState('dilution');
  const [negate, setNegate] = useState(false);
  const [chipError, setChipError] = useState<string | null>(null);

  const spec = FIELD_SPECS[field];
  const ops: ChipOp[] = [...spec.ops, 'in'];
  const chips = check.ok ? check.chips : null;

  const setChips = (next: FilterChip[]) => {
    try {
      onDraft(chipsToText(next));
      setChipError(null);
    } catch (err) {
      setChipError(err instanceof FilterError ? err.message : String(err));
    }
  };

  const addChip = () => {
    if (!chips) return;
    const raw = value.trim();
    if (raw === '') {
      setChipError('Give the condition a value.');
      return;
    }
    const chipValue = op === 'in' ? raw.split(',').map((v) => v.trim()).filter(Boolean) : raw;
    setChips([...chips, { field, op, value: chipValue, ...(negate ? { not: true } : {}) }]);
  };

  const chooseField = (f: FilterField) => {
    setField(f);
    setOp(defaultOp(f));
    setValue(f === 'tier' ? 'dilution' : f === 'tag' ? 'prune' : '');
    setChipError(null);
  };

  const span = check.ok ? null : errorSpan(check.text, check.position, check.token);
  const listId = `${id}-values`;
  const suggestions = field === 'tag' ? tags : field === 'network' ? networks : [];

  return (
    <section className="filter-bar" aria-label="Filter">
      <div className="filter-text">
        <label htmlFor={`${id}-text`}>Filter</label>
        <input
          id={`${id}-text`}
          type="search"
          value={draft}
          spellCheck={false}
          autoComplete="off"
          placeholder="e.g. tier=dilution and connectedOn<2016-01-01 and not tag=keep"
          aria-invalid={!check.ok}
          aria-describedby={`${id}-status`}
          onChange={(e) => onDraft(e.target.value)}
        />
      </div>
      <div id={`${id}-status`} className="filter-status" aria-live="polite">
        {span && !check.ok ? (
          <p className="filter-error">
            <code className="filter-echo">
              {span.before}
              <span className="filter-bad">{span.bad}</span>
              {span.after}
            </code>
            <span className="error">{check.message}</span>
          </p>
        ) : null}
      </div>
      <div className="filter-chips" aria-label="Conditions">
        {chips === null ? (
          <span className="muted">{check.ok ? 'This filter uses "or" or parentheses: edit it as text.' : 'Fix the filter text to edit it as conditions.'}</span>
        ) : chips.length === 0 ? (
          <span className="muted">No conditions: showing everyone.</span>
        ) : (
          chips.map((chip, i) => (
            <span className="filter-chip" key={`${i}-${chipLabel(chip)}`}>
              {chipLabel(chip)}
              <button type="button" aria-label={`Remove condition ${chipLabel(chip)}`} onClick={() => setChips(chips.filter((_, j) => j !== i))}>
                ×
              </button>
            </span>
          ))
        )}
      </div>
      <form
        className="filter-builder"
        aria-label="Add a condition"
        onSubmit={(e) => {
          e.preventDefault();
          addChip();
        }}
      >
        <label className="filter-not">
          <input type="checkbox" checked={negate} onChange={(e) => setNegate(e.target.checked)} /> not
        </label>
        <label className="visually-hidden" htmlFor={`${id}-field`}>
          Field
        </label>
        <select id={`${id}-field`} value={field} onChange={(e) => chooseField(e.target.value as FilterField)}>
          {FIELD_LABELS.map(([f, label]) => (
            <option key={f} value={f}>
              {label}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor={`${id}-op`}>
          Operator
        </label>
        <select id={`${id}-op`} value={op} onChange={(e) => setOp(e.target.value as ChipOp)}>
          {ops.map((o) => (
            <option key={o} value={o}>
              {OP_WORDS[o] ?? o}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor={`${id}-value`}>
          Value
        </label>
        {spec.kind === 'tier' && op !== 'in' ? (
          <select id={`${id}-value`} value={value} onChange={(e) => setValue(e.target.value)}>
            {TIERS_FOR_CHIPS.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        ) : (
          <input
            id={`${id}-value`}
            value={value}
            list={suggestions.length ? listId : undefined}
            inputMode={spec.kind === 'number' ? 'numeric' : undefined}
            placeholder={op === 'in' ? 'a, b, c' : spec.kind === 'date' ? 'YYYY, YYYY-MM or YYYY-MM-DD' : spec.kind === 'number' ? '0–100' : spec.allowsNone ? 'text, or none' : 'text'}
            onChange={(e) => setValue(e.target.value)}
          />
        )}
        {suggestions.length ? (
          <datalist id={listId}>
            {suggestions.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        ) : null}
        <button type="submit" disabled={chips === null}>
          Add condition
        </button>
        {chipError ? (
          <span className="error" role="alert">
            {chipError}
          </span>
        ) : null}
      </form>
    </section>
  );
}
