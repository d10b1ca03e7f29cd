// Re-decides which person each contact (a distinct identity seen in records) belongs to, with the
// pure matcher of SPEC §5; the user's decisions and hand-logged links are never overridden.
import type { Db } from '../db/openDatabase';
import { buildMatcher, type Decision, type MatchResult, type NormalisedParticipant, type PersonIdentity } from '../../../shared/identity/matcher';
import { normaliseEmail } from '../../../shared/identity/email';
import { nameKey } from '../../../shared/identity/nameKey';
import { contactIds, FiledKeys, type ContactIds } from './filedKeys';
import { PersonTable, addIdentity } from './personTable';

interface ContactRow {
  id: number;
  key: string;
  name: string;
  email: string;
  profileUrl: string;
  phone: string;
  nameKey: string;
  status: string;
  personId: string | null;
  method: string | null;
  evidenceJson: string;
}

export function loadPersonIdentities(db: Db): PersonIdentity[] {
  // Rows as arrays, read whole: tens of thousands of persons, and an object per row costs more than the read.
  const persons = new Map<string, PersonIdentity>();
  for (const [id, company] of db.prepare(`SELECT id, company FROM persons`).raw().all() as [string, string][]) {
    persons.set(id, { id, emails: [], profileUrls: [], phones: [], nameKeys: [], company, domains: [] });
  }
  for (const [personId, kind, value] of db.prepare(`SELECT person_id, kind, value FROM identities`).raw().all() as [string, string, string][]) {
    const p = persons.get(personId);
    if (p) addIdentity(p, kind, value);
  }
  return [...persons.values()];
}

export function loadOwnIdentities(db: Db) {
  const own = { emails: [] as string[], profileUrls: [] as string[], phones: [] as string[], nameKeys: [] as string[] };
  for (const row of db.prepare(`SELECT kind, value FROM my_identities`).all() as { kind: string; value: string }[]) {
    if (row.kind === 'email') own.emails.push(row.value);
    else if (row.kind === 'url') own.profileUrls.push(row.value);
    else if (row.kind === 'phone') own.phones.push(row.value);
    else own.nameKeys.push(row.value);
  }
  return own;
}

export function loadDecisions(db: Db): Decision[] {
  return db.prepare(`SELECT contact_key AS key, person_id AS personId, verdict FROM link_decisions`).all() as Decision[];
}

export interface RelinkCounts {
  contacts: number;
  linked: number;
  review: number;
  none: number;
  own: number;
  changed: number;
}

export interface RelinkScope {
  /** These contacts… */
  ids?: Iterable<number>;
  /** …and every contact from this id on (the ones an import created). */
  fromId?: number;
  /** With `fromId`: every contact before it too, instead of `ids` (your identities changed). */
  allOlder?: boolean;
  /** With `fromId`: the contacts from it on were linked as the import created them (NewContactLinker), so are left as they are. */
  createdLinked?: boolean;
}

/** Relinks every contact, or only those in `scope`; runs inside the caller's transaction. */
export function relinkContacts(db: Db, scope?: RelinkScope): RelinkCounts {
  const fromId = scope?.fromId ?? null;
  const only = scope?.allOlder ? null : scope?.ids ? [...scope.ids] : scope ? [] : null;
  const createdLinked = fromId !== null && scope?.createdLinked === true;
  // The ids to relink besides `only`: every contact (or every older one), those the import created, or none.
  const END = Number.MAX_SAFE_INTEGER;
  const [low, high] = only === null ? [0, createdLinked ? fromId : END] : fromId === null || createdLinked ? [END, END] : [fromId, END];
  // Building the matcher means reading every person: not worth it when there is nothing to link.
  const anyContact = (only?.length ?? 0) > 0 || db.prepare(`SELECT 1 FROM contacts WHERE id >= ? AND id < ? LIMIT 1`).get(low, high) !== undefined;
  if (!anyContact) return { contacts: 0, linked: 0, review: 0, none: 0, own: 0, changed: 0 };
  const decisions = loadDecisions(db);
  const persons = new PersonTable(db);
  const own = loadOwnIdentities(db);
  const linker = new Linker(db);
  let matcher: ReturnType<typeof buildMatcher> | null = null;
  for (const c of contactPages(db, only, fromId)) {
    if (c.method === 'manual') linker.manual();
    else {
      matcher ??= buildMatcher(persons.identities(), own, decisions);
      linker.record(c, matcher.match({ name: c.name || undefined, email: c.email || undefined, profileUrl: c.profileUrl || undefined, phone: c.phone || undefined }));
    }
  }
  if (fromId !== null && !createdLinked) relinkCreated(db, linker, fromId, persons, own, decisions);
  return linker.counts;
}

const PAGE = 5_000;
const NONE = { kind: 'none' } as const;
const SELECT = `SELECT id, key, name, email, profile_url AS profileUrl, phone, name_key AS nameKey, status, person_id AS personId, method, evidence_json AS evidenceJson FROM contacts`;
// What a contact holds until it is first linked (the columns' defaults).
const UNLINKED = { status: 'none', personId: null, method: null, evidenceJson: '[]' } as const;

type StoredLink = Pick<ContactRow, 'id' | 'status' | 'personId' | 'method' | 'evidenceJson'>;

/**
 * The contacts from `fromId` on, which an import created. They are read as narrow rows, and nearly
 * all (one-off senders) are settled by the shortcut without an object, a JSON text or an UPDATE: a
 * contact still unlinked that stays unlinked is unchanged. The rest are matched against an index of
 * only the persons they could meet (`FiledKeys.near`), which answers as the full one would.
 */
function relinkCreated(db: Db, linker: Linker, fromId: number, persons: PersonTable, own: ReturnType<typeof loadOwnIdentities>, decisions: Decision[]): void {
  const keys = new FiledKeys(persons, own);
  const decisionKeys = new Set(decisions.map((d) => d.key));
  const waiting: { stored: StoredLink; ids: NormalisedParticipant }[] = [];
  const next = db.prepare(
    `SELECT id, name, email, profile_url, phone, name_key, (status = 'none' AND person_id IS NULL AND method IS NULL AND evidence_json = '[]') AS unlinked
       FROM contacts WHERE id > ? ORDER BY id LIMIT ${PAGE}`,
  );
  const byId = db.prepare(`${SELECT} WHERE id = ?`);
  for (let after = fromId - 1; ; ) {
    const page = next.raw().all(after) as [number, string, string, string, string, string, number][];
    if (page.length === 0) break;
    for (const [id, name, email, profileUrl, phone, key, unlinked] of page) {
      const ids = contactIds(email, profileUrl, phone);
      if (unlinked) {
        if (keys.mayMatch(name, key, ids, decisionKeys)) waiting.push({ stored: { id, ...UNLINKED }, ids: participantIds(name, ids) });
        else linker.stillNone();
        continue;
      }
      // Linked since it was created (by hand, or by an earlier relink): read whole.
      const c = byId.get(id) as ContactRow;
      if (c.method === 'manual') linker.manual();
      else if (keys.mayMatch(name, key, ids, decisionKeys)) waiting.push({ stored: c, ids: participantIds(name, ids) });
      else linker.record(c, NONE);
    }
    after = page[page.length - 1][0];
  }
  if (waiting.length === 0) return;
  const matcher = buildMatcher(keys.near(waiting.map((w) => w.ids), decisions.map((d) => d.personId)), own, decisions);
  for (const { stored, ids } of waiting) linker.record(stored, matcher.matchNormalised(ids));
}

/** What `normaliseParticipant` makes of a contact, from its identifiers already normalised. */
export function participantIds(name: string, ids: ContactIds): NormalisedParticipant {
  // A display name holding an address is an address, not a name.
  if (name.includes('@')) return { ...ids, email: ids.email ?? normaliseEmail(name), nameKey: '' };
  return { ...ids, nameKey: name === '' ? '' : nameKey(name) };
}

/** Writes the contacts whose link changed, and counts the outcomes. */
class Linker {
  readonly counts: RelinkCounts = { contacts: 0, linked: 0, review: 0, none: 0, own: 0, changed: 0 };
  private readonly update;

  constructor(db: Db) {
    this.update = db.prepare(`UPDATE contacts SET status = ?, person_id = ?, method = ?, evidence_json = ? WHERE id = ?`);
  }

  /** A link you made by hand: never redecided. */
  manual(): void {
    this.counts.contacts += 1;
    this.counts.linked += 1;
  }

  /** An unlinked contact the matcher would leave unlinked. */
  stillNone(): void {
    this.counts.contacts += 1;
    this.counts.none += 1;
  }

  record(c: StoredLink, result: MatchResult): void {
    const link = storedLinkOf(result);
    this.counts.contacts += 1;
    this.counts[link.status] += 1;
    if (!sameLink(link, c)) {
      this.update.run(link.status, link.personId, link.method, link.evidenceJson, c.id);
      this.counts.changed += 1;
    }
  }
}

/** A contact's link columns, as stored. */
interface LinkColumns {
  status: string;
  personId: string | null;
  method: string | null;
  evidenceJson: string;
}

/** The link columns of a match result. */
export interface StoredLinkColumns extends LinkColumns {
  status: 'linked' | 'review' | 'none' | 'own';
}

/** The link columns a match result is stored as. */
export function storedLinkOf(result: MatchResult): StoredLinkColumns {
  if (result.kind === 'linked') return { status: 'linked', personId: result.personId, method: result.method, evidenceJson: JSON.stringify(result.evidence) };
  if (result.kind === 'review') return { status: 'review', personId: null, method: null, evidenceJson: JSON.stringify(result.candidates) };
  return { status: result.kind, personId: null, method: null, evidenceJson: '[]' };
}

export function sameLink(a: LinkColumns, b: LinkColumns): boolean {
  return a.status === b.status && a.personId === b.personId && a.method === b.method && a.evidenceJson === b.evidenceJson;
}

/**
 * The contacts named in `only` that the import did not create (all of them without `fromId`), or
 * when `only` is null every contact before `fromId` (every one without it), a page at a time:
 * holding them all (plus the updates made between pages) would be a memory peak at the end of
 * every import.
 */
function* contactPages(db: Db, only: number[] | null, fromId: number | null): Generator<ContactRow> {
  if (only) {
    const byId = db.prepare(`${SELECT} WHERE id = ?`);
    for (let i = 0; i < only.length; i += PAGE) {
      const page = only.slice(i, i + PAGE).map((id) => byId.get(id) as ContactRow | undefined);
      for (const row of page) if (row && (fromId === null || row.id < fromId)) yield row;
    }
    return;
  }
  const next = db.prepare(`${SELECT} WHERE id > ? AND id < ? ORDER BY id LIMIT ${PAGE}`);
  for (let after = 0; ; ) {
    const page = next.all(after, fromId ?? Number.MAX_SAFE_INTEGER) as ContactRow[];
    if (page.length === 0) return;
    yield* page;
    after = page[page.length - 1].id;
  }
}
