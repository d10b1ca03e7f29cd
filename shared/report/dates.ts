// Calendar arithmetic on `YYYY-MM-DD` strings in UTC, the only date form the audit uses (SPEC §3).

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})/;

/** The year of a `YYYY-MM-DD` day, or null when the text is not one. */
export function yearOf(day: string | null | undefined): number | null {
  if (!day) return null;
  const m = DAY_RE.exec(day);
  return m ? Number(m[1]) : null;
}

/**
 * The same day `months` months later (negative: earlier), clamped to the month's last day so that
 * 31 May minus 3 months is 28/29 February rather than spilling into March.
 */
export function addMonths(day: string, months: number): string {
  const m = DAY_RE.exec(day);
  if (!m) throw new Error(`not a calendar day: ${day}`);
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const date = Math.min(Number(m[3]), lastDay);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

/** `YYYY-01-01` of a year: the inclusive start of a cohort. */
export function startOfYear(year: number): string {
  return `${String(year).padStart(4, '0')}-01-01`;
}
