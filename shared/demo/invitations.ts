// LinkedIn Invitations.csv and Facebook received_friend_requests.json as the networks write them
// (FORMATS.md): every era's header, `"8/18/18, 9:08 AM"` dates, the truncated URL and URN columns,
// and Facebook's byte-per-escape UTF-8.
import { csvRow, utf8Bytes } from './encoding';

export type InvitationsEra = '2018' | '2023' | '2023-truncated' | '2024-urn';

export interface DemoInvitation {
  /** The other side: who invited you, or whom you invited. */
  name: string;
  /** `https://www.linkedin.com/in/<slug>`; written only by eras that have URL columns. */
  profileUrl?: string;
  /** UTC instant `YYYY-MM-DDTHH:MM:SSZ`. */
  sentAt: string;
  direction: 'incoming' | 'outgoing';
  message?: string;
}

export interface InvitationsOwner {
  name: string;
  profileUrl: string;
}

/** `8/18/18, 9:08 AM`: month/day/two-digit year, 12-hour clock. */
export function invitationDate(iso: string): string {
  const d = new Date(iso);
  const h = d.getUTCHours();
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${String(d.getUTCFullYear()).slice(2)}, ${hour}:${String(d.getUTCMinutes()).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}

function urn(seed: string): string {
  let h = 7;
  for (const ch of seed) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `urn:li:member:${100000000 + (h % 900000000)}`;
}

export function writeLinkedInInvitationsText(me: InvitationsOwner, invitations: readonly DemoInvitation[], era: InvitationsEra = '2023'): string {
  const header = ['From', 'To', 'Sent At', 'Message', 'Direction'];
  if (era === '2023' || era === '2023-truncated') header.push('inviterProfileUrl', 'inviteeProfileUrl');
  if (era === '2024-urn') header.push('inviterProfileUrn', 'inviteeProfileUrn');
  const lines = [header.join(',')];
  for (const inv of invitations) {
    const incoming = inv.direction === 'incoming';
    const cells = [incoming ? inv.name : me.name, incoming ? me.name : inv.name, invitationDate(inv.sentAt), inv.message ?? '', inv.direction.toUpperCase()];
    const theirs = inv.profileUrl ?? '';
    if (era === '2023') cells.push(incoming ? theirs : me.profileUrl, incoming ? me.profileUrl : theirs);
    if (era === '2023-truncated') cells.push('https://www.linkedin.com/in', 'https://www.linkedin.com/in');
    if (era === '2024-urn') cells.push(urn(incoming ? inv.name : me.name), urn(incoming ? me.name : inv.name));
    lines.push(csvRow(cells));
  }
  return `${lines.join('\n')}\n`;
}

/** Facebook's escaping: every UTF-8 byte of a non-ASCII character as its own `\u00XX`. */
function facebookString(text: string): string {
  let out = '"';
  for (const ch of text) {
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch.charCodeAt(0) < 0x80) out += ch;
    else for (const b of utf8Bytes(ch)) out += `\\u00${b.toString(16).padStart(2, '0')}`;
  }
  return `${out}"`;
}

/** `received_requests_v2` (2024–) or the older `received_requests`, pretty-printed as Facebook does. */
export function writeFacebookRequestsText(requests: readonly { name: string; sentAt: string }[], opts: { older?: boolean } = {}): string {
  const key = opts.older ? 'received_requests' : 'received_requests_v2';
  const entries = requests.map((r) => `    {\n      "name": ${facebookString(r.name)},\n      "timestamp": ${Math.floor(Date.parse(r.sentAt) / 1000)}\n    }`);
  return `{\n  "${key}": [\n${entries.join(',\n')}\n  ]\n}\n`;
}
