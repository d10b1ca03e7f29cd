// Saved audits: one snapshot per audit date and calendar day it was taken, for the trend over time.
import type { Db } from '../db/openDatabase';
import type { AuditResult, AuditSummary } from '../../../shared/domain/audit';

export function saveSnapshot(db: Db, audit: AuditResult): void {
  const now = new Date().toISOString();
  db.transaction(() => {
    db.prepare(`DELETE FROM audit_snapshots WHERE as_of = ? AND substr(created_at, 1, 10) = ?`).run(audit.asOf, now.slice(0, 10));
    db.prepare(`INSERT INTO audit_snapshots (as_of, created_at, rules_json, summary_json) VALUES (?, ?, ?, ?)`).run(
      audit.asOf,
      now,
      JSON.stringify(audit.rules),
      JSON.stringify(audit.summary),
    );
  })();
}

export function readSnapshots(db: Db): { asOf: string; createdAt: string; summary: AuditSummary }[] {
  return (db.prepare(`SELECT as_of AS asOf, created_at AS createdAt, summary_json AS json FROM audit_snapshots ORDER BY as_of, created_at`).all() as {
    asOf: string;
    createdAt: string;
    json: string;
  }[]).map((r) => ({ asOf: r.asOf, createdAt: r.createdAt, summary: JSON.parse(r.json) as AuditSummary }));
}
