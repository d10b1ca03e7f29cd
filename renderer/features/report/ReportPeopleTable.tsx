// A table of persons for the report: name, company, connected, last contact, tier and score.
/** @jsxRuntime automatic */
import type { ReportPerson } from '../../../shared/report/people';
import { TIER_LABELS } from '../../../shared/report/tierLabels';
import { TIER_COLORS } from '../../components/charts/tierColors';

interface ReportPeopleTableProps {
  people: ReportPerson[];
  caption: string;
}

export function ReportPeopleTable({ people, caption }: ReportPeopleTableProps) {
  return (
    <table className="tc-people">
      <caption className="tc-sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Company</th>
          <th scope="col">Connected</th>
          <th scope="col">Last contact</th>
          <th scope="col">Tier</th>
          <th scope="col" className="tc-num">
            Score
          </th>
        </tr>
      </thead>
      <tbody>
        {people.map((p) => (
          <tr key={p.id}>
            <td className="tc-name">{p.name}</td>
            <td>{p.company}</td>
            <td className="tc-date">{p.connectedOn ?? '—'}</td>
            <td className="tc-date">{p.lastContact ?? 'never'}</td>
            <td className="tc-tier">
              <span className="tc-swatch" style={{ background: TIER_COLORS[p.tier] }} aria-hidden="true" />
              {TIER_LABELS[p.tier]}
            </td>
            <td className="tc-num">{p.score}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
