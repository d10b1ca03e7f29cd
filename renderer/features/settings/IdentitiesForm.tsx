// "My identities": the user's own emails, names, profile URLs and phones, so their own records never become a person.
import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';

type Kind = 'email' | 'url' | 'phone' | 'name';
export interface Identity {
  kind: Kind;
  value: string;
}

const KIND_LABELS: Record<Kind, string> = { email: 'Email', name: 'Name', url: 'Profile URL', phone: 'Phone' };
const PLACEHOLDERS: Record<Kind, string> = { email: 'you@example.com', name: 'Your Name', url: 'https://www.linkedin.com/in/you', phone: '+44 20 7946 0000' };

export function IdentitiesForm({ me }: { me: Identity[] }) {
  const queryClient = useQueryClient();
  const [list, setList] = useState<Identity[]>(me);
  const [kind, setKind] = useState<Kind>('email');
  const [value, setValue] = useState('');
  useEffect(() => setList(me), [me]);
  const save = useMutation({
    mutationFn: (next: Identity[]) => api['settings:setMe']({ me: next }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  const add = (e: FormEvent) => {
    e.preventDefault();
    const v = value.trim();
    if (!v || list.some((i) => i.kind === kind && i.value.toLowerCase() === v.toLowerCase())) return;
    const next = [...list, { kind, value: v }];
    setList(next);
    setValue('');
    save.mutate(next);
  };
  const remove = (index: number) => {
    const next = list.filter((_, i) => i !== index);
    setList(next);
    save.mutate(next);
  };
  return (
    <section className="card settings-form" aria-labelledby="me-title">
      <h2 id="me-title">My identities</h2>
      <p className="muted">Your own addresses, names, profiles and numbers. Tiecheck uses them to tell which side of a conversation is you, and never turns them into a person.</p>
      {list.length === 0 ? (
        <p>None yet. Add at least the email address of your mail archive, or two-way threads cannot be told from one-way ones.</p>
      ) : (
        <ul className="settings-identities" aria-label="My identities">
          {list.map((i, index) => (
            <li key={`${i.kind}:${i.value}`}>
              <span className="settings-kind">{KIND_LABELS[i.kind]}</span>
              <span className="settings-value">{i.value}</span>
              <button type="button" onClick={() => remove(index)} aria-label={`Remove ${KIND_LABELS[i.kind].toLowerCase()} ${i.value}`} disabled={save.isPending}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="settings-add" onSubmit={add}>
        <label htmlFor="me-kind">Kind</label>
        <select id="me-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {(Object.keys(KIND_LABELS) as Kind[]).map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <label htmlFor="me-value">Value</label>
        <input id="me-value" value={value} placeholder={PLACEHOLDERS[kind]} onChange={(e) => setValue(e.target.value)} maxLength={500} />
        <button type="submit" disabled={!value.trim() || save.isPending}>
          Add
        </button>
      </form>
      <p role="status" aria-live="polite" className="muted">
        {save.isPending ? 'Saving…' : save.isSuccess ? 'Saved.' : ''}
      </p>
      {save.isError ? <ErrorNotice title="Your identities were not saved" error={save.error} /> : null}
    </section>
  );
}
