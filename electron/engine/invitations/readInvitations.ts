// The incoming invitations in the database, one entry per sender: a sender who invited twice (or in
// two exports, with and without a profile URL) is one entry, dated by the latest invitation.
import type { Db } from '../db/openDatabase';
import { normaliseParticipant } from '../../../shared/identity/decisions';
import { identityKeyOf } from '../../../shared/identity/decisions';

export interface InvitationSender {
  /** `url:<linkedin.com/in/slug>` or `name:<name key>`: where tags are filed. */
  key: string;
  name: string;
  /** The profile URL as the export wrote it, or ''. */
  profileUrl: string;
  normalisedUrl: string | null;
  nameKey: string;
  network: string;
  sentAt: string | null;
  message: string;
}

interface Row {
  name: string;
  profileUrl: string;
  network: string;
  sentAt: string | null;
  message: string;
}

function later(a: string | null, b: string | null): boolean {
  return b !== null && (a === null || b > a);
}

/** Incoming invitations sent on or before `asOf` (an invitation from the future is not yet waiting). */
export function readInvitationSenders(db: Db, asOf: string): InvitationSender[] {
  const rows = db
    .prepare(
      `SELECT name, profile_url AS profileUrl, network, sent_at AS sentAt, message FROM invitations
        WHERE direction = 'incoming' AND (sent_at IS NULL OR substr(sent_at, 1, 10) <= ?)
        ORDER BY sent_at, id`,
    )
    .all(asOf) as Row[];
  const byKey = new Map<string, InvitationSender>();
  const nameOnly: InvitationSender[] = [];
  for (const row of rows) {
    const ids = normaliseParticipant({ name: row.name, profileUrl: row.profileUrl || undefined });
    const key = identityKeyOf({ profileUrl: ids.profileUrl, nameKey: ids.nameKey }) || `raw:${row.name.trim().toLowerCase()}`;
    const entry: InvitationSender = { key, name: row.name, profileUrl: row.profileUrl, normalisedUrl: ids.profileUrl, nameKey: ids.nameKey, ...pick(row) };
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, entry);
      if (!ids.profileUrl) nameOnly.push(entry);
    } else if (later(seen.sentAt, row.sentAt)) Object.assign(seen, pick(row), { name: row.name || seen.name });
  }
  // A name-only invitation (an older export, a Facebook request) joins the one sender with a URL of
  // that name; with several such senders it could be any of them, so it stays apart.
  for (const entry of nameOnly) {
    if (entry.nameKey === '') continue;
    const withUrl = [...byKey.values()].filter((s) => s.normalisedUrl !== null && s.nameKey === entry.nameKey && s.network === entry.network);
    if (withUrl.length !== 1) continue;
    const [target] = withUrl;
    if (later(target.sentAt, entry.sentAt)) Object.assign(target, pick(entry));
    byKey.delete(entry.key);
  }
  return [...byKey.values()];
}

function pick(row: { network: string; sentAt: string | null; message: string }) {
  return { network: row.network, sentAt: row.sentAt, message: row.message };
}
