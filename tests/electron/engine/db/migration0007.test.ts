// Migration 0007 drops two indexes no query uses: every row stays, and the statements that name their
// columns still find their rows through other indexes (no full scan of a large table where there was none).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMigrations, openDatabase, type Db } from '../../../../electron/engine/db/openDatabase';
import { loadDemoNetwork } from '../../../../electron/engine/imports/loadDemo';

const MIGRATIONS = loadMigrations();
let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tiecheck-db-'));
  file = join(dir, 'tiecheck.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const TABLES = ['import_batches', 'persons', 'identities', 'connections', 'contacts', 'interactions', 'participants', 'invitations', 'my_identities'];

function contents(db: Db): Record<string, unknown[]> {
  return Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT * FROM ${t}`).raw(true).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]));
}

const plan = (db: Db, sql: string, ...args: unknown[]): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('migration 0007', () => {
  it('drops interactions_day and connections_network_seen, keeping every row', async () => {
    const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version < 7) });
    await loadDemoNetwork(old, { seed: 3, connections: 40, asOf: '2025-03-31' });
    const before = contents(old);
    expect(before.interactions.length).toBeGreaterThan(50);
    old.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(7);
    const indexes = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`).pluck().all();
    expect(indexes).not.toContain('interactions_day');
    expect(indexes).not.toContain('connections_network_seen');
    expect(indexes).toEqual(expect.arrayContaining(['interactions_batch', 'participants_contact', 'contacts_person', 'connections_person', 'identities_person']));
    expect(contents(db)).toEqual(before);

    // What the connection import asks of its network's rows goes through the (network, external_key) key.
    expect(plan(db, `UPDATE connections SET seen_in_batch = NULL WHERE network = ? AND seen_in_batch = ?`, 'linkedin', 1)).toMatch(/USING INDEX sqlite_autoindex_connections_1 \(network=\?\)/);
    expect(plan(db, `SELECT id FROM connections WHERE network = ? AND removed_at IS NULL AND seen_in_batch IS NOT ? ORDER BY full_name`, 'linkedin', 1)).toMatch(
      /USING INDEX sqlite_autoindex_connections_1 \(network=\?\)/,
    );
    db.close();
  });
});
