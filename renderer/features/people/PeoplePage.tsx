// Placeholder until the people table is built.
export function PeoplePage({ initialFilter }: { initialFilter: string }) {
  return <h1>People {initialFilter}</h1>;
}
