// Imports one file (connections or interactions; on disk or an archive entry) all or nothing: parse while streaming into one
// transaction, relink, and report what was added, updated, missing, removed and skipped.
import { statSync, openSync, readSync, closeSync } from 'node:fs';
import { basename } from 'node:path';
import type { Db } from '../db/openDatabase';
import type { ImportSummary } from '../../../shared/api/schemas';
import type { OwnIdentity } from '../../../shared/domain/records';
import { ImportError } from '../importers/importError';
import { detectConnectionFormat } from '../importers/connections';
import type { InvitationRecord } from '../importers/interactions';
import { startParseWorker, streamConnectionFileBeside, streamInteractionFileBeside, type StartedParseWorker } from './parseBesideWrites';
import { decodeText } from '../importers/text';
import { toByteSource, type ByteSource } from '../importers/text/byteSource';
import { ConnectionSession, createBatch } from './connectionSession';
import { InteractionSession } from './interactionSession';
import { beginWithJournalsInMemory } from './statementJournal';
import { relinkContacts } from '../linking/relinkContacts';
import { addMe, readMe } from '../store/settingsStore';

export interface ImportFileOptions {
  kind: 'connections' | 'interactions';
  format?: string;
  network?: string;
  map?: Record<string, string>;
  removals?: boolean;
  /** Identities of the owner given with this import (`--me`): stored in Settings. */
  me?: OwnIdentity[];
  signal?: AbortSignal;
  onProgress?: (bytes: number, totalBytes: number, rows: number) => void;
  /** Shown in messages and stored on the batch instead of the path's base name (uploaded files). */
  displayName?: string;
  /** Set by the archive import, which holds the transaction: this file is a savepoint inside it. */
  inArchive?: boolean;
}

export class ImportCancelled extends Error {
  constructor() {
    super('the import was cancelled; nothing was written');
  }
}

export function readHead(path: string, bytes = 65_536): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** The network of a file is known from its format; for any other CSV the user names it, else the file name. */
export function networkOf(format: string, fileName: string, named?: string): string {
  if (format !== 'csv') return format;
  return (named ?? fileName.replace(/\.[^.]+$/, '')).trim().toLowerCase() || 'csv';
}

/**
 * Runs `work` inside BEGIN IMMEDIATE … COMMIT, rolling back on any failure (including cancellation).
 * Inside an archive's own transaction it is a savepoint: the archive is written whole or not at all.
 * Only an archive asks for that; any other import started meanwhile still fails to BEGIN.
 */
async function inTransaction<T>(db: Db, work: () => Promise<T>, inArchive = false): Promise<T> {
  if (inArchive) {
    db.exec('SAVEPOINT import_file');
    try {
      const result = await work();
      db.exec('RELEASE import_file');
      return result;
    } catch (err) {
      db.exec('ROLLBACK TO import_file');
      db.exec('RELEASE import_file');
      throw err;
    }
  }
  const restoreJournals = beginWithJournalsInMemory(db);
  try {
    const result = await work();
    db.exec('COMMIT');
    return result;
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  } finally {
    restoreJournals();
  }
}

export async function importFile(db: Db, input: string | ByteSource, opts: ImportFileOptions): Promise<ImportSummary> {
  const source = toByteSource(input);
  const fileName = opts.displayName ?? basename(source.name);
  let size: number;
  try {
    size = typeof input === 'string' ? statSync(input).size : await source.size();
  } catch {
    throw new ImportError(fileName, null, 'cannot read the file (it does not exist or is not readable)');
  }
  if (size === 0) throw new ImportError(fileName, null, 'the file is empty');
  const checkCancel = () => {
    if (opts.signal?.aborted) throw new ImportCancelled();
  };
  // First of all, so that the parse worker loads while this thread detects the format and prepares.
  const worker = await startParseWorker(opts.kind, source);
  try {
    const job: FileJob = { db, source, fileName, opts, checkCancel, worker };
    return await inTransaction(db, () => (opts.kind === 'connections' ? importConnectionsFile(job) : importInteractionsFile(job)), opts.inArchive);
  } catch (err) {
    if (opts.signal?.aborted) throw new ImportCancelled();
    // Parsers name the file on disk; an upload's temporary name means nothing to the user.
    if (err instanceof ImportError && err.file !== fileName) throw new ImportError(fileName, err.line, err.reason);
    throw err;
  } finally {
    worker?.release();
  }
}

/** One file's import as both kinds run it: where to write, what to read, and the worker started for it (if any). */
interface FileJob {
  db: Db;
  source: ByteSource;
  fileName: string;
  opts: ImportFileOptions;
  checkCancel: () => void;
  worker: StartedParseWorker | null;
}

async function importConnectionsFile({ db, source, fileName, opts, checkCancel, worker }: FileJob): Promise<ImportSummary> {
  const requested = opts.format && opts.format !== 'auto' ? opts.format : null;
  const format = requested ?? detectConnectionFormat(fileName, decodeText(await source.head(65_536), fileName, { cutShort: true }).text);
  const network = networkOf(format, fileName, opts.network);
  const batchId = createBatch(db, 'connections', fileName, format, network);
  const session = new ConnectionSession(db, batchId, network);
  let records = 0;
  const info = await streamConnectionFileBeside(
    source,
    { format: format as never, network, map: opts.map },
    (batch) => {
      checkCancel();
      records += batch.length;
      session.add(batch);
    },
    opts.onProgress,
    worker,
  );
  session.addSkipped(info.skipped);
  // The parser lists at most 10,000 skipped rows; the count covers all of them.
  session.counts.skipped += Math.max(0, info.rows - records - info.skipped.length);
  session.finish(opts.removals ?? false);
  relinkContacts(db);
  const { counts } = session;
  finishBatch(db, batchId, { ...counts });
  return {
    file: fileName,
    format: info.format,
    network,
    batchId: isEmptyBatch(counts) ? null : batchId,
    added: counts.added,
    updated: counts.updated,
    missing: counts.missing,
    removed: counts.removed,
    skipped: counts.skipped,
    joined: counts.joined,
    joinedRows: session.joins.slice(0, 500),
    skippedRows: session.skippedRows.slice(0, 500),
    warnings: [
      ...info.warnings,
      ...(counts.missing > 0 && !opts.removals
        ? [`${counts.missing} ${network} connection(s) are not in this file; nothing was marked removed (confirm with --removals)`]
        : []),
    ],
    missingConnections: session.missingConnections.slice(0, 1000),
  };
}

async function importInteractionsFile({ db, source, fileName, opts, checkCancel, worker }: FileJob): Promise<ImportSummary> {
  const warnings: string[] = [];
  const newlyMine = opts.me?.length ? addMe(db, opts.me) : [];
  const batchId = createBatch(db, 'interactions', fileName, opts.format ?? 'auto', null);
  // Knowing you already, the file cannot name you (below), so nothing its new contacts' links depend on
  // changes before the relink: they are linked as they are created.
  const linkNewContacts = readMe(db).length > 0;
  const session = new InteractionSession(db, batchId, { countFound: true, linkNewContacts });
  const info = await streamInteractionFileBeside(
    source,
    { format: (opts.format ?? 'auto') as never, map: opts.map, signal: opts.signal },
    (batch) => {
      checkCancel();
      session.addBatch(batch);
    },
    opts.onProgress,
    worker,
  );
  db.prepare(`UPDATE import_batches SET format = ? WHERE id = ?`).run(info.format, batchId);
  session.addSkipped(info.skipped);
  const invitationsAdded = info.invitations?.length ? storeInvitations(db, batchId, info.invitations) : 0;
  // With no identity of yours known yet, the file's own owner hints are the best guess; say so.
  let adoptedOwner = newlyMine.length > 0;
  if (readMe(db).length === 0 && info.ownerHints.length > 0) {
    const adopted = addMe(db, info.ownerHints.map((h) => ({ kind: h.kind, value: h.value })));
    adoptedOwner ||= adopted.length > 0;
    if (adopted.length) warnings.push(`took ${info.ownerHints.map((h) => h.value).join(', ')} as you (${info.ownerHints[0].evidence}); change this in Settings`);
  }
  // New records only bring new contacts; the persons, your identities and decisions are unchanged,
  // so only the contacts this file touched need linking (unless you were just identified: then all
  // of them, those this file created still with the shortcut that suits them), and of those it
  // created none when they were linked as they were created.
  const created = session.firstNewContactId;
  const createdLinked = linkNewContacts;
  relinkContacts(db, adoptedOwner ? { allOlder: true, fromId: created, createdLinked } : { ids: session.enrichedContacts, fromId: created, createdLinked });
  const found = session.found!.summary(db);
  const counts = { added: session.counts.added + invitationsAdded, updated: 0, skipped: session.counts.skipped, missing: 0, removed: 0 };
  finishBatch(db, batchId, { ...counts, duplicate: session.counts.duplicate });
  return {
    file: fileName,
    format: info.format,
    network: null,
    batchId: counts.added === 0 ? null : batchId,
    ...counts,
    skippedRows: session.skippedRows.slice(0, 500),
    warnings: [...info.warnings, ...warnings],
    found,
    ownerHints: info.ownerHints,
  };
}

function isEmptyBatch(c: { added: number; updated: number; removed: number }): boolean {
  return c.added === 0 && c.updated === 0 && c.removed === 0;
}

/** A batch that changed nothing is not kept: importing the same file twice leaves no trace. */
function finishBatch(db: Db, batchId: number, counts: Record<string, number>): void {
  const changedNothing = (counts.added ?? 0) === 0 && (counts.updated ?? 0) === 0 && (counts.removed ?? 0) === 0;
  const referenced = db.prepare(`SELECT 1 FROM invitations WHERE batch_id = ? LIMIT 1`).get(batchId);
  if (changedNothing && !referenced) {
    db.prepare(`DELETE FROM batch_changes WHERE batch_id = ?`).run(batchId);
    db.prepare(`UPDATE identities SET batch_id = NULL WHERE batch_id = ?`).run(batchId);
    db.prepare(`DELETE FROM import_batches WHERE id = ?`).run(batchId);
  } else {
    db.prepare(`UPDATE import_batches SET counts_json = ? WHERE id = ?`).run(JSON.stringify(counts), batchId);
  }
}

/** Returns how many were new: an invitation already stored (the same file again) is not added twice. */
function storeInvitations(db: Db, batchId: number, invitations: InvitationRecord[]): number {
  const insert = db.prepare(`INSERT OR IGNORE INTO invitations (batch_id, name, profile_url, direction, sent_at, network, message) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  let added = 0;
  for (const inv of invitations) added += insert.run(batchId, inv.name, inv.profileUrl ?? '', inv.direction, inv.sentAt, inv.network ?? 'linkedin', inv.message ?? '').changes;
  return added;
}
