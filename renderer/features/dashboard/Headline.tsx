// The headline: the real share as a big number, the counts behind it, the verdict, and the tier donut.
import { TIERS } from '../../../shared/domain/audit';
import type { ReportModel } from '../../../shared/report/model';
import { TierDonut } from '../../components/charts/TierDonut';
import { TIER_COLORS } from '../../components/charts/tierColors';
import { formatCount, formatDay, formatPercent } from '../../components/formatting';

export interface HeadlineProps {
  model: ReportModel;
  onSelect(filter: string): void;
}

export function Headline({ model: m, onSelect }: HeadlineProps) {
  const s = m.summary;
  return (
    <section className="card dash-headline" aria-labelledby="dash-share-title">
      <div className="dash-share">
        <h2 id="dash-share-title" className="dash-kicker">
          Real share · as of {formatDay(m.asOf)}
        </h2>
        <p className="dash-share-number" data-testid="real-share" data-share={s.realShare} style={{ color: TIER_COLORS.real }}>
          {formatPercent(s.persons ? s.real / s.persons : 0)}
        </p>
        <p className="dash-share-caption">
          <strong>{formatCount(s.real)}</strong> real of <strong>{formatCount(s.persons)}</strong> connected {s.persons === 1 ? 'person' : 'people'}
        </p>
        <p className="dash-verdict" data-testid="verdict">
          {m.verdict}
        </p>
        <ul className="dash-counts" aria-label="Persons per tier">
          {TIERS.map((t) => {
            const slice = m.tiers.find((x) => x.tier === t)!;
            return (
              <li key={t}>
                <button type="button" className="dash-count" onClick={() => onSelect(slice.filter)} title={slice.meaning}>
                  <span className="dash-swatch" style={{ background: TIER_COLORS[t] }} aria-hidden="true" />
                  <span className="dash-count-label">{slice.label}</span>
                  <span className="dash-count-number">{formatCount(slice.count)}</span>
                  <span className="dash-count-share">{formatPercent(slice.share)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      <div className="dash-donut">
        <TierDonut slices={m.tiers} height={240} onSelect={onSelect} />
      </div>
    </section>
  );
}
