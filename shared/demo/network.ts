// generateNetwork: a whole labelled network in memory — persons, their planned relationships, the records that carry them out, and each person's difficulty.
import type { Tier } from '../domain/audit';
import type { DemoDifficulty, Difficulty, GeneratedNetwork, Me, Party } from './model';
import { coarseNameKey, companyPool } from './names';
import { applyHeadlineQuirk, generatePersons, type Population } from './people';
import { Planner } from './plans';
import { Random, dayNumber, dayString } from './random';
import { RecordMaker } from './recordMaker';
import { NEWSLETTERS, NEWSLETTER_SUBJECTS } from './texts';
import { StrangerMaker } from './variants';

export interface NetworkOptions {
  seed: number;
  connections: number;
  /** The audit date the truth is computed for, `YYYY-MM-DD`. */
  asOf: string;
  me?: Me;
  difficulty?: DemoDifficulty;
  /** Planned share of each tier; defaults to 12% real, 8% fading, 25% acquaintance, 55% dilution. */
  mix?: Record<Tier, number>;
  /** Whose names: `namesakeDense` draws common Indian, Brazilian, Chinese and Arabic names by their frequency. */
  population?: Population;
}

export const DEFAULT_ME: Me = {
  name: 'Robin Keller',
  email: 'robin.keller@gmail.com',
  profileUrl: 'https://www.linkedin.com/in/robin-keller-7b1a2c',
};

export const DEFAULT_MIX: Record<Tier, number> = { real: 0.12, fading: 0.08, acquaintance: 0.25, dilution: 0.55 };

/** Normalises an address the way SPEC §5 compares them (trim, lower-case, Gmail dots and +tags dropped). */
function comparableEmail(email: string): string {
  const [local, domain] = email.trim().toLowerCase().split('@');
  if (domain === 'gmail.com' || domain === 'googlemail.com') return `${local.split('+')[0].replace(/\./g, '')}@gmail.com`;
  return `${local}@${domain}`;
}

function partiesOf(net: GeneratedNetwork): Party[] {
  const out: Party[] = [];
  for (const m of net.meetings) for (const a of m.attendees) out.push(a.party);
  for (const m of net.meetings) out.push(m.organizer);
  for (const c of net.calls) out.push(c.party);
  for (const t of [...net.mail, ...net.linkedin]) for (const m of t.messages) out.push(m.from, ...m.to, ...m.cc);
  return out;
}

/** The hardest identity clue a correct link of this person's records needs. */
function labelDifficulties(net: GeneratedNetwork, keyGroups: ReadonlyMap<string, readonly number[]>): void {
  const clues = new Map<number, Difficulty>();
  for (const party of partiesOf(net)) {
    if (typeof party.who !== 'number') continue;
    const p = net.persons[party.who];
    const exact = (party.profileUrl !== undefined && party.profileUrl === p.profileUrl)
      || (party.email !== undefined && p.listedEmail.includes('@') && comparableEmail(party.email) === comparableEmail(p.listedEmail));
    const shared = (keyGroups.get(p.nameKey)?.length ?? 1) > 1;
    const level: Difficulty = exact ? 'exact' : shared ? 'ambiguous' : 'name';
    const before = clues.get(p.index);
    if (before === undefined || before === 'exact' || level === 'ambiguous') clues.set(p.index, level);
  }
  for (const p of net.persons) {
    p.difficulty = clues.get(p.index) ?? 'none';
    if ((keyGroups.get(p.nameKey)?.length ?? 1) > 1) p.traps.push('twin');
  }
}

export function generateNetwork(opts: NetworkOptions): GeneratedNetwork {
  const rng = new Random(opts.seed);
  const difficulty = opts.difficulty ?? 'mixed';
  const me = opts.me ?? DEFAULT_ME;
  const persons = generatePersons(rng.fork(1), { connections: opts.connections, asOf: opts.asOf, difficulty, population: opts.population });
  const net: GeneratedNetwork = { seed: opts.seed, asOf: opts.asOf, me, persons, blankRows: [], meetings: [], calls: [], mail: [], linkedin: [] };

  const keyGroups = new Map<string, number[]>();
  for (const p of persons) keyGroups.set(p.nameKey, [...(keyGroups.get(p.nameKey) ?? []), p.index]);
  const meName = me.name.split(' ');
  const connectionKeys = new Set([...keyGroups.keys(), coarseNameKey(meName[0], meName[meName.length - 1])]);
  const companies = companyPool();
  const planRng = rng.fork(2);
  const maker = new RecordMaker(planRng, net, new StrangerMaker(planRng, connectionKeys, companies));
  const planner = new Planner(planRng, net, maker, difficulty, keyGroups, companies);

  const mix = opts.mix ?? DEFAULT_MIX;
  const tiers = Object.entries(mix) as [Tier, number][];
  for (const p of persons) p.planned = planRng.weighted(tiers);
  for (const p of persons) planner.planPerson(p);
  for (const p of persons) planner.addTraps(p);
  planner.ensureTraps();
  planner.flushGatherings();
  planner.teamLunches();
  planner.linkedInGroups(Math.max(1, Math.floor(persons.length / 300)));
  addBackground(planRng, net, maker, persons.length);

  const quiet = persons.filter((p) => !planner.hasRecords(p) && p.listedEmail === '');
  if (quiet.length > 0) quiet[planRng.int(0, quiet.length - 1)].listedEmail = `urn:li:member:${planRng.digits(9)}`;
  for (const p of quiet) {
    if (p.listedEmail !== '') continue;
    if (planRng.bool(0.005)) p.listedEmail = p.workEmail ?? p.personalEmail;
    else if (planRng.bool(0.006)) applyHeadlineQuirk(planRng, p);
  }
  labelDifficulties(net, keyGroups);
  return net;
}

/** Newsletters, LinkedIn's own messages and hidden members: records and rows that belong to no person. */
function addBackground(rng: Random, net: GeneratedNetwork, maker: RecordMaker, size: number): void {
  const asOfDay = dayNumber(net.asOf);
  const me: Party = { who: 'me', name: net.me.name, email: net.me.email };
  for (let k = Math.max(3, Math.floor(size / 15)); k > 0; k--) {
    const letter = rng.pick(NEWSLETTERS);
    const at = rng.instantOn(rng.dayBetween(asOfDay - 5 * 365, asOfDay));
    const id = String(BigInt(Date.parse(at)) * 1_048_576n + BigInt(rng.int(0, 1_048_575)));
    net.mail.push({
      type: 'mail', threadId: id, subject: rng.pick(NEWSLETTER_SUBJECTS), automated: true, listId: letter.list,
      messages: [{ id, at, from: { who: 'stranger', name: letter.name, email: letter.email }, to: [me], cc: [], body: ['Read this week’s stories in your browser.', 'Unsubscribe: https://example.com/u'] }],
    });
  }
  for (let k = Math.max(1, Math.floor(size / 200)); k > 0; k--) maker.linkedInSystem(rng.dayBetween(asOfDay - 3 * 365, asOfDay));
  for (let k = Math.max(2, Math.floor(size / 150)); k > 0; k--) {
    net.blankRows.push(dayString(rng.dayBetween(dayNumber('2010-01-01'), asOfDay)));
  }
}
