// One row of the people table, memoised: a selection change re-renders only the rows it touches.
import { memo, type MouseEvent } from 'react';
import type { AuditPerson } from '../../../shared/domain/audit';
import { TierBadge } from '../../components/TierBadge';
import { TagPill } from '../../components/TagPill';
import { formatDay } from '../../components/formatting';

export interface PersonRowProps {
  person: AuditPerson;
  index: number;
  start: number;
  selected: boolean;
  focused: boolean;
  onRowClick(id: string, e: MouseEvent): void;
  onToggle(id: string, shift: boolean): void;
}

export const PersonRow = memo(function PersonRow({ person: p, index, start, selected, focused, onRowClick, onToggle }: PersonRowProps) {
  return (
    <tr
      id={`person-row-${p.id}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-focused={focused || undefined}
      className="people-row"
      style={{ transform: `translateY(${start}px)` }}
      onMouseDown={(e) => {
        if (e.shiftKey) e.preventDefault();
      }}
      onClick={(e) => onRowClick(p.id, e)}
    >
      <td role="gridcell" className="people-cell-select" onClick={(e) => e.stopPropagation()}>
        <input
          type="checkbox"
          tabIndex={-1}
          checked={selected}
          aria-label={`Select ${p.name}`}
          onChange={(e) => onToggle(p.id, (e.nativeEvent as unknown as { shiftKey?: boolean }).shiftKey === true)}
        />
      </td>
      <td role="gridcell" className="people-cell-name">
        <a href={`#/person/${encodeURIComponent(p.id)}`} tabIndex={-1} onClick={(e) => e.stopPropagation()}>
          {p.name || '(no name)'}
        </a>
      </td>
      <td role="gridcell">
        <TierBadge tier={p.tier} />
      </td>
      <td role="gridcell" className="people-num">
        {p.score}
      </td>
      <td role="gridcell" className="people-date">
        {p.lastContact ? formatDay(p.lastContact) : <span className="muted">never</span>}
      </td>
      <td role="gridcell" className="people-date">
        {formatDay(p.connectedOn)}
      </td>
      <td role="gridcell" title={p.company}>
        {p.company}
      </td>
      <td role="gridcell" title={p.position}>
        {p.position}
      </td>
      <td role="gridcell" className="muted">
        {p.networks.join(', ')}
      </td>
      <td role="gridcell" className="people-cell-tags">
        {p.tags.map((t) => (
          <TagPill key={t} tag={t} />
        ))}
      </td>
    </tr>
  );
});
