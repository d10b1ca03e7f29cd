// The app shell: navigation, the current page, and the first-run state that says what to import first.
import { useRoute } from './router';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { ImportPage } from '../features/import/ImportPage';
import { InvitationsPage } from '../features/invitations/InvitationsPage';
import { PeoplePage } from '../features/people/PeoplePage';
import { PersonPage } from '../features/person/PersonPage';
import { ReviewPage } from '../features/review/ReviewPage';
import { ReportPage } from '../features/report/ReportPage';
import { SettingsPage } from '../features/settings/SettingsPage';

const NAV: { page: string; label: string }[] = [
  { page: 'dashboard', label: 'Dashboard' },
  { page: 'people', label: 'People' },
  { page: 'import', label: 'Import' },
  { page: 'invitations', label: 'Invitations' },
  { page: 'review', label: 'Review links' },
  { page: 'report', label: 'Report' },
  { page: 'settings', label: 'Settings' },
];

function CurrentPage() {
  const route = useRoute();
  switch (route.page) {
    case 'people':
      return <PeoplePage initialFilter={route.query.get('filter') ?? ''} />;
    case 'person':
      return route.param ? <PersonPage id={route.param} /> : <PeoplePage initialFilter="" />;
    case 'import':
      return <ImportPage />;
    case 'invitations':
      return <InvitationsPage openKey={route.param} />;
    case 'review':
      return <ReviewPage />;
    case 'report':
      return <ReportPage />;
    case 'settings':
      return <SettingsPage />;
    default:
      return <DashboardPage />;
  }
}

export function App() {
  const route = useRoute();
  const current = route.page === 'person' ? 'people' : route.page;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand" aria-label="Tiecheck">
          Tiecheck
        </span>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <li key={item.page}>
                <a href={`#/${item.page}`} aria-current={current === item.page ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <CurrentPage />
      </main>
    </div>
  );
}
