// The audit rules (SPEC §2–§4 thresholds) as a small form; saving recomputes every audit on screen.
import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AuditRules } from '../../../shared/domain/audit';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';

const FIELDS: { key: keyof AuditRules; label: string; help: string; min: number; max: number }[] = [
  { key: 'recentMonths', label: 'Recent means within (months)', help: 'A real relationship had a conversation within this many months. Older than that, it is fading.', min: 1, max: 600 },
  { key: 'minConversations', label: 'Conversations that make it real', help: 'Two-way threads, connected calls and meetings needed when you never met in person.', min: 1, max: 100 },
  { key: 'minInPerson', label: 'In-person meetings that make it real', help: 'Meeting this many times is enough on its own.', min: 1, max: 100 },
  { key: 'smallGroupMax', label: 'Largest small group (people besides you)', help: 'A meeting with more people than this is a gathering: "a short chat at a seminar does not make them my friend".', min: 1, max: 1000 },
];

export function RulesForm({ rules }: { rules: AuditRules }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Record<keyof AuditRules, string>>(() => toDraft(rules));
  useEffect(() => setDraft(toDraft(rules)), [rules]);
  const save = useMutation({
    mutationFn: (next: Partial<AuditRules>) => api['settings:setRules']({ rules: next }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  const invalid = FIELDS.filter((f) => {
    const n = Number(draft[f.key]);
    return !Number.isInteger(n) || n < f.min || n > f.max;
  });
  const changed = FIELDS.some((f) => Number(draft[f.key]) !== rules[f.key]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (invalid.length) return;
    save.mutate(Object.fromEntries(FIELDS.map((f) => [f.key, Number(draft[f.key])])) as Partial<AuditRules>);
  };
  return (
    <form className="card settings-form" onSubmit={submit} aria-labelledby="rules-title">
      <h2 id="rules-title">Rules</h2>
      <p className="muted">What counts as a real relationship. The dashboard and the people table recompute as soon as you save.</p>
      {FIELDS.map((f) => (
        <div className="settings-field" key={f.key}>
          <label htmlFor={`rule-${f.key}`}>{f.label}</label>
          <input
            id={`rule-${f.key}`}
            name={f.key}
            type="number"
            inputMode="numeric"
            min={f.min}
            max={f.max}
            step={1}
            value={draft[f.key]}
            aria-describedby={`rule-${f.key}-help`}
            aria-invalid={invalid.includes(f) || undefined}
            onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
          />
          <p id={`rule-${f.key}-help`} className="settings-help">
            {f.help} {invalid.includes(f) ? <span className="error">Use a whole number from {f.min} to {f.max}.</span> : null}
          </p>
        </div>
      ))}
      <div className="settings-actions">
        <button type="submit" className="primary" disabled={!changed || invalid.length > 0 || save.isPending}>
          {save.isPending ? 'Saving…' : 'Save rules'}
        </button>
        <button type="button" disabled={!changed || save.isPending} onClick={() => setDraft(toDraft(rules))}>
          Discard changes
        </button>
        <span role="status" aria-live="polite" className="muted">
          {save.isSuccess && !changed ? 'Saved. The audit has been recomputed.' : ''}
        </span>
      </div>
      {save.isError ? <ErrorNotice title="The rules were not saved" error={save.error} /> : null}
    </form>
  );
}

function toDraft(rules: AuditRules): Record<keyof AuditRules, string> {
  return { recentMonths: String(rules.recentMonths), smallGroupMax: String(rules.smallGroupMax), minConversations: String(rules.minConversations), minInPerson: String(rules.minInPerson) };
}
