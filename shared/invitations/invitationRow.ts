// One waiting invitation as every door shows it, and its CSV export (injection-safe like the prune list).
import { formatCsvCell } from '../export/pruneCsv';
import type { InvitationVerdict } from './verdict';

export interface InvitationRow {
  /** `url:…` or `name:…`: the sender's key, where tags are filed. */
  key: string;
  from: string;
  profileUrl: string | null;
  network: string;
  /** YYYY-MM-DD, or null when the export had no date. */
  sentAt: string | null;
  message: string;
  verdict: InvitationVerdict;
  inPerson: number;
  conversations: number;
  oneWay: number;
  lastContact: string | null;
  tags: string[];
  sentence: string;
}

export const INVITATIONS_CSV_COLUMNS = ['From', 'Profile URL', 'Network', 'Sent At', 'Verdict', 'In Person', 'Conversations', 'One-way', 'Last Contact', 'Tags', 'Message'] as const;

/** Header then one line per invitation, CRLF, with a BOM so a spreadsheet reads UTF-8. */
export function writeInvitationsCsv(rows: readonly InvitationRow[]): string {
  const lines = [INVITATIONS_CSV_COLUMNS.join(',')];
  for (const r of rows) {
    const cells = [r.from, r.profileUrl ?? '', r.network, r.sentAt ?? '', r.verdict, String(r.inPerson), String(r.conversations), String(r.oneWay), r.lastContact ?? '', r.tags.join('; '), r.message];
    lines.push(cells.map(formatCsvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
