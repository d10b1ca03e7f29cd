// Turns each person's planned relationship into concrete records, and sprinkles the traps (namesakes, declines, records after asOf…).
import type { DemoDifficulty, GeneratedNetwork, GeneratedPerson, Party, Trap } from './model';
import { asciiWord, type Company } from './names';
import { dayNumber, monthsBefore, type Random } from './random';
import type { RecordMaker } from './recordMaker';
import { nameVariant } from './variants';

/** How a person's records identify them (see Difficulty in model.ts). `liOnly`: LinkedIn messages only. */
type Mode = 'exact' | 'liOnly' | 'name' | 'ambiguous';
type ConvKind = 'inPerson' | 'video' | 'phone' | 'mail' | 'linkedin';
type OneWayKind = 'mailIn' | 'mailOut' | 'liIn' | 'liOut' | 'missed' | 'gathering';
type Window = 'old' | 'recent' | 'any' | 'after';

const EXACT_SHARE: Record<DemoDifficulty, number> = { easy: 1, mixed: 0.35, hard: 0.2 };
const TRAP_RATE: Record<DemoDifficulty, number> = { easy: 0, mixed: 1, hard: 2.5 };

export class Planner {
  private readonly modes = new Map<number, Mode>();
  private readonly usedLinkedIn = new Set<number>();
  private readonly gatheringGuests: Party[] = [];
  private readonly asOfDay: number;
  private readonly cutoffDay: number;

  constructor(
    private readonly rng: Random,
    private readonly net: GeneratedNetwork,
    private readonly maker: RecordMaker,
    private readonly difficulty: DemoDifficulty,
    private readonly keyGroups: ReadonlyMap<string, readonly number[]>,
    private readonly companies: readonly Company[],
  ) {
    this.asOfDay = dayNumber(net.asOf);
    this.cutoffDay = dayNumber(monthsBefore(net.asOf, 24));
  }

  /** Records were written for this person (in some mode). */
  hasRecords(p: GeneratedPerson): boolean {
    return this.modes.has(p.index);
  }

  private trap(p: GeneratedPerson, trap: Trap): void {
    if (!p.traps.includes(trap)) p.traps.push(trap);
  }

  /** Days stay 8 days clear of the 24-month cutoff so that no boundary convention can flip a tier. */
  private day(p: GeneratedPerson, window: Window): number {
    const rng = this.rng;
    const oldTo = this.cutoffDay - 8;
    const oldFrom = Math.min(oldTo - 60, Math.max(dayNumber('2004-02-01'), dayNumber(p.connectedOn) - 3 * 365));
    if (window === 'recent') return rng.dayBetween(this.cutoffDay + 8, this.asOfDay);
    if (window === 'old') return rng.dayBetween(oldFrom, oldTo);
    if (window === 'after') return rng.dayBetween(this.asOfDay + 1, this.asOfDay + 200);
    return rng.bool(0.5) ? rng.dayBetween(this.cutoffDay + 8, this.asOfDay) : rng.dayBetween(oldFrom, oldTo);
  }

  private modeOf(p: GeneratedPerson, needMail = false): Mode {
    let mode = this.modes.get(p.index);
    if (mode === undefined || (needMail && mode === 'liOnly')) {
      const rng = this.rng;
      const shared = (this.keyGroups.get(p.nameKey)?.length ?? 1) > 1;
      const bar = p.planned === 'real' || p.planned === 'fading';
      if (rng.bool(EXACT_SHARE[this.difficulty]) || (shared && !p.domain)) mode = !bar && !needMail && rng.bool(0.75) ? 'liOnly' : 'exact';
      else mode = shared ? 'ambiguous' : 'name';
      if (mode === 'exact' && p.listedEmail === '') {
        p.listedEmail = p.workEmail && rng.bool(0.5) ? p.workEmail : p.personalEmail;
      }
      this.modes.set(p.index, mode);
    }
    return mode;
  }

  private party(p: GeneratedPerson, channel: 'mail' | 'call' | 'linkedin'): Party {
    const rng = this.rng;
    const mode = this.modeOf(p);
    const canonical = `${p.firstName} ${p.lastName}`;
    if (channel === 'linkedin') return { who: p.index, name: canonical, profileUrl: p.profileUrl };
    if (channel === 'call') return { who: p.index, name: nameVariant(rng, p.firstName, p.lastName, p.culture), phone: p.phone };
    if (mode === 'exact') {
      // Same address, spelled as people type it: case and Gmail dots may differ (SPEC §5 normalisation).
      let email = p.listedEmail;
      if (rng.bool(0.1)) email = email.charAt(0).toUpperCase() + email.slice(1);
      else if (email.endsWith('@gmail.com') && rng.bool(0.2)) email = email.replace(/\.(?=[^@]*@)/g, '');
      return { who: p.index, name: rng.bool(0.8) ? canonical : nameVariant(rng, p.firstName, p.lastName, p.culture), email };
    }
    const email = mode === 'ambiguous' || (p.workEmail && rng.bool(0.7)) ? (p.workEmail ?? p.personalEmail) : p.personalEmail;
    return { who: p.index, name: nameVariant(rng, p.firstName, p.lastName, p.culture), email };
  }

  private convKinds(p: GeneratedPerson): ConvKind[] {
    const mode = this.modeOf(p);
    const li: ConvKind[] = this.usedLinkedIn.has(p.index) ? [] : ['linkedin'];
    if (mode === 'liOnly') return li;
    if (mode === 'exact') return ['inPerson', 'video', 'mail', 'mail', ...li];
    if (mode === 'name') return ['inPerson', 'video', 'phone', 'phone', 'mail', 'mail'];
    return ['inPerson', 'video', 'mail', 'mail'];
  }

  private oneWayKinds(p: GeneratedPerson): OneWayKind[] {
    const mode = this.modeOf(p);
    const li: OneWayKind[] = this.usedLinkedIn.has(p.index) ? [] : ['liIn', 'liOut'];
    if (mode === 'liOnly') return li;
    if (mode === 'exact') return ['mailIn', 'mailOut', 'gathering', ...li];
    if (mode === 'name') return ['mailIn', 'mailOut', 'missed', 'missed', 'gathering'];
    return ['mailIn', 'mailIn', 'mailOut', 'gathering'];
  }

  private conversation(p: GeneratedPerson, kind: ConvKind, day: number): void {
    const m = this.maker;
    if (kind === 'inPerson' || kind === 'video') {
      const groupOfEight = kind === 'inPerson' && this.rng.bool(0.03);
      m.meeting(kind, [this.party(p, 'mail')], day, { strangers: groupOfEight ? 7 : this.rng.weighted([[0, 6], [1, 2], [2, 1], [3, 1]]) });
      if (groupOfEight) this.trap(p, 'groupOfEight');
    } else if (kind === 'phone') m.call(this.party(p, 'call'), day, true);
    else if (kind === 'mail') {
      const cc = this.rng.bool(0.1) ? [m.strangers.make()] : [];
      m.mailThread(this.party(p, 'mail'), 'twoWay', day, { company: p.company, cc });
    }
    else {
      this.usedLinkedIn.add(p.index);
      m.linkedInMessages(this.party(p, 'linkedin'), 'twoWay', day);
    }
  }

  private oneWay(p: GeneratedPerson, kind: OneWayKind, day: number): void {
    const m = this.maker;
    if (kind === 'mailIn' || kind === 'mailOut') m.mailThread(this.party(p, 'mail'), kind === 'mailIn' ? 'theyOnly' : 'meOnly', day, { company: p.company });
    else if (kind === 'liIn' || kind === 'liOut') {
      this.usedLinkedIn.add(p.index);
      m.linkedInMessages(this.party(p, 'linkedin'), kind === 'liIn' ? 'theyOnly' : 'meOnly', day);
    } else if (kind === 'missed') {
      m.call(this.party(p, 'call'), day, false);
      this.trap(p, 'missedCall');
    } else {
      this.gatheringGuests.push(this.party(p, 'mail'));
      this.trap(p, 'gathering');
    }
  }

  private someConversations(p: GeneratedPerson, count: number, first: Window, rest: Window): void {
    for (let k = 0; k < count; k++) {
      const kinds = this.convKinds(p).filter((c) => c !== 'inPerson');
      if (kinds.length === 0) return;
      this.conversation(p, this.rng.pick(kinds), this.day(p, k === 0 ? first : rest));
    }
  }

  planPerson(p: GeneratedPerson): void {
    const rng = this.rng;
    if (p.planned === 'dilution') return;
    const canMeet = this.convKinds(p).includes('inPerson');
    if (p.planned === 'real' || p.planned === 'fading') {
      const when: Window = p.planned === 'real' ? 'recent' : 'old';
      if (canMeet && rng.bool(0.45)) {
        this.conversation(p, 'inPerson', this.day(p, when));
        this.someConversations(p, rng.int(0, 2), p.planned === 'real' ? 'any' : 'old', p.planned === 'real' ? 'any' : 'old');
      } else this.someConversations(p, rng.int(2, 4), when, p.planned === 'real' ? 'any' : 'old');
      for (let k = rng.int(0, 2); k > 0; k--) this.oneWay(p, rng.pick(this.oneWayKinds(p)), this.day(p, 'any'));
      if (p.planned === 'fading' && rng.bool(0.3)) {
        this.oneWay(p, rng.pick(this.oneWayKinds(p)), this.day(p, 'recent'));
        this.trap(p, 'recentOneWay');
      }
    } else if (rng.bool(0.35)) this.someConversations(p, 1, 'any', 'any');
    else for (let k = rng.int(1, 2); k > 0; k--) {
      const kinds = this.oneWayKinds(p);
      if (kinds.length > 0) this.oneWay(p, rng.pick(kinds), this.day(p, 'any'));
    }
    if (p.planned !== 'real' && rng.bool(0.08 * TRAP_RATE[this.difficulty])) this.afterAsOf(p);
  }

  private afterAsOf(p: GeneratedPerson): void {
    const mode = this.modeOf(p, true);
    if (p.planned === 'acquaintance' && mode !== 'liOnly' && this.rng.bool(0.5)) {
      // They wrote before asOf; your reply is dated after it: one-way as of asOf.
      this.maker.mailThread(this.party(p, 'mail'), 'theyOnly', this.asOfDay - this.rng.int(0, 20), { replyAfterDays: this.rng.int(21, 60) });
    } else this.conversation(p, this.rng.pick(this.convKinds(p)), this.day(p, 'after'));
    this.trap(p, 'afterAsOf');
  }

  /** Traps for persons without any relationship, and extras that leave a real person real. */
  addTraps(p: GeneratedPerson): void {
    const rng = this.rng;
    const rate = TRAP_RATE[this.difficulty];
    if (p.planned === 'dilution' || p.planned === 'acquaintance') {
      if (rng.bool(0.03 * rate)) this.namesake(p);
      if (p.planned === 'dilution' && rng.bool(0.02 * rate)) this.afterAsOf(p);
      if (p.planned === 'dilution' && rng.bool(0.015 * rate)) {
        this.modeOf(p, true);
        this.maker.meeting('inPerson', [], this.day(p, 'recent'), { strangers: rng.int(1, 3), declined: [this.party(p, 'mail')] });
        this.trap(p, 'declined');
      }
      if (p.planned === 'dilution' && rng.bool(0.006 * rate)) {
        this.modeOf(p, true);
        this.maker.meeting('inPerson', [this.party(p, 'mail')], this.day(p, 'recent'), { strangers: 7 });
        this.trap(p, 'groupOfEight');
      }
    }
    if (p.planned === 'real' && this.modeOf(p) !== 'liOnly') {
      if (rng.bool(0.03 * Math.max(rate, 1))) {
        this.maker.meeting('inPerson', [this.party(p, 'mail')], this.day(p, 'recent'), { cancelled: true });
        this.trap(p, 'cancelled');
      }
      if (rng.bool(0.05)) {
        this.maker.meeting('video', [this.party(p, 'mail')], this.asOfDay - rng.int(10, 60), { weeklyCount: rng.int(4, 12) });
        this.trap(p, 'recurring');
      }
    }
  }

  /** Small networks still get one of each trap (none of the namesake kind when easy). */
  ensureTraps(): void {
    const persons = this.net.persons;
    const has = (trap: Trap): boolean => persons.some((p) => p.traps.includes(trap));
    const candidate = (tier: GeneratedPerson['planned']): GeneratedPerson | undefined =>
      persons.find((p) => p.planned === tier && p.traps.length === 0 && this.modes.get(p.index) !== 'liOnly');
    const real = (): GeneratedPerson | undefined => persons.find((p) => p.planned === 'real' && p.traps.length === 0 && this.modes.has(p.index) && this.modes.get(p.index) !== 'liOnly');
    let p: GeneratedPerson | undefined;
    if (!has('recurring') && (p = real())) {
      this.maker.meeting('video', [this.party(p, 'mail')], this.asOfDay - this.rng.int(10, 60), { weeklyCount: this.rng.int(4, 12) });
      this.trap(p, 'recurring');
    }
    if (!has('cancelled') && (p = real())) {
      this.maker.meeting('inPerson', [this.party(p, 'mail')], this.day(p, 'recent'), { cancelled: true });
      this.trap(p, 'cancelled');
    }
    if (!has('declined') && (p = candidate('dilution'))) {
      this.modeOf(p, true);
      this.maker.meeting('inPerson', [], this.day(p, 'recent'), { strangers: 2, declined: [this.party(p, 'mail')] });
      this.trap(p, 'declined');
    }
    if (!has('groupOfEight') && (p = candidate('dilution'))) {
      this.modeOf(p, true);
      this.maker.meeting('inPerson', [this.party(p, 'mail')], this.day(p, 'recent'), { strangers: 7 });
      this.trap(p, 'groupOfEight');
    }
    if (!has('afterAsOf') && (p = candidate('dilution'))) this.afterAsOf(p);
    if (this.difficulty !== 'easy' && !has('namesake') && (p = candidate('dilution'))) this.namesake(p);
  }

  /** Someone who is not a connection, with the person's name and another company's domain, writes two-way mail. */
  private namesake(p: GeneratedPerson): void {
    const rng = this.rng;
    const taken = new Set((this.keyGroups.get(p.nameKey) ?? []).map((i) => this.net.persons[i].domain));
    let company = rng.pick(this.companies);
    while (taken.has(company.domain)) company = rng.pick(this.companies);
    const name = rng.bool(0.7) ? `${p.firstName} ${p.lastName}` : nameVariant(rng, p.firstName, p.lastName, p.culture);
    const local = `${asciiWord(p.firstName.split(' ')[0]) || 'x'}.${asciiWord(p.lastName) || 'y'}`;
    const stranger: Party = { who: 'stranger', name, email: `${local}@${company.domain}` };
    for (let k = 0; k < 2; k++) this.maker.mailThread(stranger, 'twoWay', this.day(p, 'recent'), { company: company.name });
    this.trap(p, 'namesake');
  }

  /** Events with more than eight others; a few with exactly nine. */
  flushGatherings(): void {
    const rng = this.rng;
    const guests = rng.shuffle(this.gatheringGuests.splice(0));
    while (guests.length > 0) {
      const group = guests.splice(0, rng.int(1, 5));
      const strangers = rng.bool(0.3) ? 9 - group.length : rng.int(10, 30);
      this.maker.meeting('gathering', group, rng.dayBetween(this.asOfDay - 6 * 365, this.asOfDay), { strangers });
    }
  }

  /** Lunches with several colleagues at once; all of them are already real, so the tier stays real. */
  teamLunches(): void {
    const rng = this.rng;
    const byCompany = new Map<string, GeneratedPerson[]>();
    for (const p of this.net.persons) {
      if (p.planned !== 'real' || !p.domain || this.modes.get(p.index) === 'liOnly' || !this.modes.has(p.index)) continue;
      byCompany.set(p.domain, [...(byCompany.get(p.domain) ?? []), p]);
    }
    for (const group of byCompany.values()) {
      if (group.length < 2 || !rng.bool(0.3)) continue;
      const who = rng.shuffle([...group]).slice(0, rng.int(2, 4));
      this.maker.meeting('inPerson', who.map((p) => this.party(p, 'mail')), this.day(who[0], 'recent'), { strangers: rng.int(0, 2) });
    }
  }

  /** Group chats on LinkedIn among persons reached by profile URL. */
  linkedInGroups(count: number): void {
    const rng = this.rng;
    const pool = this.net.persons.filter((p) => p.planned === 'real' && this.modes.get(p.index) === 'exact');
    for (let k = 0; k < count && pool.length >= 3; k++) {
      const members = rng.shuffle([...pool]).slice(0, rng.int(2, 3)).map((p) => this.party(p, 'linkedin'));
      this.maker.linkedInGroup(members, members.slice(0, 1), this.day(this.net.persons[members[0].who as number], 'recent'), 'Project chat');
    }
  }
}
