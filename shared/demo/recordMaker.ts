// Builds concrete records (meetings, calls, mail and LinkedIn threads) into a network, with realistic ids, times and words.
import type { Attendance, CallDirection, GeneratedNetwork, LinkedInThread, Meeting, Message, Party } from './model';
import { isoFromSeconds, type Random } from './random';
import {
  CLOSERS, COLD_SUBJECTS, GATHERING_PLACES, GATHERING_TITLES, LINES, LINKEDIN_LINES, MEETING_TITLES, OPENERS, PLACES,
  RECRUITER_SUBJECTS, TWO_WAY_SUBJECTS, VIDEO_LOCATIONS, fill,
} from './texts';
import type { StrangerMaker } from './variants';

export type ThreadPattern = 'twoWay' | 'theyOnly' | 'meOnly';
export type MeetingKind = 'inPerson' | 'video' | 'gathering';

export interface MeetingOptions {
  /** Strangers attending besides the persons. */
  strangers?: number;
  declined?: Party[];
  weeklyCount?: number;
  cancelled?: boolean;
  organizer?: Party;
}

const firstWord = (name: string): string => name.replace(/^(Dr\.|Prof\.)\s+/, '').split(/[\s,]+/)[0];

export class RecordMaker {
  private gmailCounter = 0;
  private readonly linkedInByPerson = new Map<number, LinkedInThread>();
  private readonly meParty: Party;
  private readonly meLinkedIn: Party;

  constructor(
    private readonly rng: Random,
    private readonly net: GeneratedNetwork,
    readonly strangers: StrangerMaker,
  ) {
    this.meParty = { who: 'me', name: net.me.name, email: net.me.email };
    this.meLinkedIn = { who: 'me', name: net.me.name, profileUrl: net.me.profileUrl };
  }

  /** Gmail ids are the time in milliseconds shifted left by 20 bits, plus a counter. */
  private nextGmailId(at: string): string {
    this.gmailCounter = (this.gmailCounter + this.rng.int(1, 999)) % 1_048_576;
    return String(BigInt(Date.parse(at)) * 1_048_576n + BigInt(this.gmailCounter));
  }

  private instant(day: number, fromHour = 7, toHour = 18): string {
    return this.rng.instantOn(day, fromHour, toHour);
  }

  meeting(kind: MeetingKind, persons: Party[], day: number, opts: MeetingOptions = {}): Meeting {
    const rng = this.rng;
    const strangers = Array.from({ length: opts.strangers ?? 0 }, () => this.strangers.make());
    const organizer = opts.organizer ?? (kind === 'gathering' ? strangers[0] ?? persons[0] : rng.bool(0.6) ? this.meParty : persons[0] ?? this.meParty);
    const attendees: Attendance[] = [
      { party: this.meParty, status: 'ACCEPTED' },
      ...persons.map((party) => ({ party, status: 'ACCEPTED' as const })),
      ...strangers.map((party) => ({ party, status: 'ACCEPTED' as const })),
      ...(opts.declined ?? []).map((party) => ({ party, status: 'DECLINED' as const })),
    ];
    if (organizer.who !== 'me' && !attendees.some((a) => a.party === organizer)) attendees.push({ party: organizer, status: 'ACCEPTED' });
    rng.shuffle(attendees);
    const them = persons[0] ?? strangers[0];
    const vars = { first: them ? firstWord(them.name) : '', me: firstWord(this.net.me.name) };
    const allDay = kind !== 'video' && (opts.weeklyCount ?? 1) === 1 && rng.bool(kind === 'gathering' ? 0.4 : 0.04);
    const tzid = !allDay && rng.bool(0.5) ? 'Europe/Berlin' : null;
    const slot = rng.int(7 * 2, 17 * 2) * 1800;
    const start = allDay ? isoFromSeconds(day * 86_400) : isoFromSeconds(day * 86_400 + slot);
    let location: string | null;
    let physical = true;
    if (kind === 'video') {
      physical = false;
      const loc = fill(rng, rng.pick(VIDEO_LOCATIONS), {});
      location = loc === '' ? null : loc;
    } else location = rng.pick(kind === 'gathering' ? GATHERING_PLACES : PLACES);
    const meeting: Meeting = {
      type: 'meeting',
      uid: `${rng.hex(26)}@google.com`,
      summary: fill(rng, kind === 'gathering' ? `${rng.pick(GATHERING_TITLES)} ${start.slice(0, 4)}` : rng.pick(MEETING_TITLES), vars),
      start,
      durationMin: allDay ? 1440 : rng.pick([30, 45, 60, 90, 120]),
      allDay,
      tzid,
      location,
      physical,
      description: kind === 'video' && location === null ? `Join with Google Meet: https://meet.google.com/${rng.hex(3)}-${rng.hex(4)}-${rng.hex(3)}` : '',
      organizer,
      attendees,
      cancelled: opts.cancelled ?? false,
      weeklyCount: opts.weeklyCount ?? 1,
    };
    this.net.meetings.push(meeting);
    return meeting;
  }

  call(party: Party, day: number, connected: boolean): void {
    const rng = this.rng;
    const direction: CallDirection = connected ? rng.pick(['incoming', 'outgoing'] as const) : rng.weighted<CallDirection>([['missed', 5], ['rejected', 2], ['outgoing', 2], ['incoming', 1]]);
    const durationSec = connected ? rng.int(25, 3600) : 0;
    this.net.calls.push({ type: 'call', at: this.instant(day, 7, 20), party, direction, durationSec });
  }

  private body(to: Party, lines: number): string[] {
    const rng = this.rng;
    const out = [fill(rng, rng.pick(OPENERS), { first: firstWord(to.name) }), ''];
    for (let i = 0; i < lines; i++) out.push(rng.pick(LINES));
    out.push('', rng.pick(CLOSERS));
    return out;
  }

  /**
   * A mail thread between you and `them` whose latest message is on `lastDay`. `tailDays` later messages (your replies)
   * may be pushed past that day, e.g. after asOf.
   */
  mailThread(them: Party, pattern: ThreadPattern, lastDay: number, opts: { cc?: Party[]; company?: string; replyAfterDays?: number } = {}): void {
    const rng = this.rng;
    const count = pattern === 'twoWay' ? rng.int(2, 5) : rng.int(1, 2);
    const subjects = pattern === 'twoWay' ? TWO_WAY_SUBJECTS : pattern === 'theyOnly' ? RECRUITER_SUBJECTS : COLD_SUBJECTS;
    const subject = fill(rng, rng.pick(subjects), { them: firstWord(them.name), me: firstWord(this.net.me.name), company: opts.company ?? 'our company' });
    const theyStart = pattern === 'theyOnly' || (pattern === 'twoWay' && rng.bool(0.5));
    const messages: Message[] = this.instants(lastDay, count).map((at, k) => {
      const fromThem = pattern === 'theyOnly' || (pattern === 'twoWay' && (k % 2 === 0) === theyStart);
      const to = fromThem ? this.meParty : them;
      return { id: this.nextGmailId(at), at, from: fromThem ? them : this.meParty, to: [to], cc: opts.cc ?? [], body: this.body(to, rng.int(1, 4)) };
    });
    if (opts.replyAfterDays !== undefined) {
      const at = this.instant(lastDay + opts.replyAfterDays);
      messages.push({ id: this.nextGmailId(at), at, from: this.meParty, to: [them], cc: [], body: this.body(them, 1) });
    }
    this.net.mail.push({ type: 'mail', threadId: messages[0].id, subject, messages, automated: false });
  }

  /** Appends to the one LinkedIn conversation you have with a person (LinkedIn keeps one per set of participants). */
  linkedInMessages(them: Party, pattern: ThreadPattern, lastDay: number): void {
    const rng = this.rng;
    const who = them.who as number;
    let thread = this.linkedInByPerson.get(who);
    if (!thread) {
      thread = { type: 'linkedin', conversationId: this.conversationId(), title: '', messages: [], system: false };
      this.linkedInByPerson.set(who, thread);
      this.net.linkedin.push(thread);
    }
    const count = pattern === 'twoWay' ? rng.int(2, 6) : rng.int(1, 2);
    const theyStart = pattern === 'theyOnly' || (pattern === 'twoWay' && rng.bool(0.5));
    this.instants(lastDay, count).forEach((at, k) => {
      const fromThem = pattern === 'theyOnly' || (pattern === 'twoWay' && (k % 2 === 0) === theyStart);
      thread.messages.push({
        id: '', at, from: fromThem ? them : this.meLinkedIn, to: [fromThem ? this.meLinkedIn : them], cc: [], body: [rng.pick(LINKEDIN_LINES)],
      });
    });
  }

  /** `count` ascending instants over a few days, the last one on `lastDay`. */
  private instants(lastDay: number, count: number): string[] {
    const days = [lastDay];
    for (let k = 1; k < count; k++) days.unshift(days[0] - this.rng.int(0, 3));
    const out = days.map((d) => this.instant(d));
    return out.sort();
  }

  /** A group chat: you and several persons, each given in `wrote` writes at least once, and so do you. */
  linkedInGroup(members: Party[], wrote: Party[], day: number, title: string): void {
    const rng = this.rng;
    const thread: LinkedInThread = { type: 'linkedin', conversationId: this.conversationId(), title, messages: [], system: false };
    const writers = [this.meLinkedIn, ...wrote];
    writers.forEach((from, k) => {
      const at = this.instant(day - (writers.length - 1 - k));
      const to = [this.meLinkedIn, ...members].filter((p) => p !== from);
      thread.messages.push({ id: '', at, from, to, cc: [], body: [rng.pick(LINKEDIN_LINES)] });
    });
    this.net.linkedin.push(thread);
  }

  /** Sponsored or system messages: "LinkedIn Member" with no profile URL. */
  linkedInSystem(day: number): void {
    const at = this.instant(day);
    const sender: Party = { who: 'stranger', name: this.rng.pick(['LinkedIn Member', 'Anna from LinkedIn Premium']) };
    this.net.linkedin.push({
      type: 'linkedin', conversationId: this.conversationId(), title: 'Sponsored Conversation', system: true,
      messages: [{ id: '', at, from: sender, to: [this.meLinkedIn], cc: [], body: ['Hi %FIRSTNAME%, unlock <b>Premium</b> today!'] }],
    });
  }

  private conversationId(): string {
    const raw = `${this.rng.hex(8)}-${this.rng.hex(4)}-${this.rng.hex(4)}-${this.rng.hex(4)}-${this.rng.hex(12)}`;
    let b64 = '';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    for (let i = 0; i < raw.length; i += 3) {
      const n = (raw.charCodeAt(i) << 16) | ((raw.charCodeAt(i + 1) || 0) << 8) | (raw.charCodeAt(i + 2) || 0);
      b64 += alphabet[(n >> 18) & 63] + alphabet[(n >> 12) & 63] + (i + 1 < raw.length ? alphabet[(n >> 6) & 63] : '=') + (i + 2 < raw.length ? alphabet[n & 63] : '=');
    }
    return `2-${b64}`;
  }

}
