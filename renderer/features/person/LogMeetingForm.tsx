// "Log a meeting": kind, date (today by default) and a note, stored as a record linked to this person by your word.
import { useId, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import type { Tier } from '../../../shared/domain/audit';
import { describeError } from '../../components/ErrorNotice';
import { todayUtc } from '../../components/formatting';
import { TIER_LABELS } from '../../../shared/report/tierLabels';

const KINDS = [
  ['in_person', 'In person'],
  ['call', 'Call'],
  ['video', 'Video'],
  ['email', 'Email'],
  ['message', 'Message'],
] as const;
type Kind = (typeof KINDS)[number][0];

export function LogMeetingForm({ personId, tierBefore }: { personId: string; tierBefore: Tier }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>('in_person');
  const [date, setDate] = useState(todayUtc);
  const [note, setNote] = useState('');
  const [state, setState] = useState<{ busy: boolean; message: string | null; error: string | null }>({ busy: false, message: null, error: null });

  const submit = async () => {
    setState({ busy: true, message: null, error: null });
    try {
      await api['meet:log']({ with: [personId], kind, date, ...(note.trim() ? { note: note.trim() } : {}) });
      await queryClient.invalidateQueries();
      const after = queryClient.getQueryData<{ person: { tier: Tier } }>(['person', personId])?.person.tier;
      const change = after && after !== tierBefore ? ` Tier: ${TIER_LABELS[tierBefore]} → ${TIER_LABELS[after]}.` : after ? ` Tier stays ${TIER_LABELS[after]}.` : '';
      setState({ busy: false, message: `Logged.${change}`, error: null });
      setNote('');
    } catch (err) {
      setState({ busy: false, message: null, error: describeError(err) });
    }
  };

  const future = date > todayUtc();
  return (
    <form
      className="meet-form"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id={`${id}-h`}>Log a meeting</h2>
      <div className="meet-fields">
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {KINDS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Date
          <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label className="meet-note">
          Note
          <input value={note} maxLength={2000} placeholder="Lunch at the usual place" onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={state.busy || !date}>
          {state.busy ? 'Logging…' : 'Log it'}
        </button>
      </div>
      {future ? <p className="muted">That date is after today: the audit ignores it until then.</p> : null}
      <p aria-live="polite" className={state.error ? 'error' : 'meet-result'}>
        {state.error ?? state.message ?? ''}
      </p>
    </form>
  );
}
