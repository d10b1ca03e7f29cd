// The thread summary brought up to date after imports and undos (threadPatch.ts) against one read afresh, on real
// SQLite files: random sequences of message imports (new threads and new messages in threads already held, automated
// senders, days after the audit date, rows seen before), undos of any batch (the demo's own too), logged meetings, link
// decisions, merges and their undo, tags and new identities of yours, all through the handlers. After every step the
// audit the cache gives equals one computed afresh in SQL, and a summary kept and patched since the start gives the
// evidence a summary read now gives, and the frozen reference implementation's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../../../electron/engine/createEngine';
import type { EngineContext } from '../../../../electron/engine/context';
import { invoke } from '../../../../electron/engine/handlers';
import { loadDemoNetwork } from '../../../../electron/engine/imports/loadDemo';
import { runAudit } from '../../../../electron/engine/audit/runAudit';
import { ThreadSummary } from '../../../../electron/engine/audit/threadSummary';
import { refreshedSummary } from '../../../../electron/engine/audit/threadPatch';
import { addEvidence, queryMeetingEvidence } from '../../../../electron/engine/audit/evidenceQuery';
import { DEFAULT_RULES } from '../../../../shared/domain/audit';
import type { Channel } from '../../../../shared/api/contract';
import { tempWorkspace } from '../../../fixtures/tempDb';
import { referenceEvidenceAsOf } from './reference/evidence';

const AS_OF = '2025-06-30';
let template: { dir: string; dbPath: string };

beforeAll(async () => {
  const ws = tempWorkspace();
  await loadDemoNetwork(ws.ctx.db, { seed: 7, connections: 60, asOf: AS_OF });
  ws.ctx.db.close();
  template = { dir: ws.dir, dbPath: ws.dbPath };
}, 60_000);
afterAll(() => rmSync(template.dir, { recursive: true, force: true }));

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

const csv = (cells: string[]): string => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');

/** One run: a copy of the demo database, its engine, and a seeded stream of steps. */
class Run {
  readonly dir = mkdtempSync(join(tmpdir(), 'tiecheck-patch-'));
  readonly ctx: EngineContext;
  private readonly random: () => number;
  private files = 0;
  private readonly written: string[] = [];
  private readonly operations: string[] = [];
  kept: ThreadSummary;
  patched = 0;

  constructor(seed: number) {
    const dbPath = join(this.dir, 'test.db');
    copyFileSync(template.dbPath, dbPath);
    this.ctx = createEngine({ dbPath, door: 'browser' });
    this.random = rng(seed);
    this.kept = ThreadSummary.read(this.ctx.db, AS_OF);
  }

  close(): void {
    this.ctx.db.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private one<T>(list: T[]): T {
    return list[Math.floor(this.random() * list.length)];
  }

  private column<T>(sql: string): T[] {
    return this.ctx.db.prepare(sql).pluck().all() as T[];
  }

  async call(channel: Channel, request: unknown): Promise<unknown> {
    const envelope = await invoke(this.ctx, channel, request);
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
    return envelope.value;
  }

  /** A messages.csv: rows in conversations the database holds and new ones, from persons, you and automated senders. */
  private messagesFile(): string {
    const people = this.ctx.db.prepare(`SELECT full_name AS name, profile_url AS url FROM connections WHERE profile_url != '' AND removed_at IS NULL`).all() as { name: string; url: string }[];
    const me = { name: 'Robin Keller', url: this.column<string>(`SELECT value FROM my_identities WHERE kind = 'url'`)[0] ?? 'https://www.linkedin.com/in/me' };
    const held = this.column<string>(`SELECT DISTINCT substr(thread_key, 4) FROM interactions WHERE thread_key LIKE 'li:%' AND thread_key NOT LIKE 'li:subj:%'`);
    const conversations = [...held.slice(0, 8), ...Array.from({ length: 4 }, (_, k) => `2-new${this.files}-${k}==`), '2-shared-a==', '2-shared-b=='];
    const rows: string[] = [];
    for (let r = 0, n = 1 + Math.floor(this.random() * 12); r < n; r++) {
      if (this.written.length && this.random() < 0.15) {
        rows.push(this.one(this.written));
        continue;
      }
      const other = this.one(people);
      const roll = this.random();
      const [from, to] = roll < 0.4 ? [me, other] : roll < 0.9 ? [other, me] : [{ name: 'LinkedIn Member', url: '' }, me];
      const day = new Date(Date.parse(`${AS_OF}T12:00:00Z`) + Math.round((this.random() - 0.85) * 300) * 86_400_000);
      const row = csv([this.one(conversations), '', from.name, from.url, to.name, to.url, `${day.toISOString().slice(0, 19).replace('T', ' ')} UTC`, '', `m${this.random()}`, 'INBOX', '', 'false']);
      this.written.push(row);
      rows.push(row);
    }
    const header = 'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT';
    const path = join(this.dir, `messages-${++this.files}.csv`);
    writeFileSync(path, `${header}\n${rows.join('\n')}\n`);
    return path;
  }

  /** Imports these messages.csv rows (after the header) through the handlers; returns the batch id. */
  async importRows(rows: string[]): Promise<number> {
    const header = 'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT';
    const path = join(this.dir, `messages-${++this.files}.csv`);
    writeFileSync(path, `${header}\n${rows.join('\n')}\n`);
    this.ctx.staged.set(path, { path, name: 'messages.csv', temporary: false });
    await this.call('import:run', { fileRef: path, kind: 'interactions' });
    return this.ctx.db.prepare(`SELECT max(id) FROM import_batches`).pluck().get() as number;
  }

  /** One random step through the handlers; returns its name. */
  async step(): Promise<string> {
    const db = this.ctx.db;
    const roll = this.random();
    if (roll < 0.35) {
      const ref = `f${this.files}`;
      this.ctx.staged.set(ref, { path: this.messagesFile(), name: 'messages.csv', temporary: false });
      await this.call('import:run', { fileRef: ref, kind: 'interactions' });
      return 'import';
    }
    if (roll < 0.55) {
      const batches = this.column<number>(`SELECT id FROM import_batches WHERE undone_at IS NULL AND kind != 'connections'`);
      if (!batches.length) return 'nothing to undo';
      // Mostly the latest batch (the usual undo) or one of the last few, sometimes one of the demo's.
      const roll2 = this.random();
      const batchId = roll2 < 0.5 ? batches[batches.length - 1] : roll2 < 0.8 ? this.one(batches.slice(-3)) : this.one(batches);
      await this.call('import:undo', { batchId });
      return `undo ${batchId}`;
    }
    if (roll < 0.62) {
      const names = this.column<string>(`SELECT display_name FROM persons p WHERE EXISTS (SELECT 1 FROM connections c WHERE c.person_id = p.id)`);
      await this.call('meet:log', { with: [this.one(names)], kind: this.one(['in_person', 'call', 'video'] as const), date: '2025-05-01' });
      return 'meeting';
    }
    if (roll < 0.72) {
      const contacts = db.prepare(`SELECT id, person_id AS personId FROM contacts WHERE status != 'own'`).all() as { id: number; personId: string | null }[];
      if (!contacts.length) return 'no contact to decide';
      const contact = this.one(contacts);
      const persons = this.column<string>(`SELECT id FROM persons`);
      const personId = contact.personId && this.random() < 0.5 ? contact.personId : this.one(persons);
      await this.call('review:decide', { contactId: contact.id, personId, verdict: this.random() < 0.5 ? 'confirm' : 'reject' });
      return 'link decision';
    }
    if (roll < 0.82) {
      if (this.operations.length && this.random() < 0.4) {
        await this.call('person:undo', { operationId: this.operations.pop()! });
        return 'merge undone';
      }
      const persons = this.column<string>(`SELECT id FROM persons p WHERE EXISTS (SELECT 1 FROM connections c WHERE c.person_id = p.id AND c.removed_at IS NULL)`);
      const [keepId, mergeId] = [this.one(persons), this.one(persons)];
      if (keepId === mergeId) return 'no merge';
      const { operationId } = (await this.call('person:merge', { keepId, mergeId })) as { operationId: string };
      this.operations.push(operationId);
      return 'merge';
    }
    if (roll < 0.9) {
      await this.call('tags:apply', { action: 'add', tag: `t${Math.floor(this.random() * 3)}`, ids: [this.one(this.column<string>(`SELECT id FROM persons`))] });
      return 'tag';
    }
    const emails = this.column<string>(`SELECT email FROM contacts WHERE email != '' AND status != 'own'`);
    // After undos and merges every address may be yours already or gone with its batch.
    if (!emails.length) return 'no address to call yours';
    const me = (db.prepare(`SELECT kind, value FROM my_identities`).all() as { kind: 'email'; value: string }[]).concat({ kind: 'email', value: this.one(emails) });
    await this.call('settings:setMe', { me });
    return 'identity of yours';
  }

  /** The cached audit, the kept summary and a fresh read agree; the kept summary is patched when the stamps allow. */
  async check(): Promise<void> {
    const db = this.ctx.db;
    const cached = (await this.call('audit:get', { asOf: AS_OF })) as ReturnType<typeof runAudit>;
    const fresh = runAudit(db, { asOf: AS_OF });
    expect(cached.persons).toEqual(fresh.persons);
    expect(cached.summary).toEqual(fresh.summary);
    const patched = refreshedSummary(this.kept, db);
    if (patched) this.patched++;
    this.kept = patched ?? ThreadSummary.read(db, AS_OF);
    const expected = ThreadSummary.read(db, AS_OF).evidence(db);
    expect(this.kept.evidence(db)).toEqual(expected);
    expect(addEvidence(this.kept.evidence(db), queryMeetingEvidence(db, AS_OF, DEFAULT_RULES, this.kept.meetings.id))).toEqual(referenceEvidenceAsOf(db, AS_OF, DEFAULT_RULES));
  }
}

describe('thread summary brought up to date after imports and undos', () => {
  it('gives the answer of a summary read afresh after random sequences of imports, undos, links, merges and tags', async () => {
    let patched = 0;
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer(), fc.integer({ min: 4, max: 14 }), async (seed, length) => {
        const run = new Run(seed);
        const log: string[] = [];
        try {
          // Checked after most steps, so that some checks follow several changes at once (an import and an undo).
          const checks = rng(seed ^ 0x5bd1e995);
          for (let s = 0; s < length; s++) {
            log.push(await run.step());
            if (s === length - 1 || checks() < 0.6) {
              await run.check();
              log.push('checked');
            }
          }
        } catch (err) {
          throw new Error(`after ${log.join(', ')}: ${err instanceof Error ? err.message : String(err)}`);
        } finally {
          patched += run.patched;
          steps += length;
          run.close();
        }
      }),
      { numRuns: 16 },
    );
    // The patch, not a fresh read, answered after most imports and undos.
    expect(patched).toBeGreaterThan(steps / 4);
  }, 180_000);

  it('puts a thread back as it was before an undone import only while no later batch changed it', async () => {
    const run = new Run(2);
    try {
      const db = run.ctx.db;
      const conversation = db.prepare(`SELECT substr(thread_key, 4) FROM interactions WHERE thread_key LIKE 'li:2-%' LIMIT 1`).pluck().get() as string;
      const other = db.prepare(`SELECT full_name AS name, profile_url AS url FROM connections WHERE profile_url != '' LIMIT 1`).get() as { name: string; url: string };
      const meUrl = db.prepare(`SELECT value FROM my_identities WHERE kind = 'url'`).pluck().get() as string;
      const row = (day: string, fromMe: boolean, text: string) =>
        fromMe ? csv([conversation, '', 'Me', meUrl, other.name, other.url, `${day} 10:00:00 UTC`, '', text, 'INBOX', '', 'false'])
          : csv([conversation, '', other.name, other.url, 'Me', meUrl, `${day} 10:00:00 UTC`, '', text, 'INBOX', '', 'false']);
      await run.check();
      const first = await run.importRows([row('2025-06-01', false, 'first')]);
      await run.check();
      await run.importRows([row('2025-06-10', true, 'second')]);
      await run.check();
      // The first import's saved state of the thread predates the second import: it must not come back.
      await run.call('import:undo', { batchId: first });
      await run.check();
      const again = await run.importRows([row('2025-06-20', false, 'third')]);
      await run.check();
      // Undoing the latest import puts the thread back from the log.
      await run.call('import:undo', { batchId: again });
      await run.check();
      expect(run.patched).toBe(5);
    } finally {
      run.close();
    }
  });

  it('is read again, not patched, after records changed otherwise than by whole batches', () => {
    const run = new Run(1);
    try {
      const db = run.ctx.db;
      db.prepare(`UPDATE interactions SET automated = 1 WHERE id = (SELECT min(id) FROM interactions WHERE kind = 'message')`).run();
      expect(refreshedSummary(run.kept, db)).toBeNull();
      db.prepare(`DELETE FROM interactions WHERE id = (SELECT max(id) FROM interactions WHERE kind = 'email')`).run();
      expect(refreshedSummary(run.kept, db)).toBeNull();
      // A new batch beside it does not hide the deletion: the interactions no longer add up.
      db.prepare(`INSERT INTO import_batches (kind, file, format, created_at) VALUES ('interactions', 'x.csv', 'linkedin-messages', '2025-07-01')`).run();
      expect(refreshedSummary(run.kept, db)).toBeNull();
      // Nor does an undo mark on a batch whose interactions are still there.
      const fresh = ThreadSummary.read(db, AS_OF);
      db.prepare(`UPDATE import_batches SET undone_at = '2025-07-02' WHERE id = (SELECT min(batch_id) FROM interactions)`).run();
      expect(refreshedSummary(fresh, db)).toBeNull();
    } finally {
      run.close();
    }
  });
});
