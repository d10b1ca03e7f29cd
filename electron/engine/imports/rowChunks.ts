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

  /**
   * Calls `run(start, n)` for each chunk of `total` rows, in order: full chunks, then the rest in
   * powers of two. A prepared statement of a hundred rows holds hundreds of KB; one per row count
   * seen (up to `chunk` of them per table) took the bench mbox import's RSS up by 35 MB.
   */
  each(total: number, run: (start: number, n: number) => void): void {
    let start = 0;
    for (; total - start >= this.chunk; start += this.chunk) run(start, this.chunk);
    for (let n = 1 << 30; n >= 1; n >>>= 1) {
      if (total - start >= n) {
        run(start, n);
        start += n;
      }
    }
  }
}

/** `(?, ?, …), (…)`: n rows of `width` parameters. */
export function rows(n: number, width: number): string {
  const row = `(${new Array(width).fill('?').join(', ')})`;
  return new Array(n).fill(row).join(', ');
}
