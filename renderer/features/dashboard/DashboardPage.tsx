// Placeholder until the dashboard page is built.
export function DashboardPage() {
  return <h1>DashboardPage</h1>;
}
