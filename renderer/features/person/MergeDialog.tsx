// The merge confirmation: both persons side by side (connections, company, tier, tags), which one is kept, and that Undo follows.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import type { PersonDetail, PersonId } from '../../../shared/api/schemas';
import type { AuditPerson, Tier } from '../../../shared/domain/audit';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TagPill } from '../../components/TagPill';
import { TierBadge } from '../../components/TierBadge';
import { formatDay, formatNetwork } from '../../components/formatting';

interface SideProps {
  role: string;
  name: string;
  company: string;
  position: string;
  tier: Tier;
  tags: string[];
  emails: string[];
  connections: PersonDetail['connections'] | null;
  networks: string[];
}

function PersonSide({ role, name, company, position, tier, tags, emails, connections, networks }: SideProps) {
  return (
    <section className="merge-side" aria-label={`${role}: ${name}`}>
      <p className="merge-side-role">{role}</p>
      <p className="merge-side-name">
        {name || '(no name)'} <TierBadge tier={tier} />
      </p>
      <p className="muted">{[position, company].filter(Boolean).join(' at ') || 'No company or position on record.'}</p>
      {connections ? (
        <ul className="merge-side-connections" aria-label={`Connections of ${name}`}>
          {connections.map((c) => (
            <li key={c.id}>
              <strong>{formatNetwork(c.network)}</strong> as {c.name || '(no name)'}, connected {formatDay(c.connectedOn)}
              {c.removedAt ? <span className="muted"> (removed {formatDay(c.removedAt)})</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{networks.map(formatNetwork).join(' + ') || 'No network'}</p>
      )}
      {emails.length ? <p className="muted">E-mail: {emails.join(', ')}</p> : null}
      {tags.length ? (
        <p className="merge-side-tags">
          {tags.map((t) => (
            <TagPill key={t} tag={t} />
          ))}
        </p>
      ) : null}
    </section>
  );
}

export interface MergeDialogProps {
  self: PersonDetail;
  other: AuditPerson;
  busy: boolean;
  returnFocus?: () => HTMLElement | null;
  onConfirm(): void;
  onCancel(): void;
}

export function MergeDialog({ self, other, busy, returnFocus, onConfirm, onCancel }: MergeDialogProps) {
  const otherDetail = useQuery({ queryKey: ['person', other.id], queryFn: () => api['person:get']({ id: other.id as PersonId }) });
  const o = otherDetail.data?.person ?? other;
  const p = self.person;
  return (
    <ConfirmDialog
      title={`Merge ${other.name} into ${p.name}?`}
      confirmLabel="Merge them"
      busy={busy}
      returnFocus={returnFocus}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        Say so only if they are one human being. {other.name}’s connections, records, tags and your link decisions move to {p.name}, and the name stays “{p.name}”. The
        message that follows has an Undo.
      </p>
      <div className="merge-sides">
        <PersonSide role="Kept" name={p.name} company={p.company} position={p.position} tier={p.tier} tags={p.tags} emails={p.emails} connections={self.connections} networks={p.networks} />
        <span className="merge-arrow" aria-hidden="true">
          ←
        </span>
        <PersonSide
          role="Merged in"
          name={o.name}
          company={o.company}
          position={o.position}
          tier={o.tier}
          tags={o.tags}
          emails={o.emails}
          connections={otherDetail.data?.connections ?? null}
          networks={o.networks}
        />
      </div>
      <p className="muted">Enter merges, Escape cancels.</p>
    </ConfirmDialog>
  );
}
