// Placeholder until the person page is built.
export function PersonPage({ id }: { id: string }) {
  return <h1>Person {id}</h1>;
}
