// Numbers, shares, bytes and dates as the screens show them; counts and percents match the report's wording.
import { formatCount, formatPercent } from '../../shared/report/verdict';

export { formatCount, formatPercent };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2024-03-07` → `7 Mar 2024`; unparseable text is returned as it came; null → an em dash. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!m) return day;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** An ISO instant as the local date and time, e.g. `7 Mar 2024, 14:05`. */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '—';
  const d = new Date(instant.includes('T') || instant.includes(' ') ? instant.replace(' ', 'T') : instant);
  if (Number.isNaN(d.getTime())) return instant;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}, ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** `1536` → `1.5 KB`, in powers of 1,024 as file managers show them. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** `1, 'person'` → `1 person`; `3, 'person', 'people'` → `3 people`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** A signed change, e.g. `+12`, `−3`, `±0`, for "what changed since the last audit". */
export function formatDelta(n: number): string {
  if (n === 0) return '±0';
  return n > 0 ? `+${formatCount(n)}` : `−${formatCount(-n)}`;
}

/** Today as `YYYY-MM-DD` in UTC, the engine's calendar (SPEC §3). */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

const NETWORK_NAMES: Record<string, string> = {
  linkedin: 'LinkedIn',
  facebook: 'Facebook',
  google: 'Google Contacts',
  outlook: 'Outlook',
  vcard: 'vCard',
  csv: 'CSV',
};

/** A network's stored name as people write it: `linkedin` → `LinkedIn`; names the user gave stay as they are. */
export function formatNetwork(network: string | null | undefined): string {
  if (!network) return '—';
  return NETWORK_NAMES[network.toLowerCase()] ?? network;
}
