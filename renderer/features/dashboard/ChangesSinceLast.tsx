// What changed since the previous saved audit: connections, real, fading and dilution, as plain signed counts.
import type { AuditSnapshotSummary } from '../../../shared/report/trend';
import type { AuditSummary } from '../../../shared/domain/audit';
import { formatDay, formatDelta, formatPercent } from '../../components/formatting';
import { WhoChanged } from './WhoChanged';

export interface ChangesSinceLastProps {
  asOf: string;
  summary: AuditSummary;
  history: readonly AuditSnapshotSummary[];
}

/** The latest snapshot of an earlier day: same-day snapshots are this audit re-run, not history. */
export function pickPrevious(asOf: string, history: readonly AuditSnapshotSummary[]): AuditSnapshotSummary | null {
  let best: AuditSnapshotSummary | null = null;
  for (const h of history) {
    if (h.asOf >= asOf) continue;
    if (!best || h.asOf > best.asOf || (h.asOf === best.asOf && h.createdAt > best.createdAt)) best = h;
  }
  return best;
}

function sentence(now: AuditSummary, before: AuditSummary): string {
  const parts: string[] = [];
  const gone = before.persons - now.persons;
  if (gone > 0) parts.push(`${gone} fewer connection${gone === 1 ? '' : 's'} (pruned, or they left)`);
  if (gone < 0) parts.push(`${-gone} new connection${gone === -1 ? '' : 's'}`);
  const real = now.real - before.real;
  if (real > 0) parts.push(`${real} more real relationship${real === 1 ? '' : 's'} (revived or new)`);
  if (real < 0) parts.push(`${-real} fewer real relationship${real === -1 ? '' : 's'}`);
  const fading = now.fading - before.fading;
  if (fading > 0) parts.push(`${fading} more fading`);
  if (parts.length === 0) return 'Nothing moved. Same network, same share.';
  return `${parts.join('; ')}.`;
}

export function ChangesSinceLast({ asOf, summary, history }: ChangesSinceLastProps) {
  const previous = pickPrevious(asOf, history);
  if (!previous) {
    return <p className="muted">No earlier audit to compare with. Each day you open the dashboard, its audit is saved; come back later to see what changed.</p>;
  }
  const b = previous.summary;
  const rows: { label: string; before: string; now: string; delta: number }[] = [
    { label: 'Connected people', before: String(b.persons), now: String(summary.persons), delta: summary.persons - b.persons },
    { label: 'Real', before: String(b.real), now: String(summary.real), delta: summary.real - b.real },
    { label: 'Fading', before: String(b.fading), now: String(summary.fading), delta: summary.fading - b.fading },
    { label: 'Acquaintance', before: String(b.acquaintance), now: String(summary.acquaintance), delta: summary.acquaintance - b.acquaintance },
    { label: 'Dilution', before: String(b.dilution), now: String(summary.dilution), delta: summary.dilution - b.dilution },
  ];
  const realShare = b.persons ? b.real / b.persons : 0;
  return (
    <div className="dash-changes">
      <p>
        Since {formatDay(previous.asOf)} (real share then {formatPercent(realShare)}): {sentence(summary, b)}
      </p>
      <table className="dash-table">
        <caption className="visually-hidden">Counts at the previous audit and now</caption>
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col" className="num">
              {formatDay(previous.asOf)}
            </th>
            <th scope="col" className="num">
              Now
            </th>
            <th scope="col" className="num">
              Change
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td className="num">{r.before}</td>
              <td className="num">{r.now}</td>
              <td className="num">{formatDelta(r.delta)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <WhoChanged />
    </div>
  );
}
