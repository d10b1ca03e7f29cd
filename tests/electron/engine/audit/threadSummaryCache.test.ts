// The audit cache's thread summary through the handlers: after every kind of change a door can make,
// the cached audit equals one computed afresh in SQL; the summary outlives only the changes that
// write no record (links, decisions, merge/split, identities, rules, tags) or change records by whole
// import batches (an undo, a logged meeting: brought up to date), and is read again after any other
// (another connection's edit of records).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { invoke } from '../../../../electron/engine/handlers';
import { loadDemoNetwork } from '../../../../electron/engine/imports/loadDemo';
import { runAudit } from '../../../../electron/engine/audit/runAudit';
import { ThreadSummary } from '../../../../electron/engine/audit/threadSummary';
import type { Channel } from '../../../../shared/api/contract';
import { tempWorkspace, type TempWorkspace } from '../../../fixtures/tempDb';

const AS_OF = '2025-06-30';

let ws: TempWorkspace;
let reads = 0;
const begin = ThreadSummary.begin.bind(ThreadSummary);

beforeAll(async () => {
  ws = tempWorkspace();
  await loadDemoNetwork(ws.ctx.db, { seed: 7, connections: 60, asOf: AS_OF });
  // Counts summary reads, to tell a kept summary from one read again.
  ThreadSummary.begin = (db, asOf) => {
    reads++;
    return begin(db, asOf);
  };
}, 60_000);
afterAll(() => {
  ThreadSummary.begin = begin;
  ws.close();
});

async function call(channel: Channel, request: unknown): Promise<unknown> {
  const envelope = await invoke(ws.ctx, channel, request);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value;
}

/** The cached audit (through audit:get) against one from scratch in SQL; returns whether the summary was read again. */
async function expectFreshAudit(): Promise<boolean> {
  const before = reads;
  const cached = (await call('audit:get', { asOf: AS_OF })) as ReturnType<typeof runAudit>;
  const fresh = runAudit(ws.ctx.db, { asOf: AS_OF });
  expect(cached.persons).toEqual(fresh.persons);
  expect(cached.summary).toEqual(fresh.summary);
  return reads > before;
}

const db = () => ws.ctx.db;
const personWithThreads = (skip = 0) =>
  db()
    .prepare(
      `SELECT c.person_id FROM contacts c JOIN participants p ON p.contact_id = c.id JOIN interactions i ON i.id = p.interaction_id
        WHERE c.person_id IS NOT NULL AND i.kind IN ('email', 'message') GROUP BY c.person_id ORDER BY count(*) DESC, c.person_id LIMIT 1 OFFSET ?`,
    )
    .pluck()
    .get(skip) as string;

describe('thread summary in the audit cache', () => {
  it('is read for the first audit and kept while nothing changes', async () => {
    expect(await expectFreshAudit()).toBe(true);
    expect(await expectFreshAudit()).toBe(false);
  });

  it('is kept across a link decision, and the audit follows the new link', async () => {
    const contact = db()
      .prepare(
        `SELECT c.id, c.person_id FROM contacts c JOIN participants p ON p.contact_id = c.id JOIN interactions i ON i.id = p.interaction_id
          WHERE c.person_id IS NOT NULL AND i.kind IN ('email', 'message') LIMIT 1`,
      )
      .get() as { id: number; person_id: string };
    await call('review:decide', { contactId: contact.id, personId: contact.person_id, verdict: 'reject' });
    expect(db().prepare('SELECT person_id FROM contacts WHERE id = ?').pluck().get(contact.id)).not.toBe(contact.person_id);
    expect(await expectFreshAudit()).toBe(false);
  });

  it('is kept across a merge and its undo, and across a split', async () => {
    const [keepId, mergeId] = [personWithThreads(0), personWithThreads(1)];
    const { operationId } = (await call('person:merge', { keepId, mergeId })) as { operationId: string };
    expect(await expectFreshAudit()).toBe(false);
    await call('person:undo', { operationId });
    expect(await expectFreshAudit()).toBe(false);
    const split = db()
      .prepare(`SELECT person_id, json_group_array(id) AS ids FROM connections WHERE removed_at IS NULL GROUP BY person_id HAVING count(*) > 1 LIMIT 1`)
      .get() as { person_id: string; ids: string } | undefined;
    if (split) {
      await call('person:split', { id: split.person_id, connectionIds: [JSON.parse(split.ids)[0]] });
      expect(await expectFreshAudit()).toBe(false);
    }
  });

  it('is kept across new identities of yours and new rules', async () => {
    const email = db()
      .prepare(
        `SELECT c.email FROM contacts c JOIN participants p ON p.contact_id = c.id WHERE c.person_id IS NOT NULL AND c.email != '' AND p.is_sender = 1 LIMIT 1`,
      )
      .pluck()
      .get() as string;
    const me = (db().prepare(`SELECT kind, value FROM my_identities`).all() as { kind: 'email'; value: string }[]).concat({ kind: 'email', value: email });
    await call('settings:setMe', { me });
    expect(db().prepare(`SELECT status FROM contacts WHERE email = ?`).pluck().get(email)).toBe('own');
    expect(await expectFreshAudit()).toBe(false);
    await call('settings:setRules', { rules: { smallGroupMax: 1 } });
    expect(await expectFreshAudit()).toBe(false);
  });

  it('is brought up to date, not read again, after an import is undone and after a logged meeting', async () => {
    const batchId = db().prepare(`SELECT b.id FROM import_batches b JOIN interactions i ON i.batch_id = b.id WHERE i.kind IN ('email', 'message') AND b.undone_at IS NULL LIMIT 1`).pluck().get() as number;
    await call('import:undo', { batchId });
    expect(await expectFreshAudit()).toBe(false);
    await call('meet:log', { with: [db().prepare('SELECT display_name FROM persons LIMIT 1').pluck().get()], kind: 'in_person', date: '2025-06-01' });
    expect(await expectFreshAudit()).toBe(false);
  });

  it('is brought up to date after an import the worker thread wrote through its own connection', async () => {
    expect(await expectFreshAudit()).toBe(false);
    const conversation = (db().prepare(`SELECT substr(thread_key, 4) FROM interactions WHERE thread_key LIKE 'li:2-%' LIMIT 1`).pluck().get() as string) ?? '2-x==';
    const other = db().prepare(`SELECT full_name AS name, profile_url AS url FROM connections WHERE profile_url != '' LIMIT 1`).get() as { name: string; url: string };
    const path = ws.write(
      'later-messages.csv',
      'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n' +
        `${conversation},,"${other.name}",${other.url},Me,,2025-06-20 10:00:00 UTC,,A late reply,INBOX\n` +
        `2-brand-new==,,"${other.name}",${other.url},Me,,2025-06-21 10:00:00 UTC,,Something new,INBOX\n`,
    );
    ws.ctx.staged.set('later', { path, name: 'messages.csv', temporary: false });
    ws.ctx.importInWorker = true;
    try {
      expect(await call('import:run', { fileRef: 'later', kind: 'interactions' })).toMatchObject({ added: 2 });
    } finally {
      ws.ctx.importInWorker = false;
    }
    expect(await expectFreshAudit()).toBe(false);
  });

  it('is read again after another connection changes the records', async () => {
    expect(await expectFreshAudit()).toBe(false);
    const other = new Database(ws.dbPath);
    other.prepare(`UPDATE interactions SET automated = 1 - automated WHERE kind IN ('email', 'message') AND id % 3 = 0`).run();
    other.close();
    expect(await expectFreshAudit()).toBe(true);
  });

  it('a summary of another audit date is not used', async () => {
    const other = (await call('audit:get', { asOf: '2024-12-31' })) as ReturnType<typeof runAudit>;
    expect(other.persons).toEqual(runAudit(db(), { asOf: '2024-12-31' }).persons);
    // A tag keeps the summary (of 2024-12-31 now) but drops the audits: this date's summary is read again.
    await call('tags:apply', { action: 'add', tag: 'seen', ids: [personWithThreads()] });
    expect(await expectFreshAudit()).toBe(true);
    await call('tags:apply', { action: 'add', tag: 'seen-again', ids: [personWithThreads()] });
    expect(await expectFreshAudit()).toBe(false);
  });
});
