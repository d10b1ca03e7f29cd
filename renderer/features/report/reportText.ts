// The report's explanatory sentences, worked out from the model so they say something about *this* network.
import type { ReportModel } from '../../../shared/report/model';
import { formatCount, formatPercent } from '../../../shared/report/verdict';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2025-06-30` → `30 June 2025`, the same on every machine. */
export function formatDay(day: string | null): string {
  if (!day) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export function explainTiers(m: ReportModel): string {
  const r = m.rules;
  const meet = r.minInPerson === 1 ? 'met in person' : `met in person ${r.minInPerson} times`;
  return `Real means you ${meet} or had at least ${r.minConversations} real conversations (both of you wrote, or the call connected), and the last one was within ${r.recentMonths} months. Fading people cleared that bar once but not lately. Acquaintances had some contact, but not enough: a single conversation, one-way messages, a crowded event. Dilution is a link and nothing else.`;
}

export function explainScores(m: ReportModel): string {
  const zero = m.scoreBins[0]?.total ?? 0;
  return `The strength score runs from 0 to 100: meetings weigh more than calls, calls more than emails, and it decays as the last contact gets older. Dilution always scores 0, so the first bar holds ${plural(zero, 'person', 'people')} with little or nothing behind the link.`;
}

export function explainCohorts(m: ReportModel): string {
  const dated = m.cohorts.filter((c) => c.label !== 'unknown');
  const unknown = m.cohorts.find((c) => c.label === 'unknown');
  const worst = dated.reduce<(typeof dated)[number] | null>((w, c) => (c.counts.dilution > (w?.counts.dilution ?? 0) ? c : w), null);
  const parts: string[] = [];
  if (worst) parts.push(`Your most diluting year was ${worst.label}: ${plural(worst.total, 'new link', 'new links')}, ${formatCount(worst.counts.dilution)} of them to people you never talked to.`);
  else parts.push('No connection has a date, so there is no year to point at.');
  if (unknown && unknown.total > 0) parts.push(`${plural(unknown.total, 'connection has', 'connections have')} no date in the export and sit under "unknown".`);
  return parts.join(' ');
}

export function explainLastContact(m: ReportModel): string {
  const never = m.lastContact.find((b) => b.key === 'never')?.count ?? 0;
  return `${plural(never, 'person has', 'people have')} never had a conversation with you on record. Past ${m.rules.recentMonths} months without one, a relationship stops counting as real: that is where "fading" starts.`;
}

export function explainCompanies(m: ReportModel): string {
  if (m.dilutionCompanies.length === 0) return 'No company holds a dilution link. Nothing to clean up here.';
  const top = m.dilutionCompanies[0];
  return `${top.company} leads with ${plural(top.dilution, 'link', 'links')} you never used, out of ${formatCount(top.total)} there. A cluster like this is usually a past employer, a big client or a conference where everyone added everyone.`;
}

export function explainDunbar(m: ReportModel): string {
  const d = m.dunbar;
  const times = d.persons >= 300 ? ` — ${formatCount(Math.round(d.persons / 150))} times what anyone can keep up` : '';
  return `Robin Dunbar's research puts the number of relationships a person can actually maintain at about 150, in nested layers of about 5, 15, 50 and 150. You are linked to ${plural(d.persons, 'person', 'people')}${times}; ${plural(d.real, 'of them is', 'of them are')} real today.`;
}

export const DUNBAR_DEFINITION =
  'How we fill the layers: only real relationships count, because every layer needs continued contact. They are ranked by strength score and poured in from the inside: your 5 strongest make the innermost layer, your 15 strongest the next, and so on. A layer that is not full means you have fewer real relationships than it holds. The score only orders people here; there is no cut-off.';

export function explainDunbarOverflow(m: ReportModel): string | null {
  if (m.dunbar.beyond > 0) return `${plural(m.dunbar.beyond, 'real relationship goes', 'real relationships go')} past the 150: more than the research says anyone keeps up for long. Check which of them are still alive.`;
  const outer = m.dunbar.layers[m.dunbar.layers.length - 1];
  if (outer && outer.filled < outer.size) return `${formatCount(outer.size - outer.filled)} of the 150 places are empty. That is not a failure: it is room for the people you mean to call back.`;
  return null;
}

export function explainTrend(m: ReportModel): string {
  if (m.trend.length < 2) return 'This is your first audit, so there is no trend yet. Run it again in a few months and this chart will show whether the network is getting more real or more diluted.';
  const first = m.trend[0];
  const last = m.trend[m.trend.length - 1];
  const [from, to] = [formatPercent(first.realShare), formatPercent(last.realShare)];
  const moved = from === to ? `stayed at ${to}` : `went ${last.realShare > first.realShare ? 'up' : 'down'} from ${from} to ${to}`;
  const firstDilution = formatPercent(first.dilutionShare);
  const lastDilution = formatPercent(last.dilutionShare);
  const dilution = firstDilution === lastDilution ? `dilution stayed at ${lastDilution}` : `dilution went from ${firstDilution} to ${lastDilution}`;
  return `Since ${formatDay(first.asOf)} your real share ${moved} over ${plural(m.trend.length, 'audit', 'audits')}, and ${dilution}.`;
}

export function explainStrongest(m: ReportModel): string {
  if (m.strongest.length === 0) return 'Nobody has a strength score above 0 yet. Import your email, calendar or call log to give the audit something to go on.';
  return 'The people you actually talk to, strongest first. These are your network; the rest is a list.';
}

export function explainPrune(m: ReportModel): string {
  if (m.pruneTotal === 0) return 'Nobody to prune: every link has some conversation behind it. Rare, and good.';
  const shown = m.pruneCandidates.length < m.pruneTotal ? ` The first ${formatCount(m.pruneCandidates.length)} are listed here; the people table holds them all.` : '';
  return `${plural(m.pruneTotal, 'link is a candidate', 'links are candidates')} for pruning: dilution first, then acquaintances, the oldest links first (they had the longest to become something and did not). Anyone you tagged "keep" is left out.${shown} Nothing is removed for you: tag them "prune" in Tiecheck, export the list, and decide on the network itself.`;
}

export const EMPTY_REPORT =
  'There are no connections in this audit. Import a connection export first (LinkedIn Connections.csv, Google or Outlook contacts, Facebook friends, or any CSV of people), then your email, calendar or call log, and run the report again.';
