// Placeholder until the settings page is built.
export function SettingsPage() {
  return <h1>SettingsPage</h1>;
}
