// The dashboard: the real share, every chart of the audit (each opens the people behind it), trend and changes.
import { useMemo } from 'react';
import { buildReportModel } from '../../../shared/report/model';
import { openPeople } from '../../app/router';
import { CohortBars } from '../../components/charts/CohortBars';
import { DilutionCompanies } from '../../components/charts/DilutionCompanies';
import { DunbarLayers } from '../../components/charts/DunbarLayers';
import { LastContactBars } from '../../components/charts/LastContactBars';
import { ScoreHistogram } from '../../components/charts/ScoreHistogram';
import { TrendLine } from '../../components/charts/TrendLine';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ProgressBar } from '../../components/ProgressBar';
import * as text from '../report/reportText';
import { ChangesSinceLast } from './ChangesSinceLast';
import { ChartCard } from './ChartCard';
import { DashboardEmpty } from './DashboardEmpty';
import { useAppInfo, useAudit, useAuditHistory } from './dashboardQueries';
import { Headline } from './Headline';
import { NetworkPanel } from './NetworkPanel';
import { InvitationsLine } from '../invitations/InvitationsLine';
import './dashboard.css';

export function DashboardPage() {
  const info = useAppInfo();
  const hasPersons = (info.data?.persons ?? 0) > 0;
  const audit = useAudit(null, true, hasPersons);
  // The history waits for this audit, so that its snapshot is in it.
  const history = useAuditHistory(hasPersons && audit.isSuccess);
  const model = useMemo(() => (audit.data ? buildReportModel(audit.data, history.data?.snapshots ?? []) : null), [audit.data, history.data]);

  if (info.isError) return <ErrorNotice title="Could not reach the engine" error={info.error} onRetry={() => void info.refetch()} />;
  if (info.isPending) return <ProgressBar label="Opening your database…" />;
  if (!hasPersons) return <DashboardEmpty />;
  if (audit.isError) return <ErrorNotice title="The audit failed" error={audit.error} onRetry={() => void audit.refetch()} />;
  if (!model || !audit.data) return <ProgressBar label={`Auditing ${info.data.persons.toLocaleString('en')} people…`} />;

  const onSelect = openPeople;
  const chart = { onSelect };
  const overflow = text.explainDunbarOverflow(model);
  return (
    <div className="dash">
      <div className="dash-titlebar">
        <h1>Dashboard</h1>
        <p className="muted">
          Click any bar, slice or number to see the people behind it. <a href="#/report">Open the report</a>
        </p>
      </div>
      <InvitationsLine />
      <Headline model={model} onSelect={onSelect} />
      <div className="dash-grid">
        <NetworkPanel persons={audit.data.persons} onSelect={onSelect} />
        <ChartCard id="dash-cohorts" title="Connections added per year" lead={text.explainCohorts(model)}>
          <CohortBars cohorts={model.cohorts} height={240} {...chart} />
        </ChartCard>
        <ChartCard id="dash-strength" title="Strength distribution" lead={text.explainScores(model)}>
          <ScoreHistogram bins={model.scoreBins} height={220} {...chart} />
        </ChartCard>
        <ChartCard id="dash-last" title="Time since last contact" lead={text.explainLastContact(model)}>
          <LastContactBars buckets={model.lastContact} height={220} {...chart} />
        </ChartCard>
        <ChartCard id="dash-companies" title="Companies with the most dilution" lead={text.explainCompanies(model)}>
          {model.dilutionCompanies.length > 0 ? <DilutionCompanies companies={model.dilutionCompanies} {...chart} /> : null}
        </ChartCard>
        <ChartCard id="dash-dunbar" title="Dunbar's layers" lead={text.explainDunbar(model)}>
          <DunbarLayers layers={model.dunbar.layers} {...chart} />
          {overflow ? <p className="dash-note">{overflow}</p> : null}
        </ChartCard>
        <ChartCard id="dash-trend" title="Trend across your audits" lead={text.explainTrend(model)} wide>
          <div className="dash-trend">
            <div>
              <TrendLine points={model.trend} height={200} {...chart} />
            </div>
            <div>
              <h3>Since the last audit</h3>
              <ChangesSinceLast asOf={model.asOf} summary={model.summary} history={history.data?.snapshots ?? []} />
            </div>
          </div>
        </ChartCard>
      </div>
    </div>
  );
}
