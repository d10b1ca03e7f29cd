// Placeholder until the review page is built.
export function ReviewPage() {
  return <h1>ReviewPage</h1>;
}
