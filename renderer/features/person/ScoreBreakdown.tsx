// The score's breakdown: what each kind of evidence adds, as labelled bars with their numbers.
import { formatCount } from '../../components/formatting';

const PARTS: [string, string][] = [
  ['inPerson', 'In person'],
  ['callsAndVideo', 'Calls & video'],
  ['twoWayThreads', 'Two-way threads'],
  ['oneWay', 'One-way'],
];

export function ScoreBreakdown({ score, breakdown }: { score: number; breakdown: Record<string, number> }) {
  const known = new Set(PARTS.map(([k]) => k));
  const parts = [...PARTS, ...Object.keys(breakdown).filter((k) => !known.has(k)).map((k): [string, string] => [k, k])];
  const max = Math.max(1, ...parts.map(([k]) => breakdown[k] ?? 0));
  return (
    <figure className="score-breakdown">
      <figcaption>
        Score <strong>{score}</strong> of 100, from these weights (before the recency of the last conversation is taken into account):
      </figcaption>
      <dl>
        {parts.map(([key, label]) => {
          const value = breakdown[key] ?? 0;
          return (
            <div key={key} className="score-part">
              <dt>{label}</dt>
              <dd>
                <span className="score-bar" style={{ width: `${(value / max) * 100}%` }} aria-hidden="true" />
                <span className="score-value">{formatCount(Math.round(value * 10) / 10)}</span>
              </dd>
            </div>
          );
        })}
      </dl>
    </figure>
  );
}
