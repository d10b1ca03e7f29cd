// Persons per network split by tier, and how many are on several networks at once (the overlap).
import { TIERS, type AuditPerson } from '../../../shared/domain/audit';
import { emptyTierCounts, type TierCounts } from '../../../shared/report/cohorts';
import { allOf, quoteFilterValue } from '../../../shared/report/filters';
import { formatNetwork } from '../../components/formatting';

export interface NetworkStack {
  label: string;
  /** The stored name, e.g. `linkedin`. */
  network: string;
  counts: TierCounts;
  total: number;
  filter: string;
}

export interface NetworkCombination {
  networks: string[];
  count: number;
  filter: string;
}

export interface NetworkOverlap {
  networks: NetworkStack[];
  /** Persons linked on two networks or more. */
  onSeveral: number;
  /** The most common combinations of two or more networks, largest first. */
  combinations: NetworkCombination[];
}

function networkFilter(network: string): string {
  return `network=${/^[\w.-]+$/.test(network) ? network : quoteFilterValue(network)}`;
}

/** One pass over the persons: bounded output (networks and combinations), whatever the network's size. */
export function countNetworks(persons: readonly AuditPerson[], maxCombinations = 6): NetworkOverlap {
  const byNetwork = new Map<string, TierCounts>();
  const byCombination = new Map<string, number>();
  let onSeveral = 0;
  for (const p of persons) {
    const nets = [...new Set(p.networks)].sort();
    for (const n of nets) {
      let c = byNetwork.get(n);
      if (!c) byNetwork.set(n, (c = emptyTierCounts()));
      c[p.tier] += 1;
    }
    if (nets.length > 1) {
      onSeveral += 1;
      const key = nets.join('\u0000');
      byCombination.set(key, (byCombination.get(key) ?? 0) + 1);
    }
  }
  const networks = [...byNetwork.entries()]
    .map(([network, counts]) => ({ label: formatNetwork(network), network, counts, total: TIERS.reduce((n, t) => n + counts[t], 0), filter: networkFilter(network) }))
    .sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));
  const combinations = [...byCombination.entries()]
    .map(([key, count]) => {
      const nets = key.split('\u0000');
      return { networks: nets, count, filter: allOf(...nets.map(networkFilter)) };
    })
    .sort((a, b) => b.count - a.count)
    .slice(0, maxCombinations);
  return { networks, onSeveral, combinations };
}
