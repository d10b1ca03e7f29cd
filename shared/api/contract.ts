// The one list of every call and pushed event between the UI and the engine (DESIGN §2): each Electron
// IPC handler, the preload bridge, the HTTP server and the renderer client are derived from it.
import { z } from 'zod';
import {
  auditResultSchema,
  batchId,
  batchSchema,
  dayString,
  filePreviewSchema,
  fileRef,
  importOptionsSchema,
  importSummarySchema,
  interactionKind,
  ownIdentitySchema,
  personDetailSchema,
  personId,
  reviewItemSchema,
  rulesSchema,
  tagName,
} from './schemas';
import { invitationKey, invitationRowSchema } from './invitationSchemas';
import { archivePreviewRequest, archivePreviewSchema, archiveRunRequest, archiveRunSchema, archiveSurveyRequest, archiveSurveySchema } from './archiveSchemas';

const empty = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });
const changeList = z.object({
  count: z.number(),
  people: z.array(z.object({ id: z.string(), name: z.string(), from: z.string(), to: z.string() })),
});

function call<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { request, response };
}

export const calls = {
  'app:info': call(empty, z.object({ version: z.string(), dbPath: z.string(), door: z.enum(['electron', 'browser']), persons: z.number() })),

  'settings:get': call(empty, z.object({ rules: rulesSchema, me: z.array(ownIdentitySchema) })),
  'settings:setRules': call(z.object({ rules: rulesSchema.partial() }).strict(), z.object({ rules: rulesSchema })),
  'settings:setMe': call(z.object({ me: z.array(ownIdentitySchema).max(200) }).strict(), z.object({ me: z.array(ownIdentitySchema) })),

  'import:preview': call(importOptionsSchema.omit({ removals: true, jobId: true }).strict(), filePreviewSchema),
  'import:run': call(importOptionsSchema.strict(), importSummarySchema),
  'import:cancel': call(z.object({ jobId: z.string().max(64) }).strict(), ok),
  /** The person is done with a staged file (left the import, chose another): forget it and delete an upload's copy. */
  'import:release': call(z.object({ fileRef }).strict(), ok),
  'import:history': call(empty, z.object({ batches: z.array(batchSchema) })),
  'import:undo': call(z.object({ batchId }).strict(), z.object({ undone: z.boolean() })),
  'demo:load': call(empty, z.object({ connections: z.number(), interactions: z.number() })),

  'meet:log': call(
    z
      .object({
        with: z.array(z.string().trim().min(1).max(300)).min(1).max(50),
        kind: interactionKind,
        date: dayString,
        note: z.string().max(2000).optional(),
      })
      .strict(),
    z.object({ interactionId: z.number(), linked: z.array(z.string()), unlinked: z.array(z.string()) }),
  ),

  'audit:get': call(z.object({ asOf: dayString.optional(), save: z.boolean().optional() }).strict(), auditResultSchema),
  'audit:history': call(empty, z.object({ snapshots: z.array(z.object({ asOf: z.string(), createdAt: z.string(), summary: auditResultSchema.shape.summary })) })),
  'audit:changes': call(
    z.object({ asOf: dayString.optional() }).strict(),
    z.object({
      changes: z
        .object({
          since: z.object({ asOf: z.string(), createdAt: z.string() }),
          pruned: changeList,
          revived: changeList,
          faded: changeList,
          added: changeList,
        })
        .nullable(),
    }),
  ),
  'person:get': call(z.object({ id: personId, asOf: dayString.optional() }).strict(), personDetailSchema),
  'person:setNote': call(z.object({ id: personId, note: z.string().max(20_000) }).strict(), ok),

  'tags:apply': call(
    z
      .object({
        action: z.enum(['add', 'remove']),
        tag: tagName,
        ids: z.array(personId).max(100_000).optional(),
        filter: z.string().max(2000).optional(),
        asOf: dayString.optional(),
      })
      .strict(),
    z.object({ changed: z.number(), operationId: z.string() }),
  ),
  'tags:undo': call(z.object({ operationId: z.string().max(64) }).strict(), z.object({ changed: z.number() })),
  'tags:list': call(empty, z.object({ tags: z.array(z.object({ tag: z.string(), count: z.number() })) })),
  'tags:rename': call(z.object({ from: tagName, to: tagName }).strict(), z.object({ changed: z.number(), operationIds: z.array(z.string()) })),
  'tags:delete': call(z.object({ tag: tagName }).strict(), z.object({ changed: z.number(), operationId: z.string() })),
  'export:prune': call(z.object({ tag: tagName, asOf: dayString.optional() }).strict(), z.object({ fileName: z.string(), csv: z.string(), rows: z.number() })),
  'prune:status': call(
    z.object({ tag: tagName }).strict(),
    z.object({
      rows: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          status: z.enum(['pruned', 'partly', 'still connected']),
          removed: z.array(z.object({ network: z.string(), removedAt: z.string() })),
          connected: z.array(z.string()),
        }),
      ),
      pruned: z.number(),
      partly: z.number(),
      stillConnected: z.number(),
    }),
  ),
  'report:html': call(z.object({ asOf: dayString.optional() }).strict(), z.object({ html: z.string() })),
  'report:pdf': call(z.object({ asOf: dayString.optional() }).strict(), z.object({ fileName: z.string(), base64: z.string() })),

  'review:list': call(empty, z.object({ items: z.array(reviewItemSchema) })),
  'review:decide': call(
    z.object({ contactId: z.number().int(), personId: personId.nullable(), verdict: z.enum(['confirm', 'reject']) }).strict(),
    ok,
  ),
  'person:merge': call(z.object({ keepId: personId, mergeId: personId }).strict(), z.object({ operationId: z.string() })),
  'person:split': call(
    z.object({ id: personId, connectionIds: z.array(z.number().int()).min(1).max(1000) }).strict(),
    z.object({ operationId: z.string(), newPersonId: z.string() }),
  ),
  'person:undo': call(z.object({ operationId: z.string().max(64) }).strict(), z.object({ undone: z.boolean() })),

  // Invitations at the gate (SPEC §9 `invites`): senders who are not connections, judged by the
  // audit's evidence; tagged and exported by the sender's key (they are not persons).
  'invites:list': call(z.object({ asOf: dayString.optional() }).strict(), z.object({ asOf: z.string(), invitations: z.array(invitationRowSchema) })),
  'invites:detail': call(
    z.object({ key: invitationKey, asOf: dayString.optional() }).strict(),
    z.object({ invitation: invitationRowSchema, records: personDetailSchema.shape.records }),
  ),
  'invites:tag': call(z.object({ action: z.enum(['add', 'remove']), tag: tagName, keys: z.array(invitationKey).min(1).max(100_000) }).strict(), z.object({ changed: z.number() })),
  'invites:export': call(
    z.object({ keys: z.array(invitationKey).max(100_000).optional(), asOf: dayString.optional() }).strict(),
    z.object({ fileName: z.string(), csv: z.string(), rows: z.number() }),
  ),

  // The whole database: a download of a consistent copy (base64, for both doors: no file path ever
  // comes from the UI), a restore from a staged file, and deletion of everything.
  'data:export': call(empty, z.object({ fileName: z.string(), bytes: z.number(), base64: z.string() })),
  'data:restore': call(
    z.object({ fileRef }).strict(),
    z.object({ schemaVersion: z.number(), persons: z.number(), connections: z.number(), interactions: z.number(), previousBackup: z.string().nullable() }),
  ),
  'data:deleteAll': call(z.object({ confirm: z.literal('DELETE') }).strict(), z.object({ deletedRows: z.number(), backupsRemoved: z.number() })),

  // A whole export as it comes (zip, tgz, the parts of one Takeout, a folder): what it holds, the
  // usual preview of one of its files, and the import of all it recognises (progress as
  // import:progress over the whole archive, cancelled with import:cancel, nothing half-written).
  'archive:survey': call(archiveSurveyRequest, archiveSurveySchema),
  'archive:preview': call(archivePreviewRequest, archivePreviewSchema),
  'archive:run': call(archiveRunRequest, archiveRunSchema),
} as const;

export const events = {
  'import:progress': z.object({ jobId: z.string(), file: z.string(), bytes: z.number(), totalBytes: z.number(), rows: z.number(), phase: z.string() }),
  'data:changed': z.object({ what: z.enum(['connections', 'interactions', 'tags', 'settings', 'links']) }),
} as const;

export type Channel = keyof typeof calls;
export type EventName = keyof typeof events;
export type Request<C extends Channel> = z.input<(typeof calls)[C]['request']>;
export type ParsedRequest<C extends Channel> = z.output<(typeof calls)[C]['request']>;
export type Response<C extends Channel> = z.output<(typeof calls)[C]['response']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export interface ApiError {
  code: 'invalid_request' | 'not_found' | 'import_failed' | 'cancelled' | 'forbidden' | 'internal' | 'bad_filter';
  message: string;
}
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** The calls and events every door offers; the renderer adds file staging on top (it needs the DOM's File). */
export type ApiCalls = { [C in Channel]: (request: Request<C>) => Promise<Response<C>> } & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(calls, name);
}

export { fileRef };
export type { FileRef } from './schemas';
