// The fast relink and found-summary give exactly what the old ones gave (tests/fixtures/legacyLinking.ts): every
// contact's status, person, method and evidence, the counts, and every summary number, on a generated network.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../../electron/engine/db/openDatabase';
import { importFile } from '../../../../electron/engine/imports/importFile';
import { summariseFound } from '../../../../electron/engine/imports/foundSummary';
import { relinkContacts, type RelinkScope } from '../../../../electron/engine/linking/relinkContacts';
import { addMe } from '../../../../electron/engine/store/settingsStore';
import { generateDemoBundle } from '../../../../shared/demo';
import { normaliseEmail } from '../../../../shared/identity/email';
import { nameKey } from '../../../../shared/identity/nameKey';
import { storedEmail } from '../../../../electron/engine/linking/filedKeys';
import { legacyRelinkContacts, legacySummariseFound } from '../../../fixtures/legacyLinking';
import { tempWorkspace, type TempWorkspace } from '../../../fixtures/tempDb';

let ws: TempWorkspace;
beforeEach(() => {
  ws = tempWorkspace();
});
afterEach(() => ws.close());

const KINDS: Record<string, 'connections' | 'interactions'> = { 'linkedin-connections': 'connections' };
const FORMATS: Record<string, string> = { 'linkedin-messages': 'linkedin-messages', calls: 'calls', ics: 'ics', mbox: 'mbox' };

function contactsOf(db: Db): unknown[] {
  return db.prepare(`SELECT id, status, person_id, method, evidence_json FROM contacts ORDER BY id`).raw().all();
}

/** Runs `change` on a savepoint that is rolled back, and returns what it answered and left behind. */
function tried<T>(db: Db, change: () => T): { answer: T; contacts: unknown[] } {
  db.exec('SAVEPOINT tried');
  try {
    const answer = change();
    return { answer, contacts: contactsOf(db) };
  } finally {
    db.exec('ROLLBACK TO tried');
    db.exec('RELEASE tried');
  }
}

function expectSameRelink(db: Db, scope: RelinkScope | undefined, prepare: () => void = () => {}) {
  const before = tried(db, () => (prepare(), 0)).contacts;
  const legacy = tried(db, () => (prepare(), legacyRelinkContacts(db, scope)));
  const fast = tried(db, () => (prepare(), relinkContacts(db, scope)));
  expect(fast.answer).toEqual(legacy.answer);
  expect(fast.contacts).toEqual(legacy.contacts);
  return { before, after: fast.contacts, counts: fast.answer };
}

describe('the fast relink and summary against the old ones', () => {
  it('agree on a generated network with mail, messages, meetings and calls, own identities, decisions and odd contacts', async () => {
    const db = ws.ctx.db;
    const bundle = generateDemoBundle({ seed: 23, connections: 500, asOf: '2025-06-30', difficulty: 'hard' });
    const persons = () => db.prepare(`SELECT id, display_name AS name FROM persons ORDER BY id`).all() as { id: string; name: string }[];
    for (const file of bundle.files) {
      if (KINDS[file.kind] !== 'connections') continue;
      await importFile(db, ws.write(file.name, file.text), { kind: 'connections' });
    }
    const [p0, p1, p2] = persons();
    addMe(db, [{ kind: 'email', value: bundle.me.email }, { kind: 'name', value: bundle.me.name }]);
    // Decisions the matcher must honour: a confirm and a reject filed under addresses the files carry.
    const someAddresses = db.prepare(`SELECT value FROM identities WHERE kind = 'email' ORDER BY value LIMIT 2`).pluck().all() as string[];
    const insertDecision = db.prepare(`INSERT INTO link_decisions (contact_key, person_id, verdict, decided_at) VALUES (?, ?, ?, 'x')`);
    insertDecision.run('email:decided@elsewhere.org', p0.id, 'confirm');
    if (someAddresses[0]) insertDecision.run(`email:${someAddresses[0]}`, p1.id, 'reject');
    insertDecision.run(`name:${nameKey(p2.name)}`, p2.id, 'confirm');

    const batches: number[] = [];
    for (const file of bundle.files) {
      if (!FORMATS[file.kind]) continue;
      const summary = await importFile(db, ws.write(file.name, file.text), { kind: 'interactions', format: FORMATS[file.kind] });
      expect(summary.added).toBeGreaterThan(0);
      batches.push(summary.batchId as number);
    }
    // Contacts a mail archive makes that the files above may not: addresses in every spelling
    // `normaliseEmail` accepts, names holding addresses, a decided address, and a stored name key
    // that is not the key of the stored name (a contact shown as "LinkedIn Member" that carries another person's name key).
    const known = db.prepare(`SELECT value FROM identities WHERE kind = 'email' ORDER BY value LIMIT 1 OFFSET 3`).pluck().get() as string;
    const [local, domain] = known.split('@');
    const odd: [string, string, string][] = [
      [`"${p0.name}"`, `${local.toUpperCase()}@${domain.toUpperCase()}`, nameKey(p0.name)],
      ['', ` <${known}> `, ''],
      ['', `mailto:${known}`, ''],
      ['', `'${known}'`, ''],
      ['', `${known}.`, ''],
      ['', `f.o.o+tag@googlemail.com`, ''],
      ['', `.'bar@gmail.com`, ''],
      ['', `Foo.Bar@gmail.com`, ''],
      ['', `foobar@gmail.com`, ''],
      [known, '', ''],
      [`${p1.name} <${known}>`, '', ''],
      ['Anybody', 'decided@elsewhere.org', 'anybody'],
      ['LinkedIn Member', 'member@nowhere.example', nameKey(p2.name)],
      [p2.name, 'someone@nowhere.example', nameKey(p2.name)],
      [`Dr. ${p1.name}, PhD`, `x@${domain}`, nameKey(`Dr. ${p1.name}, PhD`)],
      [bundle.me.name, 'new-of-mine@example.net', nameKey(bundle.me.name)],
      ['Ünïcödé Ñame', 'ÜNI@EXAMPLE.COM', nameKey('Ünïcödé Ñame')],
    ];
    const insert = db.prepare(`INSERT INTO contacts (key, name, email, name_key) VALUES (?, ?, ?, ?)`);
    odd.forEach(([name, email, key], i) => insert.run(`odd:${i}`, name, email, key));
    // A hand-logged link and a contact already decided are left as they are, or recounted, alike.
    db.prepare(`UPDATE contacts SET status = 'linked', person_id = ?, method = 'manual', evidence_json = '["logged"]' WHERE key = 'odd:0'`).run(p0.id);
    db.prepare(`UPDATE contacts SET status = 'review', evidence_json = '[{"stale":1}]' WHERE key = 'odd:12'`).run();

    const total = db.prepare(`SELECT count(*) FROM contacts`).pluck().get() as number;
    expect(total).toBeGreaterThan(300);
    const stale = () => {
      // Every contact as an import leaves the ones it creates, but the two above.
      db.exec(`UPDATE contacts SET status = 'none', person_id = NULL, method = NULL, evidence_json = '[]' WHERE key NOT IN ('odd:0', 'odd:12')`);
    };
    // All contacts new: the shortcut decides them.
    const allNew = expectSameRelink(db, { fromId: 1 }, stale);
    expect(allNew.counts.changed).toBeGreaterThan(50);
    for (const kind of ['linked', 'review', 'none', 'own'] as const) expect(allNew.counts[kind]).toBeGreaterThan(0);
    // A full relink runs the matcher on every contact, from any state.
    expectSameRelink(db, undefined);
    expectSameRelink(db, undefined, stale);
    // An import's scope: contacts it enriched, and those it created, of which some are not as created.
    const half = Math.floor(total / 2);
    const enriched = db.prepare(`SELECT id FROM contacts WHERE id < ? AND id % 3 = 0`).pluck().all(half) as number[];
    const scoped = expectSameRelink(db, { ids: enriched, fromId: half }, () => {
      db.prepare(`UPDATE contacts SET status = 'none', person_id = NULL, method = NULL, evidence_json = '[]' WHERE id >= ? AND key NOT IN ('odd:0', 'odd:12')`).run(half);
      db.prepare(`UPDATE contacts SET status = 'review', evidence_json = '[]' WHERE id % 7 = 0`).run();
    });
    expect(scoped.counts.changed).toBeGreaterThan(0);
    expectSameRelink(db, { ids: [], fromId: total + 1 });
    // Just identified: every contact, those an import created (still as created) with the shortcut.
    const asCreated = () => {
      db.prepare(`UPDATE contacts SET status = 'none', person_id = NULL, method = NULL, evidence_json = '[]' WHERE id >= ? AND key NOT IN ('odd:0', 'odd:12')`).run(half);
      db.prepare(`UPDATE contacts SET status = 'review', evidence_json = '[]' WHERE id < ? AND id % 7 = 0`).run(half);
    };
    const legacyFull = tried(db, () => (asCreated(), legacyRelinkContacts(db)));
    const identified = tried(db, () => (asCreated(), relinkContacts(db, { allOlder: true, fromId: half })));
    expect(identified.answer).toEqual(legacyFull.answer);
    expect(identified.contacts).toEqual(legacyFull.contacts);
    expect(identified.answer.changed).toBeGreaterThan(50);
    expect(tried(db, () => relinkContacts(db, { allOlder: true, fromId: total + 1 })).answer).toEqual(tried(db, () => legacyRelinkContacts(db)).answer);

    for (const batchId of batches) expect(summariseFound(db, batchId)).toEqual(legacySummariseFound(db, batchId));
    const found = batches.map((b) => summariseFound(db, b));
    for (const key of ['records', 'threads', 'twoWayThreads', 'meetings', 'calls', 'unlinked'] as const) {
      expect(found.some((f) => f[key] > 0), key).toBe(true);
    }
  });

  it('reads a stored address as normaliseEmail does, whatever its spelling', () => {
    const locals = ['bob', 'b.o.b', 'bob+tag', '.bob', 'bob.', "'bob'", 'BOB', 'b_o-b', 'bö', '-x', '_', 'a..b', '"q"', 'x y', ''];
    const domains = ['gmail.com', 'googlemail.com', 'GMail.com', 'contoso.co.uk', 'contoso.com.', 'x.gmail.com', 'c-d.org', '-bad.org', 'bad-.org', 'münchen.de', 'a.b', 'localhost', 'x.c0m', ''];
    const shapes = (a: string) => [a, ` ${a} `, `<${a}>`, `Name <${a}>`, `mailto:${a}`, `'${a}'`, `${a}@x.org`];
    let plain = 0;
    for (const l of locals) {
      for (const d of domains) {
        for (const text of shapes(`${l}@${d}`)) {
          expect(storedEmail(text), text).toBe(normaliseEmail(text));
          const once = normaliseEmail(text);
          if (once !== null) {
            expect(storedEmail(once), once).toBe(normaliseEmail(once));
            if (storedEmail(once) === once) plain += 1;
          }
        }
      }
    }
    expect(plain).toBeGreaterThan(20);
  });
});
