// Migration 0006: invitations kept from before it read as LinkedIn ones with no message, and the
// senders' tags table starts empty.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMigrations, openDatabase } from '../../../../electron/engine/db/openDatabase';

const MIGRATIONS = loadMigrations();
let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tiecheck-db6-'));
  file = join(dir, 'tiecheck.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0006', () => {
  it('keeps stored invitations, as LinkedIn invitations without a message, and adds the sender tags', () => {
    const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version < 6) });
    old.prepare(`INSERT INTO invitations (name, profile_url, direction, sent_at) VALUES ('Jane Doe', 'https://www.linkedin.com/in/jane-doe-123', 'incoming', '2023-08-18T09:08:00Z')`).run();
    old.close();
    const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 6) });
    expect(db.prepare(`SELECT name, network, message FROM invitations`).all()).toEqual([{ name: 'Jane Doe', network: 'linkedin', message: '' }]);
    db.prepare(`INSERT INTO invitation_tags (sender_key, tag, added_at) VALUES ('url:linkedin.com/in/jane-doe-123', 'accept', '2026-01-01')`).run();
    expect(() => db.prepare(`INSERT INTO invitation_tags (sender_key, tag, added_at) VALUES ('url:linkedin.com/in/jane-doe-123', 'accept', '2026-01-02')`).run()).toThrow(/UNIQUE/);
    db.close();
  });
});
