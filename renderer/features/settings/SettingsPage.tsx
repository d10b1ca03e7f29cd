// Settings: the audit rules, my identities, the colour theme, where the database lives, and backup, restore and delete of it.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ProgressBar } from '../../components/ProgressBar';
import { QUERY_KEYS, useAppInfo } from '../dashboard/dashboardQueries';
import { DataSection } from './DataSection';
import { IdentitiesForm } from './IdentitiesForm';
import { RulesForm } from './RulesForm';
import { readStoredTheme, storeTheme, type ThemeChoice } from './theme';
import './settings.css';

const THEMES: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'Same as the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

function ThemeSwitch() {
  const [theme, setTheme] = useState<ThemeChoice>(readStoredTheme);
  return (
    <section className="card settings-form" aria-labelledby="theme-title">
      <h2 id="theme-title">Theme</h2>
      <fieldset className="settings-theme">
        <legend className="visually-hidden">Colour theme</legend>
        {THEMES.map((t) => (
          <label key={t.value} className="settings-radio">
            <input
              type="radio"
              name="theme"
              value={t.value}
              checked={theme === t.value}
              onChange={() => {
                setTheme(t.value);
                storeTheme(t.value);
              }}
            />
            {t.label}
          </label>
        ))}
      </fieldset>
    </section>
  );
}

export function SettingsPage() {
  const settings = useQuery({
    queryKey: QUERY_KEYS.settings,
    queryFn: () => api['settings:get']({}),
  });
  const info = useAppInfo();
  return (
    <div className="settings">
      <h1>Settings</h1>
      {settings.isError ? <ErrorNotice title="Could not load the settings" error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {settings.isPending ? <ProgressBar label="Loading settings…" /> : null}
      {settings.data ? (
        <div className="settings-grid">
          <RulesForm rules={settings.data.rules} />
          <IdentitiesForm me={settings.data.me} />
        </div>
      ) : null}
      <div className="settings-grid">
        <ThemeSwitch />
        <section className="card settings-form" aria-labelledby="about-title">
          <h2 id="about-title">About this copy</h2>
          {info.data ? (
            <dl className="settings-about">
              <dt>Version</dt>
              <dd data-testid="app-version">{info.data.version}</dd>
              <dt>Database</dt>
              <dd>
                <code data-testid="db-path">{info.data.dbPath}</code>
              </dd>
              <dt>Running as</dt>
              <dd>{info.data.door === 'electron' ? 'the desktop app' : 'a local web page (tiecheck serve)'}</dd>
              <dt>People</dt>
              <dd>{info.data.persons.toLocaleString('en')}</dd>
            </dl>
          ) : info.isError ? (
            <ErrorNotice error={info.error} />
          ) : (
            <p className="muted">Loading…</p>
          )}
          <p className="muted">Everything lives in that one file on this machine. Back it up, restore it or delete it under Your data.</p>
        </section>
      </div>
      <DataSection people={info.data?.persons ?? null} />
    </div>
  );
}
