// Placeholder until the import page is built.
export function ImportPage() {
  return <h1>ImportPage</h1>;
}
