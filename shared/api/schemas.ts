// zod schemas of the values that cross the contract: one definition gives both the runtime check and the type.
import { z } from 'zod';
import { TIERS } from '../domain/audit';
import { INTERACTION_KINDS } from '../domain/records';

export const dayString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
export const personId = z.string().min(1).max(64).brand<'PersonId'>();
export type PersonId = z.infer<typeof personId>;
export const batchId = z.number().int().positive();
export const fileRef = z.string().min(1).max(200).brand<'FileRef'>();
export type FileRef = z.infer<typeof fileRef>;
export const tagName = z.string().trim().min(1).max(60).regex(/^[^\s,;]+$/, 'a tag is one word (no spaces, commas or semicolons)');

export const tierSchema = z.enum(TIERS);
export const interactionKind = z.enum(INTERACTION_KINDS);

export const rulesSchema = z.object({
  recentMonths: z.number().int().min(1).max(600),
  smallGroupMax: z.number().int().min(1).max(1000),
  minConversations: z.number().int().min(1).max(100),
  minInPerson: z.number().int().min(1).max(100),
});

export const ownIdentitySchema = z.object({
  kind: z.enum(['email', 'url', 'phone', 'name']),
  value: z.string().trim().min(1).max(500),
});

export const auditPersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  emails: z.array(z.string()),
  profileUrls: z.array(z.string()),
  company: z.string(),
  position: z.string(),
  networks: z.array(z.string()),
  connectedOn: z.string().nullable(),
  tier: tierSchema,
  score: z.number(),
  inPerson: z.number(),
  conversations: z.number(),
  oneWay: z.number(),
  lastContact: z.string().nullable(),
  tags: z.array(z.string()),
});

export const auditSummarySchema = z.object({
  persons: z.number(),
  real: z.number(),
  fading: z.number(),
  acquaintance: z.number(),
  dilution: z.number(),
  realShare: z.number(),
});

export const auditResultSchema = z.object({
  asOf: z.string(),
  rules: rulesSchema,
  summary: auditSummarySchema,
  persons: z.array(auditPersonSchema),
});

/** A row of a connection file joined to an earlier row: the same profile URL, e-mail or phone, or every field equal. */
export const fileJoinSchema = z.object({ line: z.number(), sameAs: z.number(), why: z.string() });

/** What a file (on its own or inside an archive) holds, shown before anything is written. */
export const filePreviewSchema = z.object({
  format: z.string(),
  network: z.string().nullable(),
  encoding: z.string(),
  columns: z.array(z.string()),
  mapping: z.record(z.string(), z.string().nullable()),
  rows: z.array(z.record(z.string(), z.string())),
  totalRows: z.number(),
  skipped: z.array(z.object({ line: z.number(), reason: z.string() })),
  warnings: z.array(z.string()),
  /** Connection files: rows the import would join to an earlier row of the file (whole file), and the first of them with why. */
  joined: z.number().optional(),
  joins: z.array(fileJoinSchema).optional(),
  /** False when the file is large and only its first part was read for joins (the summary lists them all). */
  joinsComplete: z.boolean().optional(),
});

export const importSummarySchema = z.object({
  file: z.string(),
  format: z.string(),
  network: z.string().nullable().optional(),
  batchId: z.number().nullable(),
  added: z.number(),
  updated: z.number(),
  missing: z.number(),
  removed: z.number(),
  skipped: z.number(),
  skippedRows: z.array(z.object({ line: z.number(), reason: z.string() })),
  warnings: z.array(z.string()),
  /** Interaction imports: what the records turned out to be. */
  found: z
    .object({ records: z.number(), threads: z.number(), twoWayThreads: z.number(), meetings: z.number(), calls: z.number(), unlinked: z.number() })
    .optional(),
  ownerHints: z.array(z.object({ kind: z.enum(['email', 'url', 'phone', 'name']), value: z.string(), evidence: z.string() })).optional(),
  /** Connections absent from this export (names), listed so the user can confirm their removal. */
  missingConnections: z.array(z.object({ id: z.number(), name: z.string(), network: z.string() })).optional(),
  /** Connection imports: rows that are the same connection as an earlier row of the file (also in `skipped`), and the first of them with why. */
  joined: z.number().optional(),
  joinedRows: z.array(fileJoinSchema).optional(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const importOptionsSchema = z.object({
  fileRef,
  kind: z.enum(['connections', 'interactions']),
  format: z.string().max(40).optional(),
  network: z.string().trim().min(1).max(60).optional(),
  map: z.record(z.string().max(40), z.string().max(200)).optional(),
  removals: z.boolean().optional(),
  jobId: z.string().max(64).optional(),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

export const personDetailSchema = z.object({
  person: auditPersonSchema.extend({ note: z.string(), scoreBreakdown: z.record(z.string(), z.number()) }),
  connections: z.array(
    z.object({ id: z.number(), network: z.string(), name: z.string(), profileUrl: z.string(), company: z.string(), position: z.string(), connectedOn: z.string().nullable(), removedAt: z.string().nullable() }),
  ),
  records: z.array(
    z.object({
      id: z.number(),
      kind: interactionKind,
      day: z.string(),
      subject: z.string(),
      role: z.string(),
      counted: z.string(),
      how: z.string(),
      evidence: z.array(z.string()),
    }),
  ),
});
export type PersonDetail = z.infer<typeof personDetailSchema>;

export const batchSchema = z.object({
  id: z.number(),
  kind: z.string(),
  file: z.string(),
  format: z.string(),
  network: z.string().nullable(),
  createdAt: z.string(),
  counts: z.record(z.string(), z.number()),
  undoneAt: z.string().nullable(),
});

export const reviewItemSchema = z.object({
  contactId: z.number(),
  name: z.string(),
  email: z.string(),
  profileUrl: z.string(),
  records: z.number(),
  candidates: z.array(z.object({ personId: z.string(), name: z.string(), company: z.string(), reasons: z.array(z.string()), against: z.array(z.string()) })),
});
