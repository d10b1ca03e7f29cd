// Reader of LinkedIn Invitations.csv: who invited whom. Not interactions (SPEC §2), so no records.
import { parseInstant } from '../../../../shared/parse/dates';
import { ImportError } from '../importError';
import type { ByteSource } from '../text/byteSource';
import { findColumn, streamCsvRows } from './csvSource';
import { IdentityTally, RecordBatcher, type BatchSink, type InteractionFileInfo, type InteractionParseOptions, type InvitationRecord, type OwnerHint, type ProgressSink } from './interactionFile';

/** A real profile URL: `…/in/<slug>`; the briefly truncated `https://www.linkedin.com/in` and URNs are not. */
function profileUrl(raw: string): string | undefined {
  const url = raw.trim();
  if (!url || /^urn:/i.test(url)) return undefined;
  return /\/in\/[^/?#\s]+/i.test(url) ? url : undefined;
}

export async function streamLinkedinInvitations(
  source: ByteSource,
  opts: InteractionParseOptions,
  onBatch: BatchSink,
  onProgress?: ProgressSink,
): Promise<InteractionFileInfo> {
  const path = source.name;
  const batcher = new RecordBatcher(onBatch);
  const invitations: InvitationRecord[] = [];
  const ownNames = new IdentityTally();
  const ownUrls = new IdentityTally();
  let c: Record<'from' | 'to' | 'sentAt' | 'message' | 'direction' | 'inviterUrl' | 'inviteeUrl', number> | null = null;
  const summary = await streamCsvRows(
    source,
    opts,
    (h, line) => {
      c = {
        from: findColumn(h, ['From']),
        to: findColumn(h, ['To']),
        sentAt: findColumn(h, ['Sent At']),
        message: findColumn(h, ['Message']),
        direction: findColumn(h, ['Direction']),
        inviterUrl: findColumn(h, ['inviterProfileUrl', 'Inviter Profile Url']),
        inviteeUrl: findColumn(h, ['inviteeProfileUrl', 'Invitee Profile Url']),
      };
      if (c.from < 0 || c.to < 0 || c.direction < 0) {
        throw new ImportError(path, line, 'not a LinkedIn Invitations.csv: no From, To and Direction columns');
      }
    },
    (row) => {
      const cols = c!;
      const cell = (i: number): string => (i >= 0 ? (row.cells[i] ?? '').trim() : '');
      const direction = cell(cols.direction).toLowerCase();
      if (direction !== 'incoming' && direction !== 'outgoing') {
        return batcher.skip(row.line, `unknown direction "${cell(cols.direction).slice(0, 20)}"`);
      }
      const incoming = direction === 'incoming';
      const name = cell(incoming ? cols.from : cols.to);
      const url = profileUrl(cell(incoming ? cols.inviterUrl : cols.inviteeUrl));
      ownNames.add(cell(incoming ? cols.to : cols.from));
      ownUrls.add(profileUrl(cell(incoming ? cols.inviteeUrl : cols.inviterUrl)));
      if (!name && !url) return batcher.skip(row.line, 'no name or profile URL');
      const invitation: InvitationRecord = { name, direction, sentAt: parseInstant(cell(cols.sentAt)) };
      if (url) invitation.profileUrl = url;
      const message = cell(cols.message);
      if (message) invitation.message = message.slice(0, 2000);
      invitations.push(invitation);
    },
    (read, total) => onProgress?.(read, total, 0),
  );
  for (const w of summary.warnings) batcher.warn(w);
  const hints: OwnerHint[] = [];
  const url = ownUrls.top();
  if (url) hints.push({ kind: 'url', value: url.value, evidence: `your side of ${url.n} invitations` });
  const name = ownNames.top();
  if (name && name.n * 2 > invitations.length) hints.push({ kind: 'name', value: name.value, evidence: `your side of ${name.n} invitations` });
  return { ...batcher.finish('linkedin-invitations', hints), invitations };
}
