// The bench's results: one row per measured goal, the stdout table, and the JSON written to bench-data/results.json.

export interface BenchRow {
  section: number;
  name: string;
  /** What was measured, formatted (e.g. "2.41 s · 12,400 rows/s"). */
  measured: string;
  /** The baseline measured in the same run, formatted, or "—" for absolute goals. */
  baseline: string;
  /** measured ÷ baseline, when the goal is a ratio. */
  ratio: number | null;
  /** The same ratio in CPU time (less disturbed by other load on the machine), when both sides were measured. */
  cpuRatio?: number | null;
  goal: string;
  /** null: informational, no goal. */
  pass: boolean | null;
  note?: string;
  /** Raw figures for results.json. */
  raw: Record<string, unknown>;
}

export const fmt = {
  int: (n: number): string => Math.round(n).toLocaleString('en-US'),
  sec: (ms: number): string => (ms < 1000 ? `${ms.toFixed(ms < 10 ? 2 : 1)} ms` : `${(ms / 1000).toFixed(2)} s`),
  rate: (count: number, ms: number, unit: string): string => `${Math.round((count * 1000) / Math.max(ms, 0.001)).toLocaleString('en-US')} ${unit}/s`,
  mb: (kb: number): string => `${(kb / 1024).toFixed(0)} MB`,
  pct: (x: number): string => `${(100 * x).toFixed(2)}%`,
  ratio: (r: number | null): string => (r === null ? '—' : r >= 100 ? `${r.toFixed(0)}×` : `${r.toFixed(2)}×`),
};

function verdict(pass: boolean | null): string {
  return pass === null ? 'info' : pass ? 'PASS' : 'MISS';
}

/** A plain-text table with left-aligned columns, wide cells kept whole. */
export function renderTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (c ?? '').padEnd(widths[i])).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function renderResults(rows: BenchRow[]): string {
  const table = renderTable(
    ['#', 'benchmark', 'measured', 'baseline (same run)', 'ratio', 'cpu ratio', 'goal', 'result'],
    rows.map((r) => [String(r.section), r.name, r.measured, r.baseline, fmt.ratio(r.ratio), fmt.ratio(r.cpuRatio ?? null), r.goal, verdict(r.pass)]),
  );
  const notes = rows.filter((r) => r.note).map((r) => `  [${r.section}] ${r.name}: ${r.note}`);
  return notes.length ? `${table}\n\nNotes:\n${notes.join('\n')}` : table;
}

export function summaryLine(rows: BenchRow[]): string {
  const goals = rows.filter((r) => r.pass !== null);
  const missed = goals.filter((r) => !r.pass);
  return `${goals.length - missed.length} of ${goals.length} goals met${missed.length ? `; missed: ${missed.map((r) => `[${r.section}] ${r.name}`).join(', ')}` : ''}`;
}
