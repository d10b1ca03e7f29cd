// Placeholder until the report page is built.
export function ReportPage() {
  return <h1>ReportPage</h1>;
}
