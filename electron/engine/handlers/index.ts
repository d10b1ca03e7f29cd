// The engine's handler map and the one entry every door calls: validate, run, wrap errors.
import { calls, isChannel, type Channel, type Envelope } from '../../../shared/api/contract';
import type { EngineContext } from '../context';
import { UserFacingError, type Handlers } from './handlerTypes';
import { archiveHandlers } from './archiveHandlers';
import { auditHandlers } from './auditHandlers';
import { dataHandlers } from './dataHandlers';
import { importHandlers } from './importHandlers';
import { invitationHandlers } from './invitationHandlers';
import { settingsHandlers } from './settingsHandlers';

export const handlers: Handlers = { ...settingsHandlers, ...importHandlers, ...auditHandlers, ...dataHandlers, ...invitationHandlers, ...archiveHandlers };

/** Calls that change nothing an audit depends on; every other call drops the cached audits. */
const LEAVES_AUDIT_AS_IS = new Set<Channel>([
  'app:info',
  'settings:get',
  'import:preview',
  'import:history',
  'import:cancel',
  'import:release',
  'audit:get',
  'audit:history',
  'audit:changes',
  'person:get',
  'person:setNote',
  'tags:list',
  'export:prune',
  'prune:status',
  'report:html',
  'report:pdf',
  'review:list',
  // Invitation senders are not persons: nothing here reaches the audit.
  'invites:list',
  'invites:detail',
  'invites:tag',
  'invites:export',
  'archive:survey',
  'archive:preview',
]);

/**
 * Calls that write no interaction or participant row (they move contacts between persons, or change
 * persons, decisions, settings, tags): the cached audits go, the audit cache's thread summary stays.
 */
const KEEPS_RECORDS = new Set<Channel>([
  'settings:setRules',
  'settings:setMe',
  'review:decide',
  'person:merge',
  'person:split',
  'person:undo',
  'tags:apply',
  'tags:undo',
  'tags:rename',
  'tags:delete',
]);

/**
 * Calls that change records only by whole import batches (adding one, or undoing one): the cached audits go, the
 * thread summary is brought up to date from the batches that came and went (the audit cache checks that they did).
 */
const RECORDS_BY_BATCH = new Set<Channel>(['import:run', 'import:undo', 'archive:run', 'demo:load', 'meet:log']);

function dropAudits(ctx: EngineContext, channel: Channel): void {
  if (LEAVES_AUDIT_AS_IS.has(channel)) return;
  if (KEEPS_RECORDS.has(channel)) ctx.audits.invalidateKeepingRecords();
  else if (RECORDS_BY_BATCH.has(channel)) ctx.audits.invalidateRecords();
  else ctx.audits.invalidate();
}

/** Validates the request against the contract, runs its handler, and never lets a stack trace cross. */
export async function invoke(ctx: EngineContext, channel: string, request: unknown): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) return { ok: false, error: { code: 'not_found', message: `unknown call "${channel}"` } };
  const parsed = calls[channel].request.safeParse(request ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: { code: 'invalid_request', message: `${channel}: ${issue.path.join('.') || 'request'}: ${issue.message}` } };
  }
  try {
    const handler = handlers[channel] as (req: unknown, ctx: EngineContext) => unknown;
    const value = await handler(parsed.data, ctx);
    dropAudits(ctx, channel);
    return { ok: true, value };
  } catch (err) {
    dropAudits(ctx, channel);
    if (err instanceof UserFacingError) return { ok: false, error: { code: err.code, message: err.message } };
    console.error(`[tiecheck] ${channel} failed:`, err);
    return { ok: false, error: { code: 'internal', message: err instanceof Error ? err.message : String(err) } };
  }
}
