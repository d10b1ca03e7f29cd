// Settings rows: the audit rules (SPEC thresholds) and "my identities", stored normalised.
import type { Db } from '../db/openDatabase';
import { DEFAULT_RULES, type AuditRules } from '../../../shared/domain/audit';
import type { OwnIdentity } from '../../../shared/domain/records';
import { normaliseOwnIdentity } from './identityKeys';

export function readRules(db: Db): AuditRules {
  const row = db.prepare(`SELECT value_json AS json FROM settings WHERE key = 'rules'`).get() as { json: string } | undefined;
  return { ...DEFAULT_RULES, ...(row ? (JSON.parse(row.json) as Partial<AuditRules>) : {}) };
}

export function writeRules(db: Db, patch: Partial<AuditRules>): AuditRules {
  const rules = { ...readRules(db), ...patch };
  db.prepare(`INSERT INTO settings (key, value_json) VALUES ('rules', ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json`).run(
    JSON.stringify(rules),
  );
  return rules;
}

export function readMe(db: Db): OwnIdentity[] {
  return db.prepare(`SELECT kind, value FROM my_identities ORDER BY kind, value`).all() as OwnIdentity[];
}

/** Adds identities (normalised); returns the ones that were new. */
export function addMe(db: Db, ids: OwnIdentity[]): OwnIdentity[] {
  const insert = db.prepare(`INSERT OR IGNORE INTO my_identities (kind, value) VALUES (?, ?)`);
  const added: OwnIdentity[] = [];
  for (const raw of ids) {
    const id = normaliseOwnIdentity(raw);
    if (id && insert.run(id.kind, id.value).changes > 0) added.push(id);
  }
  return added;
}

export function replaceMe(db: Db, ids: OwnIdentity[]): OwnIdentity[] {
  db.transaction(() => {
    db.prepare(`DELETE FROM my_identities`).run();
    addMe(db, ids);
  })();
  return readMe(db);
}
