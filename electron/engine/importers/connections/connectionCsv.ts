// Reading connection rows out of any CSV layout (LinkedIn, Google, Outlook, any list of people) once its header is known.
import type { ConnectionRecord, SkippedRow } from '../../../../shared/domain/records';
import { ImportError } from '../importError';
import type { CsvRow } from '../text/csvRows';
import {
  applyMapping,
  describePlan,
  headerlessLinkedInPlan,
  looksLikeGoogle,
  looksLikeHeaderlessLinkedIn,
  looksLikeLinkedIn,
  looksLikeOutlook,
  planColumns,
  planNamesSomeone,
  type ColumnPlan,
  type CsvLayout,
} from './columns';
import { buildRecord, DateProblems } from './connectionRecord';

export type ConnectionFormat = 'linkedin' | 'google' | 'outlook' | 'facebook' | 'vcard' | 'csv';

const LINKEDIN_FILE = /connections?/i;
const BLANK_LINKEDIN = 'blank person (hidden or deleted member)';
const BLANK_OTHER = 'no name, e-mail, URL or phone';

/** The format a CSV header (and the file's name) points to. */
export function detectCsvFormat(fileName: string, header: string[]): ConnectionFormat {
  const linkedInName = LINKEDIN_FILE.test(fileName.split(/[\\/]/).pop() ?? '');
  if (looksLikeLinkedIn(header)) return 'linkedin';
  if (looksLikeOutlook(header)) return linkedInName ? 'linkedin' : 'outlook';
  if (looksLikeGoogle(header)) return 'google';
  if (looksLikeHeaderlessLinkedIn(header) && (linkedInName || !planNamesSomeone(planColumns(header, 'csv')))) return 'linkedin';
  return 'csv';
}

export interface ConnectionCsvOptions {
  format: Exclude<ConnectionFormat, 'facebook' | 'vcard'> | 'auto';
  network?: string;
  map?: Record<string, string>;
  /** The file's path or name, for the network default and messages. */
  file: string;
}

/**
 * Beyond this many, skipped rows are only counted: the list is spread into arrays further on (a
 * spread of a few hundred thousand overflows the stack) and crosses to the UI.
 */
export const SKIPPED_KEPT = 10_000;

/** Consumes a CSV table's header and rows and yields connection records. */
export class ConnectionCsvReader {
  format: ConnectionFormat = 'csv';
  network = '';
  columns: string[] = [];
  mapping: Record<string, string | null> = {};
  readonly skipped: SkippedRow[] = [];
  readonly warnings: string[] = [];
  private plan: ColumnPlan | null = null;
  private blankReason = BLANK_OTHER;
  private readonly dates = new DateProblems();
  private skippedBeyond = 0;

  constructor(private readonly opts: ConnectionCsvOptions) {}

  /** Every skipped row, listed or only counted. */
  get skippedCount(): number {
    return this.skipped.length + this.skippedBeyond;
  }

  /** Decides the layout and column plan. A headerless LinkedIn file's "header" is its first row: it is returned as a record. */
  header(header: string[], headerLine: number): ConnectionRecord | null {
    const { file } = this.opts;
    if (header.length === 0) throw new ImportError(file, null, 'no rows found');
    this.columns = header;
    const format = this.opts.format === 'auto' || !this.opts.format ? detectCsvFormat(file, header) : this.opts.format;
    this.format = format;
    this.network = format === 'csv' ? csvNetwork(file, this.opts.network) : format;
    let layout: CsvLayout = format as CsvLayout;
    if (format === 'linkedin' && looksLikeOutlook(header)) layout = 'outlook';
    let plan = planColumns(header, layout);
    let headerless = false;
    if (format === 'linkedin' && layout === 'linkedin' && plan.firstName === null && plan.lastName === null && looksLikeHeaderlessLinkedIn(header)) {
      plan = headerlessLinkedInPlan(header.length);
      headerless = true;
      this.columns = header.map((_, i) => `column ${i + 1}`);
      this.warnings.push('the file has no header row; columns were read in LinkedIn order (First Name, Last Name, URL, Email Address, Company, Position, Connected On)');
    }
    if (this.opts.map && Object.keys(this.opts.map).length > 0) {
      const problem = applyMapping(plan, this.columns, this.opts.map);
      if (problem) throw new ImportError(file, headerLine || null, problem);
    }
    if (!planNamesSomeone(plan)) {
      const shown = header.slice(0, 20).map((h) => (h.length > 40 ? h.slice(0, 39) + '…' : h || '(blank)'));
      const found = shown.join(', ') + (header.length > 20 ? `, … (${header.length} columns)` : '');
      throw new ImportError(file, headerLine || null, `no recognisable columns (found: ${found}); map them with --map field=Column`);
    }
    this.plan = plan;
    this.mapping = describePlan(plan, this.columns);
    this.blankReason = format === 'linkedin' ? BLANK_LINKEDIN : BLANK_OTHER;
    return headerless ? this.row({ line: headerLine, cells: header }) : null;
  }

  row(row: CsvRow): ConnectionRecord | null {
    const plan = this.plan!;
    const cells = row.cells;
    const built = buildRecord(
      {
        line: row.line,
        name: cellAt(cells, plan.name),
        firstName: cellAt(cells, plan.firstName),
        middleName: cellAt(cells, plan.middleName),
        lastName: cellAt(cells, plan.lastName),
        emails: cellsAt(cells, plan.emails),
        urls: cellsAt(cells, plan.urls),
        phones: cellsAt(cells, plan.phones),
        company: cellAt(cells, plan.company),
        position: cellAt(cells, plan.position),
        connectedOn: cellAt(cells, plan.connectedOn),
        rawRow: cells.join('\u001f'),
      },
      this.blankReason,
      this.dates,
    );
    if ('skip' in built) {
      if (this.skipped.length < SKIPPED_KEPT) this.skipped.push({ line: row.line, reason: built.skip });
      else this.skippedBeyond++;
      return null;
    }
    return built.record;
  }

  /** Warnings gathered over the whole file, besides those of the table reader. */
  finish(): string[] {
    const dates = this.dates.warning();
    const beyond = this.skippedBeyond > 0 ? [`${this.skippedBeyond} more skipped rows are not listed`] : [];
    return [...this.warnings, ...(dates ? [dates] : []), ...beyond];
  }
}

// Module functions, not closures made per row: tsx (the CLI, the bench) names every arrow assigned to a variable, at a cost per call.
function cellAt(cells: string[], i: number | null): string | undefined {
  return i === null ? undefined : cells[i];
}

function cellsAt(cells: string[], columns: number[]): string[] {
  const out: string[] = [];
  for (const i of columns) out.push(cells[i] ?? '');
  return out;
}

/** The network of a plain CSV of people: what the user said, else the file's base name without extension. */
export function csvNetwork(file: string, given?: string): string {
  const named = given?.trim();
  if (named) return named;
  const base = file.split(/[\\/]/).pop() ?? file;
  const stem = base.replace(/\.[^.]*$/, '').trim().toLowerCase();
  return stem || 'csv';
}
