// The in-memory shape of a generated network: persons, what really happened between them and you, and how each record names them.
import type { Tier } from '../domain/audit';

/**
 * How hard it is to link a person's records to their connection row:
 * - `none`: no record of theirs was written;
 * - `exact`: every record carries their profile URL or the e-mail their connection row also has;
 * - `name`: some record carries only a name (written with nickname / accents / credentials / "Last, First"
 *   variations) plus a phone number, a webmail address or an address at their company's domain;
 * - `ambiguous`: like `name`, but another connection shares the name; only the company domain decides.
 */
export type Difficulty = 'none' | 'exact' | 'name' | 'ambiguous';

/** Records written on purpose to mislead a careless engine; listed per person so results can be scored by trap. */
export type Trap =
  | 'namesake' // a non-connection with the same name and another company's domain writes two-way mail
  | 'afterAsOf' // a conversation dated after asOf (or the reply to their message is)
  | 'declined' // invited to a meeting they declined
  | 'gathering' // met only at an event with more than smallGroupMax others
  | 'missedCall' // missed, rejected or zero-length calls
  | 'cancelled' // a cancelled meeting
  | 'recurring' // a weekly RRULE meeting: occurrences up to asOf count
  | 'groupOfEight' // a physical meeting with exactly smallGroupMax others: still a conversation
  | 'recentOneWay' // fading, with recent one-way contact that must not refresh lastContact
  | 'twin'; // another connection has the same name

export interface Me {
  name: string;
  email: string;
  profileUrl: string;
}

export interface GeneratedPerson {
  index: number;
  /** Canonical given and family name. */
  firstName: string;
  lastName: string;
  /** First Name / Last Name cells of Connections.csv, quirks included (trailing spaces, emoji, credentials, headlines). */
  rowFirstName: string;
  rowLastName: string;
  culture: string;
  company: string;
  /** The company's own mail domain; null for the self-employed. */
  domain: string | null;
  position: string;
  workEmail: string | null;
  personalEmail: string;
  /** Email Address cell of Connections.csv ('' mostly; an address, or once a `urn:li:member:` value). */
  listedEmail: string;
  /** Profile slug, raw Unicode. */
  slug: string;
  /** `https://www.linkedin.com/in/<slug>` with the raw slug: the person's key in the truth table. */
  profileUrl: string;
  phone: string;
  connectedOn: string;
  /** Coarse name key (see names.ts); equal keys mean deliberate or accepted namesakes among connections. */
  nameKey: string;
  planned: Tier;
  difficulty: Difficulty;
  traps: Trap[];
}

/** Who a party really is: a person's index, you, or anyone else (namesakes, colleagues, senders of newsletters). */
export type Who = number | 'me' | 'stranger';

/** One appearance of someone in a record, with exactly what the record says about them. */
export interface Party {
  who: Who;
  name: string;
  email?: string;
  profileUrl?: string;
  phone?: string;
}

export interface Attendance {
  party: Party;
  status: 'ACCEPTED' | 'DECLINED';
}

export interface Meeting {
  type: 'meeting';
  uid: string;
  summary: string;
  /** UTC instant of the (first) start; all-day meetings start at 00:00Z of their day. */
  start: string;
  durationMin: number;
  allDay: boolean;
  /** Written with DTSTART;TZID=… when set (times stay between 08:00 and 20:00 local so the UTC day is the local day). */
  tzid: string | null;
  /** A street address, a room, a video link, a video service's name, or null. */
  location: string | null;
  /** True when the location is a physical place. */
  physical: boolean;
  description: string;
  organizer: Party;
  /** Everyone invited, you and the organizer included. */
  attendees: Attendance[];
  cancelled: boolean;
  /** Weekly occurrences (RRULE:FREQ=WEEKLY;COUNT=n); 1 for a single meeting. */
  weeklyCount: number;
}

export type CallDirection = 'incoming' | 'outgoing' | 'missed' | 'rejected';

export interface Call {
  type: 'call';
  at: string;
  party: Party;
  direction: CallDirection;
  durationSec: number;
}

export interface Message {
  id: string;
  at: string;
  from: Party;
  to: Party[];
  cc: Party[];
  body: string[];
}

export interface MailThread {
  type: 'mail';
  threadId: string;
  subject: string;
  messages: Message[];
  /** Newsletters and no-reply senders. */
  automated: boolean;
  listId?: string;
}

export interface LinkedInThread {
  type: 'linkedin';
  conversationId: string;
  title: string;
  messages: Message[];
  /** Sent by LinkedIn itself ("LinkedIn Member", empty sender URL). */
  system: boolean;
}

export interface GeneratedNetwork {
  seed: number;
  asOf: string;
  me: Me;
  persons: GeneratedPerson[];
  /** Connected On dates of hidden or deleted members (blank rows in Connections.csv; not persons). */
  blankRows: string[];
  meetings: Meeting[];
  calls: Call[];
  mail: MailThread[];
  linkedin: LinkedInThread[];
}

export type DemoDifficulty = 'easy' | 'mixed' | 'hard';
