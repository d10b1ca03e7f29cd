// The interaction session's multi-row writes leave the database exactly as the row-by-row session did
// (kept below as the oracle, as it was before the chunked writes): the same interaction and contact
// ids, rows and counts, through duplicates inside a chunk, re-imports, chunk boundaries, contacts that
// exist already and learn a name, and identity caches that start again in the middle of a batch.
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../../electron/engine/db/openDatabase';
import type { InteractionRecord, ParticipantRecord } from '../../../../shared/domain/records';
import { InteractionSession } from '../../../../electron/engine/imports/interactionSession';
import { createBatch } from '../../../../electron/engine/imports/connectionSession';
import { contactOfParticipant } from '../../../../electron/engine/store/identityKeys';
import { participantKey } from '../../../../shared/identity/decisions';
import { nameKey } from '../../../../shared/identity/nameKey';
import { normaliseEmail } from '../../../../shared/identity/email';
import { normaliseProfileUrl } from '../../../../shared/identity/profileUrl';
import { normalisePhone } from '../../../../shared/identity/phone';
import { DigestMap, StringDigest } from '../../../../electron/engine/importers/interactions/digestTable';
import { InteractionEncoder } from '../../../../electron/engine/imports/interactionBatch';
import { tempWorkspace, type TempWorkspace } from '../../../fixtures/tempDb';

/** The session as it was: one statement per interaction, per participant and per new contact. */
class RowByRowSession {
  readonly counts = { added: 0, duplicate: 0 };
  readonly firstNewContactId: number;
  readonly enrichedContacts = new Set<number>();
  private readonly digest = new StringDigest();
  private readonly contactIds = new DigestMap();
  private readonly rawContacts = new DigestMap();
  private readonly stmt;

  constructor(
    db: Db,
    private readonly batchId: number,
    private readonly limit: number,
  ) {
    this.firstNewContactId = db.prepare(`SELECT coalesce(max(id), 0) + 1 FROM contacts`).pluck().get() as number;
    this.stmt = {
      interaction: db.prepare(
        `INSERT INTO interactions (batch_id, source_key, kind, occurred_at, day, thread_key, subject, location, duration_sec, connected, others_count, automated, manual, note)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(source_key) DO NOTHING`,
      ),
      contactInsert: db.prepare(`INSERT INTO contacts (key, name, email, profile_url, phone, name_key) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING RETURNING id`).pluck(),
      contactRow: db.prepare(`SELECT id, name, email, profile_url AS profileUrl, phone, name_key AS nameKey FROM contacts WHERE key = ?`),
      contactFill: db.prepare(
        `UPDATE contacts SET name = CASE WHEN name = '' THEN ? ELSE name END, email = CASE WHEN email = '' THEN ? ELSE email END,
                profile_url = CASE WHEN profile_url = '' THEN ? ELSE profile_url END, phone = CASE WHEN phone = '' THEN ? ELSE phone END,
                name_key = CASE WHEN name_key = '' THEN ? ELSE name_key END WHERE id = ?`,
      ),
      participant: db.prepare(`INSERT OR IGNORE INTO participants (interaction_id, contact_id, role, is_sender, declined) VALUES (?, ?, ?, ?, ?)`),
    };
  }

  add(records: InteractionRecord[], manual = false): number[] {
    const ids: number[] = [];
    for (const r of records) {
      const result = this.stmt.interaction.run(this.batchId, r.sourceKey, r.kind, r.occurredAt, r.occurredAt.slice(0, 10), r.threadKey ?? null, r.subject ?? '', r.location ?? '',
        r.durationSec ?? null, r.connected === false ? 0 : 1, r.othersCount ?? null, r.automated ? 1 : 0, manual ? 1 : 0, r.note ?? '');
      if (result.changes === 0) {
        this.counts.duplicate += 1;
        continue;
      }
      const interactionId = Number(result.lastInsertRowid);
      for (const p of r.participants) {
        const contactId = this.contactIdOf(p);
        if (contactId !== null) this.stmt.participant.run(interactionId, contactId, p.role, p.isSender ? 1 : 0, p.declined ? 1 : 0);
      }
      this.counts.added += 1;
      ids.push(interactionId);
    }
    return ids;
  }

  private contactIdOf(p: ParticipantRecord): number | null {
    const raw = this.digest.of(`${p.name ?? ''}\u0001${p.email ?? ''}\u0001${p.profileUrl ?? ''}\u0001${p.phone ?? ''}`);
    let id = this.rawContacts.get(raw);
    if (id === undefined) {
      const { hi, lo } = raw;
      const contact = contactOfParticipant(p);
      id = contact ? this.contactId(contact) : 0;
      this.remember(this.rawContacts, this.digest.set(hi, lo), id);
    }
    return id === 0 ? null : id;
  }

  private contactId(c: NonNullable<ReturnType<typeof contactOfParticipant>>): number {
    let id = this.contactIds.get(this.digest.of(c.key));
    if (id === undefined) {
      id = this.stmt.contactInsert.get(c.key, c.name, c.email, c.profileUrl, c.phone, c.nameKey) as number | undefined;
      if (id === undefined) {
        const row = this.stmt.contactRow.get(c.key) as { id: number; name: string; email: string; profileUrl: string; phone: string; nameKey: string };
        id = row.id;
        const learns = (!row.name && c.name) || (!row.email && c.email) || (!row.profileUrl && c.profileUrl) || (!row.phone && c.phone) || (!row.nameKey && c.nameKey);
        if (learns) {
          this.stmt.contactFill.run(c.name, c.email, c.profileUrl, c.phone, c.nameKey, id);
          if (id < this.firstNewContactId) this.enrichedContacts.add(id);
        }
      }
      this.remember(this.contactIds, this.digest.of(c.key), id);
    }
    return id;
  }

  private remember(cache: DigestMap, key: StringDigest, id: number): void {
    if (cache.size >= this.limit) cache.clear();
    cache.set(key, id);
  }
}

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

const NAMES = ['Jane Doe', 'jane doe', 'Dr. Jane Doe', '', 'Bob Builder', 'Zoë Çelik', 'bob@example.com', '  ', 'Ng', 'María José García', 'O\u2019Brien, Pat'];
const EMAILS = ['jane@example.com', 'JANE@Example.com', 'bob@example.com', '', 'not an address', 'zoe@exämple.de', 'pat@x.ie', 'mailto:pat@x.ie'];
const URLS = ['', '', 'https://www.linkedin.com/in/jane-doe-123', 'linkedin.com/in/bob', 'https://facebook.com/zoe'];
const PHONES = ['', '', '', '+1 555 0101', '(555) 0101', '12'];
const ROLES: ParticipantRecord['role'][] = ['from', 'to', 'cc', 'with', 'attendee'];

/** Records dense with repeats: of source keys, of identities (spelled in several ways), of a participant within one record. */
function records(seed: number, count: number, keyRange: number): InteractionRecord[] {
  const rnd = random(seed);
  const pick = <T,>(list: T[]) => list[Math.floor(rnd() * list.length)];
  const out: InteractionRecord[] = [];
  for (let i = 0; i < count; i++) {
    const participants: ParticipantRecord[] = [];
    const n = Math.floor(rnd() * 4);
    for (let j = 0; j < n; j++) {
      // A pool of many identities, so that small caches start again; a few spelled several ways.
      const who = Math.floor(rnd() * 60);
      const p: ParticipantRecord =
        who < 40
          ? { role: pick(ROLES), name: rnd() < 0.5 ? pick(NAMES) : `Person ${who}`, email: rnd() < 0.7 ? `p${who}@example.org` : undefined, isSender: j === 0 }
          : { role: pick(ROLES), name: pick(NAMES), email: pick(EMAILS), profileUrl: pick(URLS), phone: pick(PHONES), isSender: j === 0, declined: rnd() < 0.1 };
      participants.push(p);
      if (rnd() < 0.1) participants.push({ ...p, isSender: !p.isSender });
    }
    out.push({
      line: i + 1,
      sourceKey: `k${Math.floor(rnd() * keyRange)}`,
      kind: pick(['email', 'message', 'call', 'video', 'in_person'] as const),
      occurredAt: `2024-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}T10:00:00Z`,
      threadKey: rnd() < 0.2 ? undefined : rnd() < 0.1 ? '' : `t${Math.floor(rnd() * 20)}`,
      subject: rnd() < 0.3 ? undefined : `Subject ${i} — ünïcödé 日本`,
      location: rnd() < 0.8 ? undefined : 'Café',
      durationSec: rnd() < 0.7 ? undefined : Math.floor(rnd() * 3600),
      connected: rnd() < 0.2 ? false : rnd() < 0.5 ? true : undefined,
      othersCount: rnd() < 0.7 ? undefined : Math.floor(rnd() * 5),
      automated: rnd() < 0.1,
      note: rnd() < 0.9 ? undefined : 'a note',
      participants,
    });
  }
  return out;
}

function dump(db: Db): Record<string, unknown[]> {
  return {
    contacts: db.prepare(`SELECT * FROM contacts ORDER BY id`).all(),
    interactions: db.prepare(`SELECT * FROM interactions ORDER BY id`).all(),
    participants: db.prepare(`SELECT * FROM participants ORDER BY interaction_id, contact_id, role`).all(),
  };
}

/** Contacts already there before the import: one with only an address (it learns a name), one complete. */
function seedContacts(db: Db): void {
  db.prepare(`INSERT INTO contacts (key, email) VALUES ('email:p3@example.org', 'p3@example.org')`).run();
  db.prepare(`INSERT INTO contacts (key, name, email, name_key) VALUES ('email:jane@example.com', 'Jane', 'jane@example.com', 'jane')`).run();
}

type Run = { db: Record<string, unknown[]>; ids: number[][]; counts: unknown[]; enriched: number[][] };

/** Imports each list of batches as one import (one session), one after the other, the way given. */
function importWith(ws: TempWorkspace, imports: InteractionRecord[][][], session: (db: Db, batchId: number) => RowByRowSession | InteractionSession): Run {
  const db = ws.ctx.db;
  seedContacts(db);
  const out: Run = { db: {}, ids: [], counts: [], enriched: [] };
  for (const batches of imports) {
    db.transaction(() => {
      const s = session(db, createBatch(db, 'interactions', 'f', 'csv', null));
      for (const batch of batches) out.ids.push(s.add(batch));
      out.counts.push({ added: s.counts.added, duplicate: s.counts.duplicate });
      out.enriched.push([...s.enrichedContacts].sort((a, b) => a - b));
    })();
  }
  out.db = dump(db);
  return out;
}

let workspaces: TempWorkspace[] = [];
afterEach(() => {
  for (const ws of workspaces) ws.close();
  workspaces = [];
});

function compare(imports: InteractionRecord[][][], chunk: number, cacheLimit: number): { rowByRow: Run; chunked: Run } {
  const a = tempWorkspace();
  const b = tempWorkspace();
  workspaces.push(a, b);
  const rowByRow = importWith(a, imports, (db, batchId) => new RowByRowSession(db, batchId, cacheLimit));
  const chunked = importWith(b, imports, (db, batchId) => new InteractionSession(db, batchId, { chunk, contactCacheLimit: cacheLimit }));
  return { rowByRow, chunked };
}

describe('the chunked interaction session', () => {
  it.each([
    [1, 4096],
    [3, 4096],
    [7, 4096],
    [100, 4096],
    [7, 5],
    [100, 3],
  ])('leaves the database the row-by-row session left (chunk of %i rows, caches of %i identities)', (chunk, cacheLimit) => {
    const first = records(1, 400, 300);
    const second = records(2, 300, 450);
    // Batches of uneven sizes; the second import repeats the first whole (a re-import) and adds more.
    const imports = [[first.slice(0, 13), first.slice(13, 250), first.slice(250)], [first, second.slice(0, 1), second.slice(1)]];
    const { rowByRow, chunked } = compare(imports, chunk, cacheLimit);
    expect(rowByRow.db.interactions.length).toBeGreaterThan(300);
    expect(rowByRow.db.participants.length).toBeGreaterThan(400);
    expect((rowByRow.counts[1] as { duplicate: number }).duplicate).toBeGreaterThan(400);
    expect(chunked).toEqual(rowByRow);
  });

  it('a source key repeated inside one chunk: the first record wins, and only its participants are written', () => {
    const r = records(3, 6, 1000).map((x, i) => ({ ...x, sourceKey: ['a', 'b', 'a', 'c', 'b', 'd'][i] }));
    r[2].participants = [{ role: 'from', name: 'Only In The Duplicate', email: 'dup@example.org', isSender: true }];
    const { rowByRow, chunked } = compare([[r]], 100, 4096);
    expect(chunked).toEqual(rowByRow);
    expect(chunked.ids[0]).toHaveLength(4);
    expect(JSON.stringify(chunked.db.contacts)).not.toContain('dup@example.org');
  });

  it('an existing contact with only an address learns its name once, and counts as enriched', () => {
    const r: InteractionRecord[] = [
      { line: 1, sourceKey: 'x1', kind: 'email', occurredAt: '2024-01-01T00:00:00Z', participants: [{ role: 'from', email: 'P3@example.org', isSender: true }, { role: 'to', email: 'other@example.org', isSender: false }] },
      { line: 2, sourceKey: 'x2', kind: 'email', occurredAt: '2024-01-02T00:00:00Z', participants: [{ role: 'from', name: 'Pat Three', email: 'p3@example.org', isSender: true }] },
      { line: 3, sourceKey: 'x3', kind: 'email', occurredAt: '2024-01-03T00:00:00Z', participants: [{ role: 'to', name: 'Other Name', email: 'p3@example.org', isSender: false }] },
    ];
    // With caches of one identity each, the second record's look-up misses (the first's other participant took the
    // place) and fills the name; with roomy caches it hits, and the first record's values stand.
    for (const limit of [1, 4096]) {
      const { rowByRow, chunked } = compare([[r]], 2, limit);
      expect(chunked).toEqual(rowByRow);
      expect(chunked.enriched[0]).toEqual(limit === 1 ? [1] : []);
    }
  });

  it('a meeting logged by hand (manual, no participants) is stored as before', () => {
    const r: InteractionRecord = { line: 0, sourceKey: 'manual:1', kind: 'in_person', occurredAt: '2024-05-05T12:00:00Z', threadKey: 'manual:x', connected: true, othersCount: 2, note: 'lunch', participants: [] };
    const a = tempWorkspace();
    const b = tempWorkspace();
    workspaces.push(a, b);
    const ids = [new RowByRowSession(a.ctx.db, createBatch(a.ctx.db, 'manual', 'm', 'manual', null), 10).add([r], true), new InteractionSession(b.ctx.db, createBatch(b.ctx.db, 'manual', 'm', 'manual', null)).add([r], true)];
    expect(ids[1]).toEqual(ids[0]);
    expect(dump(b.ctx.db)).toEqual(dump(a.ctx.db));
  });
});

describe('participant normalisation where the file is parsed', () => {
  it('keys a contact as participantKey does (its name key derived once)', () => {
    const rnd = random(9);
    const pick = <T,>(list: T[]) => list[Math.floor(rnd() * list.length)];
    for (let i = 0; i < 3000; i++) {
      const p: ParticipantRecord = { role: 'to', name: pick([...NAMES, ' Jane@Example.com ', 'Prof. Dr. Müller-Lüdenscheidt']), email: pick([...EMAILS, undefined as unknown as string]), profileUrl: pick(URLS), phone: pick(PHONES), isSender: false };
      const email = p.email ? (normaliseEmail(p.email) ?? '') : '';
      const profileUrl = p.profileUrl ? (normaliseProfileUrl(p.profileUrl) ?? '') : '';
      const phone = p.phone ? (normalisePhone(p.phone) ?? '') : '';
      const name = (p.name ?? '').trim();
      const key = participantKey({ name, email: email || undefined, profileUrl: profileUrl || undefined, phone: phone || undefined });
      expect(contactOfParticipant(p)).toEqual(key ? { key, name, email, profileUrl, phone, nameKey: nameKey(name) } : null);
    }
  });

  it('digests an identity as written without joining its parts first', () => {
    const d = new StringDigest();
    const cases: [string, string, string, string][] = [['', '', '', ''], ['Jane', 'jane@x.org', '', ''], ['Zoë 日本', '', 'https://x', '+1 5'], ['a\u0001b', '', '', '']];
    for (const [w, x, y, z] of cases) {
      const joined = d.of([w, x, y, z].join('\u0001'));
      const [hi, lo] = [joined.hi, joined.lo];
      d.ofJoined(w, x, y, z);
      expect([d.hi, d.lo]).toEqual([hi, lo]);
    }
  });

  it('each batch carries each of its contacts once', () => {
    const encoder = new InteractionEncoder();
    const batch = encoder.encode(records(4, 200, 1000));
    const refs = new Set(batch.contactRef.filter((r) => r >= 0));
    expect(batch.keyDigest.length / 2).toBe(refs.size);
    expect(Math.max(...refs)).toBe(refs.size - 1);
  });
});

describe('statement journals during an import', () => {
  it('are kept in memory for the transaction only: the connection gets its own setting back, also after a refused file', async () => {
    const { importFile } = await import('../../../../electron/engine/imports/importFile');
    const ws = tempWorkspace();
    workspaces.push(ws);
    const db = ws.ctx.db;
    db.pragma('temp_store = FILE');
    const mbox = 'From a@x Mon Jan  1 00:00:00 2024\nFrom: A <a@example.org>\nTo: B <b@example.org>\nMessage-ID: <1@x>\nDate: Mon, 1 Jan 2024 10:00:00 +0000\nSubject: hi\n\nbody\n';
    await importFile(db, ws.write('a.mbox', mbox), { kind: 'interactions', format: 'mbox' });
    expect(db.pragma('temp_store', { simple: true })).toBe(1);
    await expect(importFile(db, ws.write('b.mbox', 'not a mailbox at all\n'), { kind: 'interactions', format: 'mbox' })).rejects.toThrow();
    expect(db.pragma('temp_store', { simple: true })).toBe(1);
    expect(db.prepare(`SELECT count(*) AS n FROM interactions`).get()).toEqual({ n: 1 });
  });
});
