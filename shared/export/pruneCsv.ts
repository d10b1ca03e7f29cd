// The prune list as CSV (SPEC §7): fixed columns, RFC 4180 quoting and OWASP CSV-injection neutralisation.

export interface PruneRow {
  name: string;
  profileUrl: string | null;
  company: string;
  position: string;
  connectedOn: string | null;
  tier: string;
  lastContact: string | null;
  tags: string[];
}

export interface PruneCsvOptions {
  /** Start with U+FEFF so Excel reads the file as UTF-8; on by default. */
  bom?: boolean;
}

export const PRUNE_CSV_COLUMNS = [
  'Name',
  'Profile URL',
  'Company',
  'Position',
  'Connected On',
  'Tier',
  'Last Contact',
  'Tags',
] as const;

/** First characters a spreadsheet may read as the start of a formula (OWASP, plus NUL). */
const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '\0']);
const NEEDS_QUOTES = /[",\r\n]/;

function isFormulaLike(value: string): boolean {
  return value.length > 0 && FORMULA_STARTS.has(value[0]);
}

/** The cell's text with a leading `'` when it could be read as a formula; otherwise unchanged. Not quoted. */
export function neutraliseCell(value: string): string {
  return isFormulaLike(value) ? `'${value}` : value;
}

/** One CSV field: neutralised, then quoted (inner quotes doubled) when neutralised or holding `"`, `,`, CR or LF. */
export function formatCsvCell(value: string): string {
  const neutralised = isFormulaLike(value);
  const text = neutralised ? `'${value}` : value;
  if (!neutralised && !NEEDS_QUOTES.test(text)) return text;
  return `"${text.replace(/"/g, '""')}"`;
}

function pruneCells(row: PruneRow): string[] {
  return [
    row.name,
    row.profileUrl ?? '',
    row.company,
    row.position,
    row.connectedOn ?? '',
    row.tier,
    row.lastContact ?? '',
    row.tags.join('; '),
  ];
}

/** The whole file: header then one line per row, each ending in CRLF. */
export function writePruneCsv(rows: readonly PruneRow[], opts: PruneCsvOptions = {}): string {
  const lines = [PRUNE_CSV_COLUMNS.join(',')];
  for (const row of rows) lines.push(pruneCells(row).map(formatCsvCell).join(','));
  const bom = (opts.bom ?? true) ? '\uFEFF' : '';
  return `${bom}${lines.join('\r\n')}\r\n`;
}
