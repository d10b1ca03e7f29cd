// The audit's SQL evidence aggregate against the JS path it replaced (reference/evidence.ts): the same
// evidence for every person on generated demo databases, each one then disturbed at random (threads
// merged and split, flags, senders, declines, kinds, days after the audit date, contacts made yours,
// unlinked or moved, link decisions, duplicate participant rows) and audited with random rules and dates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadDemoNetwork } from '../../../../electron/engine/imports/loadDemo';
import { evidenceAsOf, runAudit } from '../../../../electron/engine/audit/runAudit';
import { relinkContacts } from '../../../../electron/engine/linking/relinkContacts';
import { verdictOf } from '../../../../shared/audit/classify';
import { emptyEvidence } from '../../../../shared/audit/evidence';
import { DEFAULT_RULES, type AuditRules } from '../../../../shared/domain/audit';
import type { Db } from '../../../../electron/engine/db/openDatabase';
import { tempWorkspace, type TempWorkspace } from '../../../fixtures/tempDb';
import { referenceEvidenceAsOf } from './reference/evidence';
import { ThreadSummary } from '../../../../electron/engine/audit/threadSummary';
import { addEvidence, queryMeetingEvidence } from '../../../../electron/engine/audit/evidenceQuery';

const KINDS = ['in_person', 'call', 'video', 'email', 'message', 'event'];

/** A small seeded generator, so that a failing fast-check case replays the same disturbance. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Disturbance {
  seed: number;
  /** Share of rows each change touches. */
  share: number;
  changes: boolean[];
}

const ids = (db: Db, sql: string): number[] => (db.prepare(sql).raw(true).all() as [number][]).map((r) => r[0]);

/** Changes records (interactions and participants), then, through `between`, contacts' links only. */
function disturb(db: Db, d: Disturbance, asOf: string, between: () => void = () => {}): void {
  const random = rng(d.seed);
  const pick = <T,>(list: T[]): T[] => list.filter(() => random() < d.share);
  const one = <T,>(list: T[]): T => list[Math.floor(random() * list.length)];
  const interactions = ids(db, 'SELECT id FROM interactions');
  const contacts = ids(db, 'SELECT id FROM contacts');
  const persons = (db.prepare('SELECT id FROM persons').raw(true).all() as [string][]).map((r) => r[0]);
  const threadKeys = (db.prepare('SELECT DISTINCT thread_key FROM interactions WHERE thread_key IS NOT NULL').raw(true).all() as [string][]).map((r) => r[0]);
  const setInteraction = (column: string, value: () => unknown) => {
    const stmt = db.prepare(`UPDATE interactions SET ${column} = ? WHERE id = ?`);
    for (const id of pick(interactions)) stmt.run(value(), id);
  };
  const [flags, threads, days, kinds, senders, contactsChange, decisions, duplicates] = d.changes;
  if (flags) {
    setInteraction('automated', () => Number(random() < 0.5));
    setInteraction('manual', () => Number(random() < 0.5));
    setInteraction('connected', () => Number(random() < 0.5));
    setInteraction('others_count', () => (random() < 0.3 ? null : Math.floor(random() * 16)));
  }
  if (threads && threadKeys.length) {
    setInteraction('thread_key', () => (random() < 0.3 ? null : random() < 0.2 ? `#${one(interactions)}` : one(threadKeys)));
  }
  if (days) {
    const base = Date.parse(`${asOf}T00:00:00Z`);
    setInteraction('day', () => new Date(base + Math.round((random() - 0.8) * 400) * 86_400_000).toISOString().slice(0, 10));
  }
  if (kinds) setInteraction('kind', () => one(KINDS));
  if (senders) {
    const flip = db.prepare(`UPDATE participants SET is_sender = ?, declined = ? WHERE interaction_id = ? AND contact_id = ? AND role = ?`);
    const rows = db.prepare('SELECT interaction_id, contact_id, role FROM participants').raw(true).all() as [number, number, string][];
    for (const [i, c, role] of pick(rows)) flip.run(Number(random() < 0.5), Number(random() < 0.3), i, c, role);
  }
  if (duplicates) {
    // The same contact listed twice in one record (as organiser and attendee, or to and cc).
    const add = db.prepare(`INSERT OR IGNORE INTO participants (interaction_id, contact_id, role, is_sender, declined) VALUES (?, ?, 'cc', ?, 0)`);
    const rows = db.prepare('SELECT interaction_id, contact_id FROM participants').raw(true).all() as [number, number][];
    for (const [i, c] of pick(rows)) add.run(i, random() < 0.7 ? c : one(contacts), Number(random() < 0.5));
  }
  between();
  if (contactsChange) {
    const set = db.prepare(`UPDATE contacts SET status = ?, person_id = ? WHERE id = ?`);
    for (const id of pick(contacts)) {
      const r = random();
      if (r < 0.3) set.run('own', random() < 0.5 ? null : one(persons), id);
      else if (r < 0.6) set.run('none', null, id);
      // Often one of a few persons, so that one person is listed through several contacts in a thread.
      else set.run('linked', one(random() < 0.5 ? persons.slice(0, 3) : persons), id);
    }
  }
  if (decisions) {
    const keys = (db.prepare('SELECT key FROM contacts').raw(true).all() as [string][]).map((r) => r[0]);
    const decide = db.prepare(`INSERT OR REPLACE INTO link_decisions (contact_key, person_id, verdict, decided_at) VALUES (?, ?, ?, '2025-01-01')`);
    for (const key of pick(keys)) decide.run(key, one(persons), random() < 0.5 ? 'confirm' : 'reject');
    relinkContacts(db);
  }
}

const NETWORKS = [
  { seed: 7, connections: 60, asOf: '2025-06-30' },
  { seed: 2006, connections: 90, asOf: '2024-02-29' },
];

describe('evidence counted in SQL', () => {
  const workspaces: TempWorkspace[] = [];
  beforeAll(async () => {
    for (const n of NETWORKS) {
      const ws = tempWorkspace();
      await loadDemoNetwork(ws.ctx.db, n);
      workspaces.push(ws);
    }
  }, 60_000);
  afterAll(() => workspaces.forEach((ws) => ws.close()));

  it('the demo databases hold every kind of record the aggregate distinguishes', () => {
    for (const ws of workspaces) {
      const kinds = (ws.ctx.db.prepare('SELECT DISTINCT kind FROM interactions').raw(true).all() as [string][]).map((r) => r[0]).sort();
      expect(kinds).toEqual(expect.arrayContaining(['call', 'email', 'in_person', 'message']));
      expect(ws.ctx.db.prepare(`SELECT count(*) AS n FROM contacts WHERE status = 'own'`).get()).not.toEqual({ n: 0 });
    }
  });

  it('equals the JS path on the demo databases as imported', () => {
    for (const [k, ws] of workspaces.entries()) {
      const asOf = NETWORKS[k].asOf;
      const expected = referenceEvidenceAsOf(ws.ctx.db, asOf, DEFAULT_RULES);
      expect(expected.size).toBeGreaterThan(10);
      expect(evidenceAsOf(ws.ctx.db, asOf, DEFAULT_RULES)).toEqual(expected);
      const summary = ThreadSummary.read(ws.ctx.db, asOf);
      expect(addEvidence(summary.evidence(ws.ctx.db), queryMeetingEvidence(ws.ctx.db, asOf, DEFAULT_RULES, summary.meetings.id))).toEqual(expected);
    }
  });

  it('counts a person listed through two contacts in one thread once, as writing if either wrote', () => {
    const ws = tempWorkspace();
    try {
      const db = ws.ctx.db;
      db.exec(`INSERT INTO persons (id, display_name, created_at) VALUES ('p1', 'Ann', '2025-01-01');
        INSERT INTO contacts (id, key, status, person_id) VALUES (1, 'me', 'own', NULL), (2, 'ann-work', 'linked', 'p1'), (3, 'ann-home', 'linked', 'p1');
        INSERT INTO interactions (id, source_key, kind, occurred_at, day, thread_key) VALUES
          (1, 'm1', 'email', '2025-03-01T10:00:00Z', '2025-03-01', 't'), (2, 'm2', 'email', '2025-03-02T10:00:00Z', '2025-03-02', 't'),
          (3, 'm3', 'email', '2025-03-03T10:00:00Z', '2025-03-03', 't');
        INSERT INTO participants (interaction_id, contact_id, role, is_sender) VALUES
          (1, 1, 'from', 1), (1, 2, 'to', 0), (2, 3, 'from', 1), (2, 1, 'to', 0), (3, 2, 'to', 0), (3, 1, 'from', 1);`);
      const expected = referenceEvidenceAsOf(db, '2025-06-30', DEFAULT_RULES);
      expect(expected.get('p1')).toMatchObject({ twoWayThreads: 1, interactions: 1, lastContact: '2025-03-03' });
      const summary = ThreadSummary.read(db, '2025-06-30');
      expect(addEvidence(summary.evidence(db), queryMeetingEvidence(db, '2025-06-30', DEFAULT_RULES, summary.meetings.id))).toEqual(expected);
    } finally {
      ws.close();
    }
  });

  it('equals the JS path on disturbed databases, for any audit date and rules', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: NETWORKS.length - 1 }),
        fc.record({ seed: fc.integer(), share: fc.double({ min: 0.02, max: 0.6, noNaN: true }), changes: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }) }),
        fc.integer({ min: -900, max: 60 }),
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 1, max: 60 }),
        (which, disturbance, dayOffset, smallGroupMax, recentMonths) => {
          const db = workspaces[which].ctx.db;
          const asOf = new Date(Date.parse(`${NETWORKS[which].asOf}T00:00:00Z`) + dayOffset * 86_400_000).toISOString().slice(0, 10);
          const rules: AuditRules = { ...DEFAULT_RULES, smallGroupMax, recentMonths };
          db.exec('BEGIN');
          try {
            // The audit cache's thread summary is read between the changes to records and those to links,
            // as it is kept across a link decision, a merge or split, or new identities of yours.
            let summary: ThreadSummary | undefined;
            disturb(db, disturbance, asOf, () => (summary = ThreadSummary.read(db, asOf)));
            const expected = referenceEvidenceAsOf(db, asOf, rules);
            expect(evidenceAsOf(db, asOf, rules)).toEqual(expected);
            expect(addEvidence(summary!.evidence(db), queryMeetingEvidence(db, asOf, rules, summary!.meetings.id))).toEqual(expected);
            // And so the audit itself: every person's tier, score and counts.
            for (const p of runAudit(db, { asOf, rules }).persons) {
              const { tier, score, inPerson, conversations, oneWay, lastContact } = p;
              expect({ tier, score, inPerson, conversations, oneWay, lastContact }).toEqual(verdictOf(expected.get(p.id) ?? emptyEvidence(), asOf, rules));
            }
          } finally {
            db.exec('ROLLBACK');
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
