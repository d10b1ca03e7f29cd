// An interaction import links the contacts it creates as it inserts them, and counts its found summary as it
// writes: the contacts end exactly as the relink after the import left them (linked, review, own, decided,
// completed by a later record), and the summary equals the queries over the batch, on every fixture and on
// generated mailboxes, through chunk sizes, batch boundaries and identity caches that start again.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../../electron/engine/db/openDatabase';
import { openDatabase } from '../../../../electron/engine/db/openDatabase';
import type { InteractionRecord, ParticipantRecord } from '../../../../shared/domain/records';
import { importFile } from '../../../../electron/engine/imports/importFile';
import { InteractionSession } from '../../../../electron/engine/imports/interactionSession';
import { createBatch } from '../../../../electron/engine/imports/connectionSession';
import { summariseFound } from '../../../../electron/engine/imports/foundSummary';
import { relinkContacts } from '../../../../electron/engine/linking/relinkContacts';
import { addMe } from '../../../../electron/engine/store/settingsStore';
import { generateDemoBundle, generateNetwork, writeMboxText } from '../../../../shared/demo';
import { nameKey } from '../../../../shared/identity/nameKey';
import { FIXTURE_IMPORTS } from '../../../fixtures/importScenarios';
import { linkedInConnections, tempWorkspace, type TempWorkspace } from '../../../fixtures/tempDb';

let workspaces: TempWorkspace[] = [];
let opened: Db[] = [];
afterEach(() => {
  for (const db of opened) db.close();
  for (const ws of workspaces) ws.close();
  workspaces = [];
  opened = [];
});

function workspace(): TempWorkspace {
  const ws = tempWorkspace();
  workspaces.push(ws);
  return ws;
}

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

interface Network {
  persons: { id: string; name: string }[];
  emails: string[];
  urls: string[];
  me: { email: string; name: string };
}

/**
 * A database with a network (namesakes among it), your identities and decisions: a confirm filed under an
 * address no one holds, a reject filed under a person's own address, a confirm filed under a name key.
 */
async function seededNetwork(ws: TempWorkspace): Promise<Network> {
  const db = ws.ctx.db;
  const bundle = generateDemoBundle({ seed: 31, connections: 400, asOf: '2025-06-30', difficulty: 'hard' });
  const connections = bundle.files.find((f) => f.kind === 'linkedin-connections')!;
  await importFile(db, ws.write(connections.name, connections.text), { kind: 'connections' });
  // Colleagues: an address at a domain that does not fit their company's name vouches for a namesake there who has none.
  const colleagues = linkedInConnections([
    'Quinn,Colleague,https://www.linkedin.com/in/quinn-colleague,quinn@qx-mail.io,Northwind Traders,Buyer,01 Jan 2020',
    'Pat,Withoutmail,https://www.linkedin.com/in/pat-withoutmail,,Northwind Traders,Seller,01 Jan 2020',
  ]);
  await importFile(db, ws.write('colleagues.csv', colleagues), { kind: 'connections', format: 'linkedin' });
  addMe(db, [
    { kind: 'email', value: bundle.me.email },
    { kind: 'name', value: bundle.me.name },
  ]);
  const persons = db.prepare(`SELECT id, display_name AS name FROM persons ORDER BY rowid`).all() as { id: string; name: string }[];
  const emails = db.prepare(`SELECT value FROM identities WHERE kind = 'email' ORDER BY value`).pluck().all() as string[];
  const urls = db.prepare(`SELECT value FROM identities WHERE kind = 'url' ORDER BY value`).pluck().all() as string[];
  const decide = db.prepare(`INSERT INTO link_decisions (contact_key, person_id, verdict, decided_at) VALUES (?, ?, ?, 'x')`);
  decide.run('email:decided@elsewhere.org', persons[0].id, 'confirm');
  decide.run(`email:${emails[0]}`, persons[1].id, 'reject');
  decide.run(`name:${nameKey(persons[2].name)}`, persons[2].id, 'confirm');
  return { persons, emails, urls, me: bundle.me };
}

const ROLES: ParticipantRecord['role'][] = ['from', 'to', 'cc'];

/**
 * Records whose participants meet the network every way the matcher knows: its addresses and profile
 * URLs, its names (plain, decorated, at a company or a webmail address), namesakes, your own address and
 * name, decided keys, names holding an address, placeholders, and one-off senders; a pool small enough
 * that small identity caches start again and contacts made from one spelling are completed by another.
 */
function records(net: Network, seed: number, count: number, prefix: string): InteractionRecord[] {
  const rnd = random(seed);
  const pick = <T,>(list: T[]) => list[Math.floor(rnd() * list.length)];
  const personAt = (i: number) => net.persons[i % net.persons.length];
  const participant = (): Omit<ParticipantRecord, 'role' | 'isSender'> => {
    const i = Math.floor(rnd() * 120);
    const p = personAt(i * 7);
    switch (Math.floor(rnd() * 16)) {
      case 0:
        return { email: pick(net.emails) };
      case 1:
        return { name: p.name, email: pick(net.emails) };
      case 2:
        return { profileUrl: `https://www.linkedin.com/in/${pick(net.urls).split('/').pop()}` };
      case 3:
        // Known first by an address alone, then with a name: completed, and decided again.
        return rnd() < 0.5 ? { email: `later${i}@mail.example` } : { name: p.name, email: `later${i}@mail.example` };
      case 4:
        return { name: `Dr. ${p.name}, PhD`, email: `x${i}@contoso.com` };
      case 5:
        return { name: p.name, email: `${i}@gmail.com` };
      case 6:
        return { name: net.me.name, email: rnd() < 0.5 ? net.me.email : `mine${i}@elsewhere.net` };
      case 7:
        return { name: 'Anybody', email: 'decided@elsewhere.org' };
      case 8:
        return { name: personAt(2).name, email: rnd() < 0.5 ? undefined : `namesake${i}@example.org` };
      case 9:
        return { name: `${p.name} <${pick(net.emails)}>` };
      case 10:
        // A placeholder first, a name later: the stored name key is no longer the key of the stored name.
        return rnd() < 0.5 ? { name: 'LinkedIn Member', profileUrl: `https://www.linkedin.com/in/member-${i}` } : { name: p.name, profileUrl: `https://www.linkedin.com/in/member-${i}` };
      case 11:
        return { name: p.name };
      case 12:
        return { name: p.name.split(' ')[0] };
      case 13:
        return { name: 'Pat Withoutmail', email: `pat${i % 3}@qx-mail.io` };
      default:
        return { name: `Someone ${seed}-${Math.floor(rnd() * 5000)}`, email: `one-off${Math.floor(rnd() * 5000)}@example.net` };
    }
  };
  const out: InteractionRecord[] = [];
  for (let r = 0; r < count; r++) {
    const n = 1 + Math.floor(rnd() * 3);
    const participants: ParticipantRecord[] = [];
    for (let j = 0; j < n; j++) participants.push({ ...participant(), role: pick(ROLES), isSender: j === 0 || rnd() < 0.1 });
    if (rnd() < 0.3) participants.push({ role: 'from', email: net.me.email, isSender: true });
    out.push({
      line: r + 1,
      sourceKey: `${prefix}${r}`,
      kind: pick(['email', 'email', 'email', 'message', 'call', 'video', 'in_person', 'event'] as const),
      occurredAt: `2024-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}T10:00:00Z`,
      threadKey: rnd() < 0.2 ? undefined : `${prefix}t${Math.floor(rnd() * 40)}`,
      automated: rnd() < 0.1,
      participants,
    });
  }
  return out;
}

function contactsOf(db: Db): unknown[] {
  return db.prepare(`SELECT * FROM contacts ORDER BY id`).all();
}

/** One import of `batches` as importFile runs it, contacts linked as they are created or by the relink after. */
function importRecords(db: Db, batches: InteractionRecord[][], linkNewContacts: boolean, adoptedOwner: boolean, chunk: number, contactCacheLimit: number) {
  return db.transaction(() => {
    const batchId = createBatch(db, 'interactions', 'f.mbox', 'mbox', null);
    const session = new InteractionSession(db, batchId, { chunk, contactCacheLimit, countFound: true, linkNewContacts });
    for (const batch of batches) session.add(batch);
    const fromId = session.firstNewContactId;
    const createdLinked = linkNewContacts;
    relinkContacts(db, adoptedOwner ? { allOlder: true, fromId, createdLinked } : { ids: session.enrichedContacts, fromId, createdLinked });
    return { counted: session.found!.summary(db), queried: summariseFound(db, batchId) };
  })();
}

describe('contacts linked as an import creates them', () => {
  it.each([
    [1, 4096],
    [7, 4096],
    [64, 4096],
    [7, 5],
    [64, 40],
  ])('end as the relink after the import left them (chunk of %i rows, caches of %i identities)', async (chunk, cacheLimit) => {
    const ws = workspace();
    const net = await seededNetwork(ws);
    const copy = join(ws.dir, 'relinked.db');
    ws.ctx.db.exec(`VACUUM INTO '${copy}'`);
    const relinked = openDatabase(copy);
    opened.push(relinked);
    const first = records(net, 7, 900, 'a');
    const second = records(net, 8, 600, 'b');
    // Batches of uneven sizes, a thread's records in several; the second import repeats some of the first and names you anew.
    const imports = [
      { batches: [first.slice(0, 1), first.slice(1, 300), first.slice(300)], adoptedOwner: false },
      { batches: [second.slice(0, 250), [...first.slice(0, 50), ...second.slice(250)]], adoptedOwner: true },
    ];
    for (const { batches, adoptedOwner } of imports) {
      if (adoptedOwner) for (const db of [ws.ctx.db, relinked]) addMe(db, [{ kind: 'email', value: net.emails[5] }]);
      const atInsert = importRecords(ws.ctx.db, batches, true, adoptedOwner, chunk, cacheLimit);
      const after = importRecords(relinked, batches, false, adoptedOwner, chunk, cacheLimit);
      expect(contactsOf(ws.ctx.db)).toEqual(contactsOf(relinked));
      expect(atInsert.counted).toEqual(atInsert.queried);
      expect(after.counted).toEqual(after.queried);
      expect(atInsert.counted).toEqual(after.counted);
    }
    // Every outcome and every path was met.
    const outcomes = ws.ctx.db.prepare(`SELECT DISTINCT status || ':' || coalesce(method, '') FROM contacts`).pluck().all() as string[];
    for (const o of ['none:', 'own:', 'review:', 'linked:email', 'linked:url', 'linked:name', 'linked:name+domain', 'linked:decision']) expect(outcomes).toContain(o);
    const vouched = ws.ctx.db.prepare(`SELECT evidence_json FROM contacts WHERE email LIKE 'pat%@qx-mail.io'`).pluck().all() as string[];
    expect(vouched.length).toBeGreaterThan(0);
    for (const evidence of vouched) expect(evidence).toContain('is used by other people at Northwind Traders');
    const completed = ws.ctx.db.prepare(`SELECT count(*) FROM contacts WHERE email LIKE 'later%' AND name <> '' AND status <> 'none'`).pluck().get() as number;
    if (cacheLimit < 100) expect(completed).toBeGreaterThan(0);
    const found = importRecords(ws.ctx.db, [records(net, 9, 50, 'c')], true, false, chunk, cacheLimit).counted;
    for (const key of ['records', 'threads', 'twoWayThreads', 'meetings', 'calls', 'unlinked'] as const) expect(found[key], key).toBeGreaterThan(0);
  }, 60_000);
});

/** Imports `files` in order and holds each interaction import's summary to the queries over its batch. */
async function expectCountedAsQueried(files: { name: string; content: string | Buffer; options: Parameters<typeof importFile>[2] }[]): Promise<number> {
  const ws = workspace();
  let compared = 0;
  for (const file of files) {
    const summary = await importFile(ws.ctx.db, ws.write(file.name, file.content), file.options).catch(() => null);
    if (!summary?.found) continue;
    const queried = summary.batchId === null ? { records: 0, threads: 0, twoWayThreads: 0, meetings: 0, calls: 0, unlinked: 0 } : summariseFound(ws.ctx.db, summary.batchId);
    expect(summary.found, file.name).toEqual(queried);
    compared += 1;
  }
  return compared;
}

describe('the found summary counted while writing', () => {
  it('equals the queries on every importer fixture', async () => {
    expect(await expectCountedAsQueried(FIXTURE_IMPORTS)).toBeGreaterThan(5);
  }, 60_000);

  it('equals the queries on generated mailboxes, with your identities given, known already, or taken from the file', async () => {
    const bundle = generateDemoBundle({ seed: 5, connections: 300, asOf: '2025-06-30', difficulty: 'hard' });
    const net = generateNetwork({ seed: 6, connections: 300, asOf: '2025-06-30', me: bundle.me });
    const connections = bundle.files.find((f) => f.kind === 'linkedin-connections')!;
    const mail = writeMboxText(net, { targetBytes: 2 * 1024 * 1024 });
    const interactions = bundle.files.filter((f) => f.kind !== 'linkedin-connections').map((f) => ({ name: f.name, content: f.text, options: { kind: 'interactions' as const } }));
    const asConnections = { name: connections.name, content: connections.text, options: { kind: 'connections' as const } };
    // Not knowing you: the mailbox names you at the end, and the relink decides its contacts.
    expect(await expectCountedAsQueried([asConnections, ...interactions, { name: 'big.mbox', content: mail, options: { kind: 'interactions' } }])).toBe(interactions.length + 1);
    const me = [{ kind: 'email' as const, value: bundle.me.email }];
    expect(
      await expectCountedAsQueried([asConnections, { name: 'big.mbox', content: mail, options: { kind: 'interactions', me } }, ...interactions, { name: 'again.mbox', content: mail, options: { kind: 'interactions' } }]),
    ).toBe(interactions.length + 2);
  }, 120_000);
});
