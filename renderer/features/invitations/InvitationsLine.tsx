// The dashboard's one line about the gate: how many invitations wait, and how many are from strangers.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import './invitations.css';

export function InvitationsLine() {
  const list = useQuery({ queryKey: ['invites:list'], queryFn: () => api['invites:list']({}) });
  const rows = list.data?.invitations ?? [];
  if (rows.length === 0) return null;
  const never = rows.filter((r) => r.verdict === 'never').length;
  return (
    <p className="card dash-invitations" data-testid="dashboard-invitations">
      <strong>{rows.length}</strong> {rows.length === 1 ? 'invitation is' : 'invitations are'} waiting; <strong>{never}</strong> from{' '}
      {never === 1 ? 'someone' : 'people'} you have never written to or met. <a href="#/invitations">Judge them by your own rule</a>
    </p>
  );
}
