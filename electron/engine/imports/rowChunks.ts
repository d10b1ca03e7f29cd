// Multi-row statements of up to `chunk` rows, prepared once per row count: one statement run writes
// (or reads) many rows, where SQLite's per-statement cost dominated one row at a time.
import type { Db } from '../db/openDatabase';

type Statement = ReturnType<Db['prepare']>;

export class RowChunks {
  private readonly prepared = new Map<number, Statement>();

  constructor(
    private readonly db: Db,
    readonly chunk: number,
    private readonly sql: (rows: number) => string,
  ) {}

  /** The statement for `n` rows. */
  statement(n: number): Statement {
    let s = this.prepared.get(n);
    if (s === undefined) {
      s = this.db.prepare(this.sql(n));
      this.prepared.set(n, s);
    }
    return s;
  }

  /** Calls `run(start, n)` for each chunk of `total` rows, in order. */
  each(total: number, run: (start: number, n: number) => void): void {
    for (let start = 0; start < total; start += this.chunk) run(start, Math.min(this.chunk, total - start));
  }
}

/** `(?, ?, …), (…)`: n rows of `width` parameters. */
export function rows(n: number, width: number): string {
  const row = `(${new Array(width).fill('?').join(', ')})`;
  return new Array(n).fill(row).join(', ');
}
