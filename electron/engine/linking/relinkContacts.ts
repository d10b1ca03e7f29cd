// Re-decides which person each contact (a distinct identity seen in records) belongs to, with the
// pure matcher of SPEC §5; the user's decisions and hand-logged links are never overridden.
import type { Db } from '../db/openDatabase';
import { buildMatcher, type Decision, type PersonIdentity } from '../../../shared/identity/matcher';
import { emailDomain, normaliseEmail } from '../../../shared/identity/email';
import { identityKeyOf } from '../../../shared/identity/decisions';
import type { IdentityIndex } from '../../../shared/identity/identityIndex';
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
  const persons = new Map<string, PersonIdentity>();
  for (const p of db.prepare(`SELECT id, company FROM persons`).iterate() as Iterable<{ id: string; company: string }>) {
    persons.set(p.id, { id: p.id, emails: [], profileUrls: [], phones: [], nameKeys: [], company: p.company, domains: [] });
  }
  const rows = db.prepare(`SELECT person_id AS personId, kind, value FROM identities`).iterate() as Iterable<{ personId: string; kind: string; value: string }>;
  for (const row of rows) {
    const p = persons.get(row.personId);
    if (!p) continue;
    if (row.kind === 'email') {
      p.emails.push(row.value);
      const domain = emailDomain(row.value);
      if (domain) p.domains!.push(domain);
    } else if (row.kind === 'url') p.profileUrls.push(row.value);
    else if (row.kind === 'phone') p.phones.push(row.value);
    else p.nameKeys.push(row.value);
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
  const decisionKeys = new Set(decisions.map((d) => d.key));
  const update = db.prepare(`UPDATE contacts SET status = ?, person_id = ?, method = ?, evidence_json = ? WHERE id = ?`);
  const select = `SELECT id, key, name, email, profile_url AS profileUrl, phone, name_key AS nameKey, status, person_id AS personId, method, evidence_json AS evidenceJson FROM contacts`;
  const counts: RelinkCounts = { contacts: 0, linked: 0, review: 0, none: 0, own: 0, changed: 0 };
  for (const c of contactPages(db, select, only, fromId)) {
    counts.contacts += 1;
    if (c.method === 'manual') {
      counts.linked += 1;
      continue;
    }
    const result = c.id >= (fromId ?? Infinity) && !mayMatch(c, matcher.index, decisionKeys) ? NONE : matcher.match({ name: c.name || undefined, email: c.email || undefined, profileUrl: c.profileUrl || undefined, phone: c.phone || undefined });
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
    counts[status as 'linked' | 'review' | 'none' | 'own'] += 1;
    const evidenceJson = JSON.stringify(evidence);
    if (status !== c.status || personId !== c.personId || method !== c.method || evidenceJson !== c.evidenceJson) {
      update.run(status, personId, method, evidenceJson, c.id);
      counts.changed += 1;
    }
  }
  return counts;
}

const PAGE = 5_000;
const NONE = { kind: 'none' } as const;

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
function mayMatch(c: ContactRow, index: IdentityIndex, decisionKeys: ReadonlySet<string>): boolean {
  if (c.name.includes("@")) return true;
  const email = c.email ? normaliseEmail(c.email) : null;
  const profileUrl = c.profileUrl ? normaliseProfileUrl(c.profileUrl) : null;
  const phone = c.phone ? normalisePhone(c.phone) : null;
  const own = index.own;
  return (
    (email !== null && (own.emails.has(email) || index.withEmail(email).size > 0)) ||
    (profileUrl !== null && (own.profileUrls.has(profileUrl) || index.withProfileUrl(profileUrl).size > 0)) ||
    (phone !== null && (own.phones.has(phone) || index.withPhone(phone).size > 0)) ||
    (c.nameKey !== '' && (own.nameKeys.has(c.nameKey) || index.withNameKey(c.nameKey).size > 0)) ||
    decisionKeys.has(identityKeyOf({ email, profileUrl, phone, nameKey: c.nameKey }))
  );
}

/**
 * Contacts a page at a time: an archive can bring a hundred thousand one-off senders, and holding
 * them all (plus the updates made between pages) would be a memory peak at the end of every import.
 */
function* contactPages(db: Db, select: string, only: number[] | null, fromId: number | null): Generator<ContactRow> {
  if (only) {
    const byId = db.prepare(`${select} WHERE id = ?`);
    for (let i = 0; i < only.length; i += PAGE) {
      const page = only.slice(i, i + PAGE).map((id) => byId.get(id) as ContactRow | undefined);
      for (const row of page) if (row && (fromId === null || row.id < fromId)) yield row;
    }
    if (fromId === null) return;
  }
  const next = db.prepare(`${select} WHERE id > ? ORDER BY id LIMIT ${PAGE}`);
  for (let after = fromId === null ? 0 : fromId - 1; ; ) {
    const page = next.all(after) as ContactRow[];
    if (page.length === 0) return;
    yield* page;
    after = page[page.length - 1].id;
  }
}
