// The plain records that importers produce and the engine stores: the seam between parsing and the database.

/** A network is known from the file's format (linkedin, facebook, google, outlook, vcard) or named by the user. */
export type NetworkName = string;

/** One row of one connection export: a person's link to you on one network. */
export interface ConnectionRecord {
  /** 1-based line of the file where this row starts, for messages that point at it. */
  line: number;
  firstName: string;
  lastName: string;
  /** The whole name as the source wrote it (first + last when the source splits it). */
  fullName: string;
  /** Raw e-mail addresses as found; normalised later. `urn:li:member:` values are dropped by the parser. */
  emails: string[];
  /** Raw profile URLs as found. */
  profileUrls: string[];
  /** Raw phone numbers as found. */
  phones: string[];
  company: string;
  position: string;
  /** Calendar day the link was made, `YYYY-MM-DD`, or null when the export does not say. */
  connectedOn: string | null;
  /**
   * Every field of the source row as read (cells, card lines, the friend's raw timestamp): two rows
   * without a strong identifier are the same connection only when this is equal. Absent: the fields above.
   */
  rawRow?: string;
}

export interface SkippedRow {
  line: number;
  reason: string;
}

/** What a connection parser understood of one file. */
export interface ParsedConnections {
  /** linkedin | google | outlook | facebook | vcard | csv */
  format: string;
  /** The network the rows belong to (for `csv`, the name the user gave or the file's base name). */
  network: NetworkName;
  records: ConnectionRecord[];
  skipped: SkippedRow[];
  warnings: string[];
}

export const INTERACTION_KINDS = ['in_person', 'call', 'video', 'email', 'message', 'event'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export type ParticipantRole = 'from' | 'to' | 'cc' | 'organizer' | 'attendee' | 'with';

/** Someone named in an interaction record, by whatever the source knows of them. */
export interface ParticipantRecord {
  role: ParticipantRole;
  name?: string;
  email?: string;
  profileUrl?: string;
  phone?: string;
  /** True when this participant wrote the message / placed the call / organised the meeting. */
  isSender: boolean;
  /** Calendar attendee who declined: present in the record but not at the meeting. */
  declined?: boolean;
}

/**
 * One dated record of contact. Messages are stored one per message (threads are rebuilt from
 * `threadKey` at audit time); meetings and calls one per occurrence.
 */
export interface InteractionRecord {
  /** 1-based line (or record number) in the source file, for error messages. */
  line: number;
  /** Stable key unique within its source so that re-importing the same file adds nothing. */
  sourceKey: string;
  /**
   * `email` / `message`: one message of a thread. `call` / `video` / `in_person`: one meeting or call.
   * Calendar events are stored as `in_person` or `video`; whether one is a gathering (`event`) is
   * decided at audit time from `othersCount` and `smallGroupMax`, so changing the setting re-decides it.
   */
  kind: InteractionKind;
  /** ISO 8601 instant in UTC (`2024-10-04T18:15:00Z`); a time without zone is taken as UTC. */
  occurredAt: string;
  /** Messages of one conversation share a thread key (source key, reply chain, or subject + people). */
  threadKey?: string;
  subject?: string;
  location?: string;
  /** Calls: seconds; 0 for a call that did not connect. */
  durationSec?: number;
  /** Calls and video: false when missed, rejected, voicemail or zero length. Meetings: true. */
  connected?: boolean;
  /** Meetings: how many people attended besides you (declined excluded). */
  othersCount?: number;
  /** Mailing lists, newsletters, no-reply and automated senders: never a conversation. */
  automated?: boolean;
  note?: string;
  participants: ParticipantRecord[];
}

/** An identity the user owns ("my identities"): never a person. */
export interface OwnIdentity {
  kind: 'email' | 'url' | 'phone' | 'name';
  value: string;
}
