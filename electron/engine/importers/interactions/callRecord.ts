// One phone call (type, number, name, start, duration) as a call interaction record, for every call-log format.
import type { InteractionRecord, ParticipantRecord } from '../../../../shared/domain/records';

export type CallType = 'incoming' | 'outgoing' | 'missed' | 'voicemail' | 'rejected' | 'refused' | 'unknown';

/** Android CallLog.Calls.TYPE codes, also used by "SMS Backup & Restore". */
const ANDROID_CODES: Record<string, CallType> = {
  '1': 'incoming', '2': 'outgoing', '3': 'missed', '4': 'voicemail', '5': 'rejected', '6': 'refused', '7': 'incoming',
};

const WORDS: [RegExp, CallType][] = [
  [/^(?:incoming|inbound|received|answered|in|incoming call|answered externally)$/i, 'incoming'],
  [/^(?:outgoing|outbound|dialed|dialled|placed|out|outgoing call|made)$/i, 'outgoing'],
  [/^(?:missed|missed call|unanswered|no answer|not answered|cancelled|canceled)$/i, 'missed'],
  [/^(?:voicemail|voice mail|voice-mail)$/i, 'voicemail'],
  [/^(?:rejected|declined|busy)$/i, 'rejected'],
  [/^(?:refused|blocked)$/i, 'refused'],
];

export function parseCallType(raw: string): CallType {
  const v = raw.trim();
  if (ANDROID_CODES[v]) return ANDROID_CODES[v];
  for (const [re, type] of WORDS) if (re.test(v)) return type;
  return 'unknown';
}

/** Seconds from `95`, `95 s`, `01:35`, `1:02:03`, `1h 2m 3s`, `2 min`; null when unreadable. */
export function parseDuration(raw: string): number | null {
  const v = raw.trim().toLowerCase();
  if (!v) return null;
  if (/^\d+(?:\.\d+)?\s*(?:s|sec|secs|seconds?)?$/.test(v)) return Math.round(parseFloat(v));
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(v);
  if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  const words = /^(?:(\d+)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*m(?:in(?:utes?|s)?)?)?\s*(?:(\d+)\s*s(?:ec(?:onds?|s)?)?)?$/.exec(v);
  if (words && (words[1] || words[2] || words[3])) return Number(words[1] ?? 0) * 3600 + Number(words[2] ?? 0) * 60 + Number(words[3] ?? 0);
  return null;
}

const NO_VALUE = /^(?:|null|\(unknown\)|unknown|\(null\)|-1|-2|-3|private|private number|withheld|anonymous)$/i;

/** The text, or undefined for the placeholders call logs write for nothing: `null`, `(Unknown)`, `-1`… */
export function presentValue(raw: string | undefined): string | undefined {
  const v = (raw ?? '').trim();
  return NO_VALUE.test(v) ? undefined : v;
}

export interface CallFacts {
  line: number;
  occurredAt: string;
  type: CallType;
  /** null when the log has no duration. */
  durationSec: number | null;
  name?: string;
  phone?: string;
}

const NOT_CONNECTED = new Set<CallType>(['missed', 'voicemail', 'rejected', 'refused']);

/**
 * A call connected unless it is missed/rejected/voicemail/refused or lasted zero seconds; with no
 * duration in the log, the type alone decides. The other party sent it when the call was incoming.
 */
export function buildCallRecord(f: CallFacts): InteractionRecord {
  const other: ParticipantRecord = { role: 'with', isSender: f.type === 'incoming' || f.type === 'missed' || f.type === 'rejected' || f.type === 'refused' || f.type === 'voicemail' };
  if (f.name) other.name = f.name;
  if (f.phone) other.phone = f.phone;
  const record: InteractionRecord = {
    line: f.line,
    sourceKey: `call:${f.occurredAt}|${f.phone ?? f.name ?? ''}|${f.durationSec ?? ''}`,
    kind: 'call',
    occurredAt: f.occurredAt,
    connected: !NOT_CONNECTED.has(f.type) && f.durationSec !== 0,
    participants: [other],
  };
  if (f.durationSec !== null) record.durationSec = f.durationSec;
  if (f.type !== 'incoming' && f.type !== 'outgoing' && f.type !== 'unknown') record.note = f.type;
  return record;
}
