// Facebook's friends JSON (`friends` 2018–19, `friends_v2` 2024–), with its UTF-8-as-Latin-1 escapes repaired.
import type { ConnectionRecord, ParsedConnections, SkippedRow } from '../../../../shared/domain/records';
import { ImportError } from '../importError';
import { cleanField } from './connectionRecord';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Facebook writes every UTF-8 byte as its own `\u00XX` escape, so "José" arrives as "JosÃ©". When
 * every code unit of a string is below 256 and those bytes are valid UTF-8, they are re-read as such.
 */
export function repairFacebookText(s: string): string {
  let high = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) return s;
    if (c >= 0x80) high = true;
  }
  if (!high) return s;
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return s;
  }
}

interface FriendEntry {
  name?: unknown;
  timestamp?: unknown;
  contact_info?: unknown;
}

function friendList(data: unknown): FriendEntry[] | null {
  if (Array.isArray(data)) return data as FriendEntry[];
  if (data && typeof data === 'object') {
    const o = data as Record<string, unknown>;
    for (const key of ['friends_v2', 'friends']) {
      if (Array.isArray(o[key])) return o[key] as FriendEntry[];
    }
  }
  return null;
}

/** Lines where each entry's `"name"` key sits, in order, so messages can point into the file. */
function nameLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let last = 0;
  const re = /"name"\s*:/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (let i = last; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
    last = m.index;
    lines.push(line);
  }
  return lines;
}

function dayOf(timestamp: unknown): string | null {
  const n = typeof timestamp === 'string' && /^\d+$/.test(timestamp) ? Number(timestamp) : timestamp;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return null;
  const ms = n > 1e11 ? n : n * 1000;
  const date = new Date(ms);
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999) return null;
  return date.toISOString().slice(0, 10);
}

export function parseFacebookFriends(text: string, file: string): ParsedConnections {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const pos = /position (\d+)/.exec(detail);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : null;
    throw new ImportError(file, line, `not valid JSON (${detail.replace(/^JSON\.parse: /, '')})`);
  }
  const friends = friendList(data);
  // Friend requests are invitations, not friends: judged at the gate (`log`), never made connections.
  if (!friends && data && typeof data === 'object' && ['received_requests_v2', 'received_requests', 'sent_requests_v2', 'sent_requests'].some((k) => k in data)) {
    throw new ImportError(file, null, 'friend requests are invitations, not friends: read received_friend_requests.json with tiecheck log (or as records in the app)');
  }
  if (!friends) throw new ImportError(file, null, 'not a Facebook friends file (no "friends" or "friends_v2" list)');
  const lines = nameLines(text);
  const exact = lines.length === friends.length;
  const records: ConnectionRecord[] = [];
  const skipped: SkippedRow[] = [];
  friends.forEach((item, index) => {
    const line = exact ? lines[index] : index + 1;
    const entry: FriendEntry = item && typeof item === 'object' ? item : {};
    const rawName = typeof entry.name === 'string' ? entry.name : '';
    const fullName = cleanField(repairFacebookText(rawName));
    if (!fullName) {
      skipped.push({ line, reason: 'deleted account' });
      return;
    }
    const emails: string[] = [];
    const info = entry.contact_info;
    if (typeof info === 'string' && info.includes('@')) emails.push(cleanField(repairFacebookText(info)));
    records.push({
      line,
      firstName: '',
      lastName: '',
      fullName,
      emails,
      profileUrls: [],
      phones: [],
      company: '',
      position: '',
      connectedOn: dayOf(entry.timestamp),
    });
  });
  const warnings = exact ? [] : ['line numbers are entry numbers: the entries could not be located in the file'];
  return { format: 'facebook', network: 'facebook', records, skipped, warnings };
}
