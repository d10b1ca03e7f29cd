// The audit report (SPEC §8) as one React component: the same markup in the window, the browser and the CLI's HTML file.
/** @jsxRuntime automatic */
import type { ReactNode } from 'react';
import type { ReportModel } from '../../../shared/report/model';
import { formatCount, formatPercent } from '../../../shared/report/verdict';
import { CohortBars } from '../../components/charts/CohortBars';
import { DilutionCompanies } from '../../components/charts/DilutionCompanies';
import { DunbarLayers } from '../../components/charts/DunbarLayers';
import { LastContactBars } from '../../components/charts/LastContactBars';
import { ScoreHistogram } from '../../components/charts/ScoreHistogram';
import { TierDonut } from '../../components/charts/TierDonut';
import { TIER_COLORS } from '../../components/charts/tierColors';
import { TrendLine } from '../../components/charts/TrendLine';
import { ReportPeopleTable } from './ReportPeopleTable';
import * as text from './reportText';

export interface ReportProps {
  model: ReportModel;
  /** Static rendering for the HTML file: fixed sizes, no animation. */
  static?: boolean;
  /** Chart width in pixels; the A4 page's printable width by default. */
  chartWidth?: number;
  /** In the app: open the people table filtered (SPEC §9 filter). */
  onSelect?(filter: string): void;
}

/** 180 mm (A4 less 15 mm margins) at 96 dpi is 680 px. */
export const REPORT_CHART_WIDTH = 680;

/**
 * In print, a chart section never splits (its heading stays with its chart) and so starts a new
 * page when it does not fit; the long prune list flows across pages; `pageBreak` forces a new page.
 */
function Section({ id, title, lead, pageBreak, flows, children }: { id: string; title: string; lead: string | null; pageBreak?: boolean; flows?: boolean; children?: ReactNode }) {
  return (
    <section id={id} className={['tc-section', pageBreak ? 'tc-page' : '', flows ? '' : 'tc-keep'].filter(Boolean).join(' ')} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {lead ? <p className="tc-lead">{lead}</p> : null}
      {children}
    </section>
  );
}

export function Report({ model: m, static: isStatic, chartWidth = REPORT_CHART_WIDTH, onSelect }: ReportProps) {
  const chart = { static: isStatic, width: isStatic ? chartWidth : undefined, onSelect };
  const s = m.summary;
  // Only the exported file is a whole document; inside the app the report sits in the app's own <main>.
  const Root = isStatic ? 'main' : 'article';
  return (
    <Root className="tc-report" aria-label={isStatic ? undefined : 'Audit report'}>
      <header className="tc-header">
        <p className="tc-kicker">Tiecheck · network audit as of {text.formatDay(m.asOf)}</p>
        <h1>How real is your network?</h1>
        <div className="tc-headline">
          <p className="tc-share" aria-label={`Real share: ${formatPercent(s.realShare)}`}>
            <span className="tc-share-number" style={{ color: TIER_COLORS.real }}>
              {s.persons ? formatPercent(s.real / s.persons) : '—'}
            </span>
            <span className="tc-share-caption">
              real · {formatCount(s.real)} of {formatCount(s.persons)}
            </span>
          </p>
          <p className="tc-verdict">{m.verdict}</p>
        </div>
      </header>

      {s.persons === 0 ? <Section id="empty" title="Nothing to audit yet" lead={text.EMPTY_REPORT} /> : <ReportBody model={m} chart={chart} isStatic={isStatic} />}

      <footer className="tc-footer">
        <p>
          Audit as of <strong>{text.formatDay(m.asOf)}</strong> ({m.asOf}). Records dated after that day were ignored. Made by Tiecheck on your own machine: nothing in this file
          was sent anywhere.
        </p>
        <table className="tc-rules">
          <caption>Rules used</caption>
          <tbody>
            {m.ruleLines.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                <td className="tc-num">{r.value}</td>
                <td>{r.meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </footer>
    </Root>
  );
}

interface ChartCommon {
  static?: boolean;
  width?: number;
  onSelect?(filter: string): void;
}

/** Every section of SPEC §8 between the headline and the footer, for an audit with people in it. */
function ReportBody({ model: m, chart, isStatic }: { model: ReportModel; chart: ChartCommon; isStatic?: boolean }) {
  const overflow = text.explainDunbarOverflow(m);
  return (
    <>
      <Section id="tiers" title="Persons per tier" lead={text.explainTiers(m)}>
        <div className="tc-tiers">
          <TierDonut slices={m.tiers} {...chart} width={isStatic ? 220 : undefined} height={220} />
          <table className="tc-tier-table">
            <thead>
              <tr>
                <th scope="col">Tier</th>
                <th scope="col">What it means</th>
                <th scope="col" className="tc-num">
                  Persons
                </th>
                <th scope="col" className="tc-num">
                  Share
                </th>
              </tr>
            </thead>
            <tbody>
              {m.tiers.map((t) => (
                <tr key={t.tier}>
                  <th scope="row">
                    <span className="tc-swatch" style={{ background: TIER_COLORS[t.tier] }} aria-hidden="true" />
                    {t.label}
                  </th>
                  <td>{t.meaning}</td>
                  <td className="tc-num">{formatCount(t.count)}</td>
                  <td className="tc-num">{formatPercent(t.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>

      <Section id="strength" title="Strength distribution" lead={text.explainScores(m)}>
        <ScoreHistogram bins={m.scoreBins} {...chart} height={230} />
      </Section>

      <Section id="cohorts" title="Connections added per year" lead={text.explainCohorts(m)}>
        <CohortBars cohorts={m.cohorts} {...chart} height={260} />
      </Section>

      <Section id="last-contact" title="Time since last contact" lead={text.explainLastContact(m)}>
        <LastContactBars buckets={m.lastContact} {...chart} height={220} />
      </Section>

      <Section id="companies" title="Companies with the most dilution" lead={text.explainCompanies(m)}>
        {m.dilutionCompanies.length > 0 ? <DilutionCompanies companies={m.dilutionCompanies} {...chart} /> : null}
      </Section>

      <Section id="dunbar" title="Your network against Dunbar's layers" lead={text.explainDunbar(m)}>
        <DunbarLayers layers={m.dunbar.layers} {...chart} />
        <p className="tc-note">{text.DUNBAR_DEFINITION}</p>
        {overflow ? <p className="tc-note">{overflow}</p> : null}
      </Section>

      <Section id="trend" title="The trend over your audits" lead={text.explainTrend(m)}>
        <TrendLine points={m.trend} {...chart} height={200} />
        <p className="tc-line-legend" aria-hidden="true">
          <span className="tc-line" style={{ borderTopColor: TIER_COLORS.real }} /> real share
          <span className="tc-line tc-line-dashed" style={{ borderTopColor: TIER_COLORS.dilution }} /> dilution share
        </p>
      </Section>

      <Section id="strongest" title="Your strongest relationships" lead={text.explainStrongest(m)}>
        {m.strongest.length > 0 ? <ReportPeopleTable people={m.strongest} caption="Strongest relationships, by strength score" /> : null}
      </Section>

      <Section id="prune" title="Prune candidates" lead={text.explainPrune(m)} flows>
        {m.pruneCandidates.length > 0 ? (
          <ReportPeopleTable people={m.pruneCandidates} caption={`Prune candidates: ${formatCount(m.pruneCandidates.length)} of ${formatCount(m.pruneTotal)}`} />
        ) : null}
        {m.pruneCandidates.length < m.pruneTotal ? (
          <p className="tc-note">
            Showing {formatCount(m.pruneCandidates.length)} of {formatCount(m.pruneTotal)}.
          </p>
        ) : null}
      </Section>
    </>
  );
}
