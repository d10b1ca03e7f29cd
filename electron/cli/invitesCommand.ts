// `tiecheck invites` (SPEC §9): the incoming invitations from non-connections, each with its verdict.
import type { EngineContext } from '../engine/context';
import { listInvitations } from '../engine/invitations/invitationList';
import type { InvitationRow } from '../../shared/invitations/invitationRow';
import { isDay } from '../../shared/audit/calendarDays';
import { allowOnly, flag, UsageError, type ParsedArgs } from './cliArgs';

/** Exactly the fields SPEC §9 names, in its order. */
function shape(r: InvitationRow) {
  return {
    from: r.from,
    profileUrl: r.profileUrl,
    sentAt: r.sentAt,
    verdict: r.verdict,
    inPerson: r.inPerson,
    conversations: r.conversations,
    oneWay: r.oneWay,
    lastContact: r.lastContact,
  };
}

function cut(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

function printTable(asOf: string, rows: InvitationRow[]): void {
  const out = process.stdout;
  if (rows.length === 0) {
    out.write(`No invitations waiting as of ${asOf} (import Invitations.csv or received_friend_requests.json with tiecheck log).\n`);
    return;
  }
  const count = (v: string) => rows.filter((r) => r.verdict === v).length;
  out.write(`${rows.length} invitation(s) waiting as of ${asOf}: ${count('met')} met, ${count('talked')} talked, ${count('contact')} contact, ${count('never')} never.\n\n`);
  const nameWidth = Math.min(32, Math.max(4, ...rows.map((r) => r.from.length)));
  out.write(`${cut('From', nameWidth)}  Sent        Verdict  In person  Conv.  One-way  Last contact\n`);
  for (const r of rows) {
    out.write(
      `${cut(r.from || '(no name)', nameWidth)}  ${(r.sentAt ?? '').padEnd(10)}  ${r.verdict.padEnd(7)}  ${String(r.inPerson).padStart(9)}  ${String(r.conversations).padStart(5)}  ${String(r.oneWay).padStart(7)}  ${r.lastContact ?? '-'}\n`,
    );
  }
}

export async function invitesCommand(ctx: EngineContext, args: ParsedArgs): Promise<void> {
  allowOnly(args, ['db', 'as-of', 'json']);
  if (args.files.length) throw new UsageError(`invites takes no FILE (got "${args.files[0]}"); import invitations with tiecheck log`);
  const asOf = flag(args, 'as-of');
  if (asOf !== undefined && !isDay(asOf)) throw new UsageError(`--as-of takes a date YYYY-MM-DD, got "${asOf}"`);
  const list = listInvitations(ctx.db, asOf);
  if (flag(args, 'json') === 'true') process.stdout.write(`${JSON.stringify({ invitations: list.invitations.map(shape) }, null, 2)}\n`);
  else printTable(list.asOf, list.invitations);
}
