// Applies one connection export to the database inside one transaction: upsert connections, merge
// them into persons, and find (optionally mark) the connections that the export no longer has.
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/openDatabase';
import type { ConnectionRecord, SkippedRow } from '../../../shared/domain/records';
import type { NormalisedIdentities } from '../store/identityKeys';
import { PersonIndex } from '../store/personIndex';
import { todayUtc } from '../../../shared/audit/calendarDays';
import { joinReason, strongKeysOf, type FileJoin } from './fileRowJoiner';
import type { PreparedConnection } from './preparedConnections';
import { nameDateOf, pickReexported, type StoredRowCandidate } from './reexportMatch';

export interface ConnectionCounts {
  added: number;
  updated: number;
  skipped: number;
  missing: number;
  removed: number;
  /** Rows that are the same connection as an earlier row of the file (counted in `skipped` too). */
  joined: number;
}

/** A connection row as an import reads it, and as undo restores it. */
export interface ExistingConnection {
  id: number;
  personId: string;
  firstName: string;
  lastName: string;
  fullName: string;
  emailsJson: string;
  profileUrl: string;
  phonesJson: string;
  company: string;
  position: string;
  connectedOn: string | null;
  removedAt: string | null;
  /** Set when this import gave the connection a new key (a re-export found it by another identifier): undo puts it back. */
  externalKey?: string;
}

// Person ids of one process share a prefix (the second it started, then 24 random bits) and count
// up from there, so an import's new persons, their connections and identities are appended to the
// end of the person-id indexes instead of being scattered across them.
let idPrefix = '';
let idCount = 0;
const ID_COUNT_LIMIT = 0x1000000;

/** A new person id: `p_` and 20 hex digits, increasing within a process. */
export function newPersonId(): string {
  if (idPrefix === '' || idCount >= ID_COUNT_LIMIT) {
    const seconds = Math.floor(Date.now() / 1000).toString(16).padStart(8, '0');
    idPrefix = `p_${seconds}${randomBytes(3).toString('hex')}`;
    idCount = 0;
  }
  return idPrefix + (idCount++).toString(16).padStart(6, '0');
}

export function createBatch(db: Db, kind: string, file: string, format: string, network: string | null): number {
  return Number(
    db
      .prepare(`INSERT INTO import_batches (kind, file, format, network, created_at) VALUES (?, ?, ?, ?, ?)`)
      .run(kind, file, format, network, new Date().toISOString()).lastInsertRowid,
  );
}

/** Joined rows listed by line in a summary; the count covers all of them. */
const JOINS_KEPT = 500;

/** The stored fields of a connection, in the order of the insert and update statements. */
type ConnectionFields = readonly [string, string, string, string, string, string, string, string, string | null];

type FoundConnection = ExistingConnection & { seenInBatch: number | null; seenLine: number | null; externalKey: string };

/** A row without a strong identifier whose key the network does not have yet: matched when the file has been read. */
interface DeferredRow {
  r: ConnectionRecord;
  ids: NormalisedIdentities;
  key: string;
  fields: ConnectionFields;
}

export class ConnectionSession {
  readonly counts: ConnectionCounts = { added: 0, updated: 0, skipped: 0, missing: 0, removed: 0, joined: 0 };
  readonly skippedRows: SkippedRow[] = [];
  /** The first rows joined to an earlier row of the file, with what joined them. */
  readonly joins: FileJoin[] = [];
  /** New persons whose row matched a person of another network by name alone: merged at the end if the name is unique in the file. */
  private nameMerges: { personId: string; candidate: string; nameKey: string }[] = [];
  private deferred: DeferredRow[] = [];
  missingConnections: { id: number; name: string; network: string }[] = [];
  private readonly index: PersonIndex;
  private readonly otherNetworks: boolean;
  /** The network had no connection before this import: every row is new unless the file repeats it. */
  private readonly freshNetwork: boolean;
  /** When the import started: the creation time of the persons it adds. */
  private readonly startedAt = new Date().toISOString();
  private readonly stmt;

  constructor(
    private readonly db: Db,
    readonly batchId: number,
    readonly network: string,
  ) {
    this.index = new PersonIndex(db);
    // Rows of one network are never the same person as each other, so with no other network in the
    // database yet there is nobody to merge with: skip the lookups (the first import of everyone).
    this.otherNetworks = db.prepare(`SELECT 1 FROM connections WHERE network != ? LIMIT 1`).get(network) !== undefined;
    this.freshNetwork = db.prepare(`SELECT 1 FROM connections WHERE network = ? LIMIT 1`).get(network) === undefined;
    // Batch ids of imports that changed nothing are given out again: forget what such a batch saw.
    db.prepare(`UPDATE connections SET seen_in_batch = NULL WHERE network = ? AND seen_in_batch = ?`).run(network, batchId);
    this.stmt = {
      find: db.prepare(
        `SELECT id, external_key AS externalKey, person_id AS personId, first_name AS firstName, last_name AS lastName, full_name AS fullName, emails_json AS emailsJson,
                profile_url AS profileUrl, phones_json AS phonesJson, company, position, connected_on AS connectedOn, removed_at AS removedAt,
                seen_in_batch AS seenInBatch, seen_line AS seenLine
           FROM connections WHERE network = ? AND external_key = ?`,
      ),
      update: db.prepare(
        `UPDATE connections SET first_name = ?, last_name = ?, full_name = ?, emails_json = ?, profile_url = ?, phones_json = ?, company = ?,
                position = ?, connected_on = ?, removed_at = NULL, removed_batch_id = NULL, last_batch_id = ? WHERE id = ?`,
      ),
      seen: db.prepare(`UPDATE connections SET seen_in_batch = ?, seen_line = ? WHERE id = ?`),
      rekey: db.prepare(`UPDATE connections SET external_key = ? WHERE id = ?`),
      // Connections of the network keyed by their fields (or by the name keys earlier versions stored) that this file has not matched yet.
      unseenRowKeyed: db.prepare(
        `SELECT id, external_key AS externalKey, person_id AS personId, first_name AS firstName, last_name AS lastName, full_name AS fullName,
                emails_json AS emailsJson, profile_url AS profileUrl, phones_json AS phonesJson, company, position, connected_on AS connectedOn,
                removed_at AS removedAt
           FROM connections WHERE network = ? AND seen_in_batch IS NOT ? AND (external_key LIKE 'r:%' OR external_key LIKE 'n:%') ORDER BY id`,
      ),
      // A row the file already had conflicts on (network, external_key): nothing is inserted and the
      // row is handled as one found (a duplicate of its earlier line).
      insert: db.prepare(
        `INSERT INTO connections (person_id, network, external_key, first_name, last_name, full_name, emails_json, profile_url, phones_json,
                company, position, connected_on, first_batch_id, last_batch_id, seen_in_batch, seen_line)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (network, external_key) DO NOTHING`,
      ),
      change: db.prepare(`INSERT INTO batch_changes (batch_id, table_name, row_id, before_json) VALUES (?, 'connections', ?, ?)`),
      person: db.prepare(`INSERT INTO persons (id, display_name, company, position, created_batch_id, created_at) VALUES (?, ?, ?, ?, ?, ?)`),
      unperson: db.prepare(`DELETE FROM persons WHERE id = ?`),
      identity: db.prepare(`INSERT OR IGNORE INTO identities (person_id, kind, value, batch_id) VALUES (?, ?, ?, ?)`),
    };
  }

  addSkipped(rows: SkippedRow[]): void {
    this.skippedRows.push(...rows);
    this.counts.skipped += rows.length;
  }

  /** Rows of the file in order, prepared (identities and verdict) by one ConnectionPreparer of the file. */
  add(rows: PreparedConnection[]): void {
    for (const row of rows) this.addOne(row);
  }

  private addOne({ r, ids, verdict }: PreparedConnection): void {
    if ('join' in verdict) {
      this.counts.joined += 1;
      if (this.joins.length < JOINS_KEPT) this.joins.push(verdict.join);
      this.addSkipped([{ line: r.line, reason: joinReason(verdict.join) }]);
      return;
    }
    const key = verdict.key;
    const fields: ConnectionFields = [
      r.firstName,
      r.lastName,
      r.fullName,
      JSON.stringify(r.emails),
      r.profileUrls[0] ?? '',
      JSON.stringify(r.phones),
      r.company,
      r.position,
      r.connectedOn,
    ];
    // Into a network with no connection yet, each row is inserted straight away; only a row the
    // file repeats (the insert changes nothing) is looked up, as every row is otherwise.
    if (this.freshNetwork && this.insertNew(r, ids, key, fields)) return;
    const found = this.stmt.find.get(this.network, key) as FoundConnection | undefined;
    if (found && found.seenInBatch === this.batchId) {
      // The joiner gives each distinct row its own key; a connection this file already matched under
      // another identifier (below) is the only way here.
      this.addSkipped([{ line: r.line, reason: `the same connection as line ${found.seenLine}` }]);
      return;
    }
    if (found) {
      this.update(found, r.line, fields, ids);
      return;
    }
    // A later export of the network may give a connection an identifier it did not have (a URL
    // column, a second e-mail): any of the row's strong identifiers finds the stored connection,
    // which takes the row's key from then on.
    for (const other of strongKeysOf(ids).slice(1)) {
      const byOther = this.stmt.find.get(this.network, other) as FoundConnection | undefined;
      if (byOther && byOther.seenInBatch !== this.batchId) {
        this.update(byOther, r.line, fields, ids, key);
        return;
      }
    }
    if (verdict.rowKey && !this.freshNetwork) {
      this.deferred.push({ r, ids, key, fields });
      return;
    }
    if (!this.insertNew(r, ids, key, fields)) throw new Error(`connection ${key} of ${this.network} appeared while it was being imported`);
  }

  /** The row is this stored connection: mark it seen, store what changed (and its new key). */
  private update(found: FoundConnection, line: number, fields: ConnectionFields, ids: NormalisedIdentities, newKey?: string): void {
    const { seenInBatch: _batch, seenLine: _line, externalKey, ...existing } = found;
    this.stmt.seen.run(this.batchId, line, existing.id);
    const before = [existing.firstName, existing.lastName, existing.fullName, existing.emailsJson, existing.profileUrl, existing.phonesJson, existing.company, existing.position, existing.connectedOn];
    const rekeyed = newKey !== undefined && newKey !== externalKey;
    const changed = rekeyed || existing.removedAt !== null || before.some((v, i) => v !== fields[i]);
    if (changed) {
      this.stmt.change.run(this.batchId, String(existing.id), JSON.stringify(rekeyed ? { ...existing, externalKey } : existing));
      this.stmt.update.run(...fields, this.batchId, existing.id);
      if (rekeyed) this.stmt.rekey.run(newKey, existing.id);
      this.counts.updated += 1;
    }
    this.storeIdentities(existing.personId, ids);
  }

  /**
   * Rows without a strong identifier that the network has no key for: either new people, or people
   * the network had under another row key (their position or company changed in this export, or
   * the database was written before row keys, with name keys). Matched only once the whole file is
   * read, so that every row that is still exactly as stored has found its own connection first
   * and cannot be taken by a namesake's changed row. See `pickReexported` for the rule.
   */
  private settleDeferred(): void {
    if (this.deferred.length === 0) return;
    const stored = this.stmt.unseenRowKeyed.all(this.network, this.batchId) as (ExistingConnection & { externalKey: string })[];
    const byNameDate = new Map<string, StoredRowCandidate[]>();
    for (const c of stored) {
      const at = nameDateOf(c.fullName, c.firstName, c.lastName, c.connectedOn);
      const list = byNameDate.get(at);
      if (list) list.push({ ...c, taken: false });
      else byNameDate.set(at, [{ ...c, taken: false }]);
    }
    const deferred = this.deferred;
    this.deferred = [];
    const rowsLeft = new Map<string, number>();
    const nameDates = deferred.map((d) => nameDateOf(d.r.fullName, d.r.firstName, d.r.lastName, d.r.connectedOn));
    for (const at of nameDates) rowsLeft.set(at, (rowsLeft.get(at) ?? 0) + 1);
    for (const [i, d] of deferred.entries()) {
      const at = nameDates[i];
      const list = byNameDate.get(at);
      const match = list ? pickReexported(d.r, list, rowsLeft.get(at) ?? 0) : null;
      if (match) {
        match.taken = true;
        const { taken: _taken, ...found } = match;
        this.update({ ...found, seenInBatch: null, seenLine: null }, d.r.line, d.fields, d.ids, d.key);
      } else if (!this.insertNew(d.r, d.ids, d.key, d.fields)) {
        throw new Error(`connection ${d.key} of ${this.network} appeared while it was being imported`);
      }
    }
  }

  /** Adds the row as a new connection (of a matching or a new person); false when the network already has its key. */
  private insertNew(r: ConnectionRecord, ids: NormalisedIdentities, key: string, fields: ConnectionFields): boolean {
    const found = this.otherNetworks ? this.index.find(ids, this.network) : null;
    // A name alone is decided when the whole file has been read: "Amit Kumar" twice in this file is
    // two people, and neither is the one Amit Kumar of another network by a guess.
    const match = found?.byName ? null : found;
    const personId = match?.personId ?? newPersonId();
    if (!match) {
      // A contact saved without a name is shown by what identifies it, as the file wrote it.
      const name = r.fullName.trim() || `${r.firstName} ${r.lastName}`.trim() || r.emails[0] || r.phones[0] || r.profileUrls[0] || r.company || 'Unnamed';
      this.stmt.person.run(personId, name, r.company, r.position, this.batchId, this.startedAt);
    }
    const inserted = this.stmt.insert.run(personId, this.network, key, ...fields, this.batchId, this.batchId, this.batchId, r.line).changes > 0;
    if (!inserted) {
      if (!match) this.stmt.unperson.run(personId);
      return false;
    }
    this.storeIdentities(personId, ids);
    if (found?.byName) this.nameMerges.push({ personId, candidate: found.personId, nameKey: ids.nameKey });
    this.counts.added += 1;
    return true;
  }

  /**
   * A row that matched a person of another network only by its name key joins that person when the
   * two of them are still the only holders of the name key once the file is read (SPEC §5.2: a name
   * links only when exactly one person has it). Another row of the file with that name key is a
   * third holder (a person of its own, or one found by an identifier), so neither is merged by a
   * guess; otherwise the row stays a person of its own.
   */
  private settleNameMerges(): void {
    if (this.nameMerges.length === 0) return;
    const move = {
      connections: this.db.prepare(`UPDATE connections SET person_id = ? WHERE person_id = ?`),
      identities: this.db.prepare(`UPDATE OR IGNORE identities SET person_id = ? WHERE person_id = ?`),
      leftovers: this.db.prepare(`DELETE FROM identities WHERE person_id = ?`),
    };
    for (const m of this.nameMerges) {
      const owners = this.index.nameOwners(m.nameKey);
      if (owners.length !== 2 || !owners.includes(m.candidate) || !owners.includes(m.personId)) continue;
      if (this.index.isOnNetwork(m.candidate, this.network)) continue;
      move.connections.run(m.candidate, m.personId);
      move.identities.run(m.candidate, m.personId);
      move.leftovers.run(m.personId);
      this.stmt.unperson.run(m.personId);
    }
    this.nameMerges = [];
  }

  /**
   * Each identity goes in with its own single-row INSERT, at once. One INSERT … SELECT FROM jsonb_each
   * per batch (as this was) makes SQLite keep a statement journal, a copy of every page the statement
   * changes: identities land on pages all over their index, so once the index is larger than a
   * batch that is a 4 KB page copied (and allocated, and freed) per identity. It saved 30 ms of
   * 900 on 30,000 rows and cost 11 s of 26 on 300,000.
   */
  private storeIdentities(personId: string, ids: NormalisedIdentities): void {
    const insert = this.stmt.identity;
    const batch = this.batchId;
    for (const e of ids.emails) insert.run(personId, 'email', e, batch);
    for (const u of ids.urls) insert.run(personId, 'url', u, batch);
    for (const p of ids.phones) insert.run(personId, 'phone', p, batch);
    if (ids.nameKey) insert.run(personId, 'name', ids.nameKey, batch);
  }

  /** Connections of this network that the export did not contain; marked removed only when asked. */
  finish(markRemovals: boolean): void {
    this.settleDeferred();
    this.settleNameMerges();
    // Every connection of a network that had none was added by this import, and marked seen by it:
    // none can be missing, and reading them all back to find that out costs a scan.
    if (this.freshNetwork) return;
    this.missingConnections = this.db
      .prepare(
        `SELECT id, full_name AS name, network FROM connections
          WHERE network = ? AND removed_at IS NULL AND seen_in_batch IS NOT ? ORDER BY full_name`,
      )
      .all(this.network, this.batchId) as { id: number; name: string; network: string }[];
    this.counts.missing = this.missingConnections.length;
    if (markRemovals && this.missingConnections.length > 0) {
      const mark = this.db.prepare(`UPDATE connections SET removed_at = ?, removed_batch_id = ? WHERE id = ?`);
      const today = todayUtc();
      for (const c of this.missingConnections) mark.run(today, this.batchId, c.id);
      this.counts.removed = this.missingConnections.length;
    }
  }
}
