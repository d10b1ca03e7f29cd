// Calendar-day arithmetic on `YYYY-MM-DD` strings (UTC), the unit every audit rule is written in.

export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** The same calendar day `months` months earlier (clamped to the month's last day: 31 Mar − 1 = 28/29 Feb). */
export function subtractMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return formatDay(year, month + 1, Math.min(d, lastDay));
}

export function formatDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole months from `from` to `to` (fractional, by days / 30.4375), never negative. */
export function monthsBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.max(0, ms / 86_400_000 / 30.4375);
}

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
