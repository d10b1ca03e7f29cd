// Re-decides which person each contact (a distinct identity seen in records) belongs to, with the
// pure matcher of SPEC §5; the user's decisions and hand-logged links are never overridden.
import type { Db } from '../db/openDatabase';
import { buildMatcher, type Decision, type Matcher, type MatchResult, type PersonIdentity } from '../../../shared/identity/matcher';
import { emailDomain, normaliseEmail } from '../../../shared/identity/email';
import { identityKeyOf } from '../../../shared/identity/decisions';
import { nameKey } from '../../../shared/identity/nameKey';
import { normalisePhone } from '../../../shared/identity/phone';
import { normaliseProfileUrl } from '../../../shared/identity/profileUrl';

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
    if (!p) continue;
    if (kind === 'email') {
      p.emails.push(value);
      const domain = emailDomain(value);
      if (domain) p.domains!.push(domain);
    } else if (kind === 'url') p.profileUrls.push(value);
    else if (kind === 'phone') p.phones.push(value);
    else p.nameKeys.push(value);
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
}

/** Relinks every contact, or only those in `scope`; runs inside the caller's transaction. */
export function relinkContacts(db: Db, scope?: RelinkScope): RelinkCounts {
  const only = scope?.ids ? [...scope.ids] : scope ? [] : null;
  const fromId = scope?.fromId ?? null;
  // Building the matcher means reading every person: not worth it when there is nothing to link.
  const anyContact =
    (only?.length ?? 0) > 0 ||
    db.prepare(`SELECT 1 FROM contacts WHERE id >= ? LIMIT 1`).get(fromId ?? (only ? Number.MAX_SAFE_INTEGER : 0)) !== undefined;
  if (!anyContact) return { contacts: 0, linked: 0, review: 0, none: 0, own: 0, changed: 0 };
  const decisions = loadDecisions(db);
  const matcher = buildMatcher(loadPersonIdentities(db), loadOwnIdentities(db), decisions);
  const linker = new Linker(db, matcher, new Set(decisions.map((d) => d.key)));
  for (const c of contactPages(db, only, fromId)) linker.relink(c, false);
  if (fromId !== null) linker.relinkNew(fromId);
  return linker.counts;
}

const PAGE = 5_000;
const NONE = { kind: 'none' } as const;
const SELECT = `SELECT id, key, name, email, profile_url AS profileUrl, phone, name_key AS nameKey, status, person_id AS personId, method, evidence_json AS evidenceJson FROM contacts`;
// What a contact holds until it is first linked (the columns' defaults).
const UNLINKED = { status: 'none', personId: null, method: null, evidenceJson: '[]' } as const;

/** A contact's identifiers normalised as `normaliseParticipant` does, its name key left to compute. */
interface ContactIds {
  email: string | null;
  profileUrl: string | null;
  phone: string | null;
}

/** Decides contacts one by one, writing only those whose link changed, and counts the outcomes. */
class Linker {
  readonly counts: RelinkCounts = { contacts: 0, linked: 0, review: 0, none: 0, own: 0, changed: 0 };
  private readonly update;

  constructor(
    private readonly db: Db,
    private readonly matcher: Matcher,
    private readonly decisionKeys: ReadonlySet<string>,
  ) {
    this.update = db.prepare(`UPDATE contacts SET status = ?, person_id = ?, method = ?, evidence_json = ? WHERE id = ?`);
  }

  /** One contact, read whole; `created` lets the shortcut answer for contacts the import created. */
  relink(c: ContactRow, created: boolean): void {
    if (c.method === 'manual') {
      this.counts.contacts += 1;
      this.counts.linked += 1;
      return;
    }
    if (!created) {
      this.record(c, this.matcher.match({ name: c.name || undefined, email: c.email || undefined, profileUrl: c.profileUrl || undefined, phone: c.phone || undefined }));
      return;
    }
    const ids = normalisedIds(c.email, c.profileUrl, c.phone);
    this.record(c, mayMatch(c.name, c.nameKey, ids, this.matcher, this.decisionKeys) ? this.matchIds(c.name, ids) : NONE);
  }

  /**
   * The contacts from `fromId` on: read as narrow rows, and nearly all of them (one-off senders)
   * settled by the shortcut without building an object, a JSON text or an UPDATE: a contact still
   * unlinked that stays unlinked is unchanged. Any other is read whole and goes through `relink`.
   */
  relinkNew(fromId: number): void {
    const next = this.db.prepare(
      `SELECT id, name, email, profile_url, phone, name_key, (status = 'none' AND person_id IS NULL AND method IS NULL AND evidence_json = '[]') AS unlinked
         FROM contacts WHERE id > ? ORDER BY id LIMIT ${PAGE}`,
    );
    const byId = this.db.prepare(`${SELECT} WHERE id = ?`);
    for (let after = fromId - 1; ; ) {
      const page = next.raw().all(after) as [number, string, string, string, string, string, number][];
      if (page.length === 0) return;
      for (const [id, name, email, profileUrl, phone, key, unlinked] of page) {
        if (!unlinked) {
          this.relink(byId.get(id) as ContactRow, true);
          continue;
        }
        const ids = normalisedIds(email, profileUrl, phone);
        if (!mayMatch(name, key, ids, this.matcher, this.decisionKeys)) {
          this.counts.contacts += 1;
          this.counts.none += 1;
          continue;
        }
        this.record({ id, ...UNLINKED }, this.matchIds(name, ids));
      }
      after = page[page.length - 1][0];
    }
  }

  /** `matcher.match` of the contact, from identifiers already normalised. */
  private matchIds(name: string, ids: ContactIds): MatchResult {
    // As `normaliseParticipant`: a display name holding an address is an address, not a name.
    if (name.includes('@')) return this.matcher.matchNormalised({ ...ids, email: ids.email ?? normaliseEmail(name), nameKey: '' });
    return this.matcher.matchNormalised({ ...ids, nameKey: name === '' ? '' : nameKey(name) });
  }

  private record(c: Pick<ContactRow, 'id' | 'status' | 'personId' | 'method' | 'evidenceJson'>, result: MatchResult): void {
    let status: string;
    let personId: string | null = null;
    let method: string | null = null;
    let evidence: unknown = [];
    if (result.kind === 'linked') {
      status = 'linked';
      personId = result.personId;
      method = result.method;
      evidence = result.evidence;
    } else if (result.kind === 'review') {
      status = 'review';
      evidence = result.candidates;
    } else {
      status = result.kind;
    }
    this.counts.contacts += 1;
    this.counts[status as 'linked' | 'review' | 'none' | 'own'] += 1;
    const evidenceJson = JSON.stringify(evidence);
    if (status !== c.status || personId !== c.personId || method !== c.method || evidenceJson !== c.evidenceJson) {
      this.update.run(status, personId, method, evidenceJson, c.id);
      this.counts.changed += 1;
    }
  }
}

/**
 * Plain lower-case addresses, which `normaliseEmail` returns as they are: no space, bracket, quote,
 * `mailto:` or capital to remove, one `@`, a well-formed ASCII domain, and not a Gmail spelling it
 * would shorten. Stored contacts' addresses are nearly all of this shape (they were normalised on
 * the way in), so most skip the normaliser.
 */
const PLAIN_EMAIL = /^[a-z0-9_-][a-z0-9_.-]*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;

function storedEmail(email: string): string | null {
  if (PLAIN_EMAIL.test(email) && !email.endsWith('@googlemail.com') && !(email.endsWith('@gmail.com') && email.indexOf('.') < email.indexOf('@'))) {
    return email;
  }
  return normaliseEmail(email);
}

function normalisedIds(email: string, profileUrl: string, phone: string): ContactIds {
  return {
    email: email ? storedEmail(email) : null,
    profileUrl: profileUrl ? normaliseProfileUrl(profileUrl) : null,
    phone: phone ? normalisePhone(phone) : null,
  };
}

/**
 * False when `matcher.match` is sure to answer 'none' for a contact: the lookups it makes (your
 * identities, a decision filed under the contact's key, persons holding its email, profile URL,
 * phone or name key) all come back empty. Done with the contact's stored name key, so the hundreds
 * of thousands of one-off senders of a mail archive are never name-keyed a second time (keying
 * names is most of matching's time and garbage). Only for contacts this import created: their
 * stored key is `nameKey` of their stored name, by this very code. A name holding an address goes
 * to the matcher, which reads the address out of it. Guarded by the test "the shortcut agrees with
 * the matcher".
 */
function mayMatch(name: string, storedKey: string, ids: ContactIds, matcher: Matcher, decisionKeys: ReadonlySet<string>): boolean {
  if (name.includes('@')) return true;
  const { email, profileUrl, phone } = ids;
  const index = matcher.index;
  const own = index.own;
  return (
    (email !== null && (own.emails.has(email) || index.withEmail(email).size > 0)) ||
    (profileUrl !== null && (own.profileUrls.has(profileUrl) || index.withProfileUrl(profileUrl).size > 0)) ||
    (phone !== null && (own.phones.has(phone) || index.withPhone(phone).size > 0)) ||
    (storedKey !== '' && (own.nameKeys.has(storedKey) || index.withNameKey(storedKey).size > 0)) ||
    decisionKeys.has(identityKeyOf({ email, profileUrl, phone, nameKey: storedKey }))
  );
}

/**
 * The contacts named in `only` that the import did not create (all of them without `fromId`), or
 * every contact when `only` is null, a page at a time: holding them all (plus the updates made
 * between pages) would be a memory peak at the end of every import.
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
  const next = db.prepare(`${SELECT} WHERE id > ? ORDER BY id LIMIT ${PAGE}`);
  for (let after = 0; ; ) {
    const page = next.all(after) as ContactRow[];
    if (page.length === 0) return;
    yield* page;
    after = page[page.length - 1].id;
  }
}
