// Who moved since the last saved audit, by name: pruned, back to real, faded, newly connected.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import type { Response } from '../../../shared/api/contract';

type Changes = NonNullable<Response<'audit:changes'>['changes']>;
type Group = Changes['pruned'];

const GROUPS: { key: 'pruned' | 'revived' | 'faded' | 'added'; title: string }[] = [
  { key: 'pruned', title: 'Pruned, or they left' },
  { key: 'revived', title: 'Back to real' },
  { key: 'faded', title: 'No longer real' },
  { key: 'added', title: 'Newly connected' },
];

const SHOWN = 8;

function GroupList({ title, group }: { title: string; group: Group }) {
  if (group.count === 0) return null;
  return (
    <div className="dash-who">
      <h4>
        {title} <span className="muted">({group.count})</span>
      </h4>
      <ul>
        {group.people.slice(0, SHOWN).map((p) => (
          <li key={p.id}>
            {p.to === 'removed' ? p.name : <a href={`#/person/${encodeURIComponent(p.id)}`}>{p.name}</a>}
          </li>
        ))}
        {group.count > SHOWN && <li className="muted">and {group.count - SHOWN} more</li>}
      </ul>
    </div>
  );
}

export function WhoChanged({ asOf }: { asOf?: string }) {
  const query = useQuery({ queryKey: ['audit:changes', asOf ?? null], queryFn: () => api['audit:changes'](asOf ? { asOf } : {}) });
  const changes = query.data?.changes;
  if (!changes) return null;
  const any = GROUPS.some((g) => changes[g.key].count > 0);
  if (!any) return null;
  return (
    <div className="dash-who-grid" aria-label="Who changed since the last audit">
      {GROUPS.map((g) => (
        <GroupList key={g.key} title={g.title} group={changes[g.key]} />
      ))}
    </div>
  );
}
