// Persons per network split by tier, and the people linked on several networks (each combination opens them).
import { useMemo } from 'react';
import type { AuditPerson } from '../../../shared/domain/audit';
import { StackedTierBars } from '../../components/charts/StackedTierBars';
import { formatCount, formatNetwork, plural } from '../../components/formatting';
import { ChartCard } from './ChartCard';
import { countNetworks } from './networkOverlap';

export interface NetworkPanelProps {
  persons: readonly AuditPerson[];
  onSelect(filter: string): void;
}

export function NetworkPanel({ persons, onSelect }: NetworkPanelProps) {
  const overlap = useMemo(() => countNetworks(persons), [persons]);
  const lead =
    overlap.networks.length <= 1
      ? `All your connections come from ${overlap.networks[0]?.label ?? 'one network'}. Import another network (Facebook, Google or Outlook contacts) to see who is on several.`
      : `${plural(overlap.onSeveral, 'person is', 'people are')} linked to you on more than one network; they count once in the audit.`;
  return (
    <ChartCard id="dash-networks" title="Per network" lead={lead}>
      <StackedTierBars
        stacks={overlap.networks}
        label="Persons per network, split by tier (a person on several networks appears under each)."
        categoryName="Network"
        className="tc-network-bars"
        height={Math.min(260, 120 + overlap.networks.length * 30)}
        onSelect={onSelect}
      />
      {overlap.combinations.length > 0 ? (
        <ul className="dash-overlap" aria-label="People on several networks">
          {overlap.combinations.map((c) => (
            <li key={c.networks.join('+')}>
              <button type="button" className="link-button" onClick={() => onSelect(c.filter)}>
                {c.networks.map(formatNetwork).join(' + ')}
              </button>{' '}
              <span className="muted">{formatCount(c.count)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </ChartCard>
  );
}
