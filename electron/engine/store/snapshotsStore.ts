// Saved audits: one snapshot per audit date and calendar day it was taken, for the trend over time.
import type { Db } from '../db/openDatabase';
import type { AuditResult, AuditSummary } from '../../../shared/domain/audit';

/** Snapshots that keep per-person tiers; older ones keep only their summary (for the trend). */
const SNAPSHOTS_WITH_TIERS = 5;

export function saveSnapshot(db: Db, audit: AuditResult): void {
  const now = new Date().toISOString();
  db.transaction(() => {
    db.prepare(`DELETE FROM audit_snapshots WHERE as_of = ? AND substr(created_at, 1, 10) = ?`).run(audit.asOf, now.slice(0, 10));
    const id = db
      .prepare(`INSERT INTO audit_snapshots (as_of, created_at, rules_json, summary_json) VALUES (?, ?, ?, ?)`)
      .run(audit.asOf, now, JSON.stringify(audit.rules), JSON.stringify(audit.summary)).lastInsertRowid;
    db.prepare(
      `INSERT INTO audit_snapshot_tiers (snapshot_id, person_id, name, tier)
       SELECT ?, json_extract(value, '$.id'), json_extract(value, '$.name'), json_extract(value, '$.tier') FROM json_each(?)`,
    ).run(id, JSON.stringify(audit.persons.map((p) => ({ id: p.id, name: p.name, tier: p.tier }))));
    db.prepare(
      `DELETE FROM audit_snapshot_tiers WHERE snapshot_id NOT IN (SELECT id FROM audit_snapshots ORDER BY created_at DESC LIMIT ${SNAPSHOTS_WITH_TIERS})`,
    ).run();
  })();
}

export interface TierChange {
  id: string;
  name: string;
  from: string;
  to: string;
}

/**
 * Who changed between the latest saved audit taken before today's and `audit`: pruned (gone from
 * the audit: their connections were removed), revived (now real, not before), faded (real before,
 * not now), new (connected since).
 */
export function changesSinceLastSnapshot(db: Db, audit: AuditResult, limit = 200) {
  const today = new Date().toISOString().slice(0, 10);
  const last = db
    .prepare(
      `SELECT s.id, s.as_of AS asOf, s.created_at AS createdAt FROM audit_snapshots s
        WHERE substr(s.created_at, 1, 10) < ? AND EXISTS (SELECT 1 FROM audit_snapshot_tiers t WHERE t.snapshot_id = s.id)
        ORDER BY s.created_at DESC LIMIT 1`,
    )
    .get(today) as { id: number; asOf: string; createdAt: string } | undefined;
  if (!last) return null;
  const before = new Map(
    (db.prepare(`SELECT person_id AS id, name, tier FROM audit_snapshot_tiers WHERE snapshot_id = ?`).all(last.id) as { id: string; name: string; tier: string }[]).map((r) => [r.id, r]),
  );
  const pruned: TierChange[] = [];
  const revived: TierChange[] = [];
  const faded: TierChange[] = [];
  const added: TierChange[] = [];
  const now = new Set<string>();
  for (const p of audit.persons) {
    now.add(p.id);
    const was = before.get(p.id);
    if (!was) added.push({ id: p.id, name: p.name, from: 'none', to: p.tier });
    else if (p.tier === 'real' && was.tier !== 'real') revived.push({ id: p.id, name: p.name, from: was.tier, to: p.tier });
    else if (was.tier === 'real' && p.tier !== 'real') faded.push({ id: p.id, name: p.name, from: was.tier, to: p.tier });
  }
  for (const [id, was] of before) if (!now.has(id)) pruned.push({ id, name: was.name, from: was.tier, to: 'removed' });
  const cut = (list: TierChange[]) => ({ count: list.length, people: list.slice(0, limit) });
  return { since: { asOf: last.asOf, createdAt: last.createdAt }, pruned: cut(pruned), revived: cut(revived), faded: cut(faded), added: cut(added) };
}

export function readSnapshots(db: Db): { asOf: string; createdAt: string; summary: AuditSummary }[] {
  return (db.prepare(`SELECT as_of AS asOf, created_at AS createdAt, summary_json AS json FROM audit_snapshots ORDER BY as_of, created_at`).all() as {
    asOf: string;
    createdAt: string;
    json: string;
  }[]).map((r) => ({ asOf: r.asOf, createdAt: r.createdAt, summary: JSON.parse(r.json) as AuditSummary }));
}
