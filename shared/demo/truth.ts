// The expected audit of a generated network, computed from the records the generator wrote with SPEC §2–§4, independently of the engine.
import { DEFAULT_RULES, type AuditRules, type Evidence, type Tier } from '../domain/audit';
import type { Difficulty, GeneratedNetwork, Message, Trap } from './model';
import { monthsBefore, utcDay } from './random';

export interface TruthEntry extends Evidence {
  tier: Tier;
  difficulty: Difficulty;
  traps: Trap[];
}

interface Tally {
  inPerson: number;
  calls: number;
  twoWayThreads: number;
  oneWay: number;
  interactions: number;
  lastContact: string | null;
  lastInteraction: string | null;
}

const later = (a: string | null, b: string): string => (a === null || b > a ? b : a);

/** The UTC days of a meeting's occurrences. */
export function occurrenceDays(start: string, weeklyCount: number): string[] {
  const first = Date.parse(start);
  const days: string[] = [];
  for (let k = 0; k < Math.max(1, weeklyCount); k++) days.push(new Date(first + k * 7 * 86_400_000).toISOString().slice(0, 10));
  return days;
}

/**
 * Evidence and tier per person (by index). Rules applied:
 * - meetings: cancelled ones are nothing; every weekly occurrence on or before asOf is one meeting; a person
 *   attends when their attendance is ACCEPTED (declined: nothing); others = accepted attendees besides you;
 *   more than smallGroupMax others → a gathering (one-way); else physical → in person, otherwise video (a conversation);
 * - calls: incoming/outgoing with duration > 0 are conversations; missed, rejected or 0 s are one-way;
 * - threads (mail, LinkedIn): messages after asOf are dropped; automated threads count for nobody; for each person
 *   in what remains, both you and they wrote → one two-way conversation dated by the thread's latest message,
 *   else one one-way contact;
 * - real = (inPerson ≥ minInPerson or conversations ≥ minConversations) and lastContact ≥ asOf − recentMonths
 *   (calendar months); fading = the bar met but older; acquaintance = any interaction; dilution = none.
 */
export function computeTruth(net: GeneratedNetwork, rules: AuditRules = DEFAULT_RULES): TruthEntry[] {
  const asOf = net.asOf;
  const tallies: Tally[] = net.persons.map(() => ({
    inPerson: 0, calls: 0, twoWayThreads: 0, oneWay: 0, interactions: 0, lastContact: null, lastInteraction: null,
  }));
  const note = (who: number, day: string, kind: 'inPerson' | 'call' | 'thread' | 'oneWay'): void => {
    const t = tallies[who];
    t.interactions++;
    t.lastInteraction = later(t.lastInteraction, day);
    if (kind === 'oneWay') {
      t.oneWay++;
      return;
    }
    if (kind === 'inPerson') t.inPerson++;
    else if (kind === 'call') t.calls++;
    else t.twoWayThreads++;
    t.lastContact = later(t.lastContact, day);
  };

  for (const m of net.meetings) {
    if (m.cancelled) continue;
    const accepted = m.attendees.filter((a) => a.status === 'ACCEPTED');
    if (!accepted.some((a) => a.party.who === 'me') && m.organizer.who !== 'me') continue;
    const others = accepted.filter((a) => a.party.who !== 'me');
    const persons = [...new Set(others.map((a) => a.party.who).filter((w): w is number => typeof w === 'number'))];
    const kind = others.length > rules.smallGroupMax ? 'oneWay' : m.physical ? 'inPerson' : 'call';
    for (const day of occurrenceDays(m.start, m.weeklyCount)) {
      if (day > asOf) continue;
      for (const p of persons) note(p, day, kind);
    }
  }

  for (const c of net.calls) {
    const day = utcDay(c.at);
    if (day > asOf || typeof c.party.who !== 'number') continue;
    const connected = (c.direction === 'incoming' || c.direction === 'outgoing') && c.durationSec > 0;
    note(c.party.who, day, connected ? 'call' : 'oneWay');
  }

  const threads: { automated: boolean; messages: Message[] }[] = [
    ...net.mail,
    ...net.linkedin.map((t) => ({ automated: t.system, messages: t.messages })),
  ];
  for (const t of threads) {
    if (t.automated) continue;
    const kept = t.messages.filter((m) => utcDay(m.at) <= asOf);
    if (kept.length === 0) continue;
    const day = kept.map((m) => utcDay(m.at)).reduce((a, b) => (b > a ? b : a));
    const meWrote = kept.some((m) => m.from.who === 'me');
    const involved = new Set<number>();
    const wrote = new Set<number>();
    for (const m of kept) {
      for (const p of [m.from, ...m.to, ...m.cc]) if (typeof p.who === 'number') involved.add(p.who);
      if (typeof m.from.who === 'number') wrote.add(m.from.who);
    }
    for (const p of involved) note(p, day, meWrote && wrote.has(p) ? 'thread' : 'oneWay');
  }

  const cutoff = monthsBefore(asOf, rules.recentMonths);
  return tallies.map((t, i) => {
    const conversations = t.inPerson + t.calls + t.twoWayThreads;
    const bar = t.inPerson >= rules.minInPerson || conversations >= rules.minConversations;
    const tier: Tier = bar
      ? t.lastContact !== null && t.lastContact >= cutoff ? 'real' : 'fading'
      : t.interactions > 0 ? 'acquaintance' : 'dilution';
    const person = net.persons[i];
    return { ...t, conversations, tier, difficulty: person.difficulty, traps: person.traps };
  });
}

/** Truth keyed by profile URL (raw Unicode slug, `https://www.linkedin.com/in/<slug>`). */
export function truthByProfileUrl(net: GeneratedNetwork, rules: AuditRules = DEFAULT_RULES): Record<string, TruthEntry> {
  const entries = computeTruth(net, rules);
  const out: Record<string, TruthEntry> = {};
  net.persons.forEach((p, i) => (out[p.profileUrl] = entries[i]));
  return out;
}

export function countTiers(entries: readonly { tier: Tier }[]): Record<Tier, number> {
  const counts: Record<Tier, number> = { real: 0, fading: 0, acquaintance: 0, dilution: 0 };
  for (const e of entries) counts[e.tier]++;
  return counts;
}
