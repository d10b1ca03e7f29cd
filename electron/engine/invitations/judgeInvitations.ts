// Judges incoming invitations (SPEC §9 `invites`): each sender who is not a connection is matched
// against your records as if they were a person, with the same matcher and the same evidence code as
// the audit, computed on demand so that nothing is written and the audit cannot change.
import type { Db } from '../db/openDatabase';
import type { AuditRules, Evidence } from '../../../shared/domain/audit';
import { collectEvidence, emptyEvidence, type EvidenceRow } from '../../../shared/audit/evidence';
import { buildMatcher, type PersonIdentity } from '../../../shared/identity/matcher';
import { normaliseParticipant } from '../../../shared/identity/decisions';
import type { IdentityIndex } from '../../../shared/identity/identityIndex';
import { normaliseProfileUrl } from '../../../shared/identity/profileUrl';
import { invitationVerdict, type InvitationVerdict } from '../../../shared/invitations/verdict';
import { todayUtc } from '../../../shared/audit/calendarDays';
import { loadDecisions, loadOwnIdentities, loadPersonIdentities } from '../linking/relinkContacts';
import { readRules } from '../store/settingsStore';
import { readInvitationSenders, type InvitationSender } from './readInvitations';

export interface JudgedInvitation {
  sender: InvitationSender;
  verdict: InvitationVerdict;
  evidence: Evidence;
  /** The contacts (distinct identities seen in records) taken to be this sender, and why. */
  contacts: SenderContact[];
}

export interface InvitationJudgement {
  asOf: string;
  rules: AuditRules;
  invitations: JudgedInvitation[];
}

export interface SenderContact {
  id: number;
  method: string;
  evidence: string[];
}

/** Sender ids cannot collide with person ids (UUIDs): the matcher sees them as persons for a moment. */
const SENDER_PREFIX = 'invitation-sender:';

function livePersonIds(db: Db): Set<string> {
  return new Set(db.prepare(`SELECT DISTINCT person_id FROM connections WHERE removed_at IS NULL`).pluck().all() as string[]);
}

interface CandidateContact {
  id: number;
  name: string;
  email: string;
  profileUrl: string;
  phone: string;
  personId: string | null;
}

export function judgeInvitations(db: Db, opts: { asOf?: string; rules?: AuditRules } = {}): InvitationJudgement {
  const asOf = opts.asOf ?? todayUtc();
  const rules = opts.rules ?? readRules(db);
  const senders = readInvitationSenders(db, asOf);
  if (senders.length === 0) return { asOf, rules, invitations: [] };

  const persons = loadPersonIdentities(db);
  const own = loadOwnIdentities(db);
  const decisions = loadDecisions(db);
  const live = livePersonIds(db);
  const byId = new Map(persons.map((p) => [p.id, p]));

  // 1. Is the sender already a connection (or you)? Asked of the matcher exactly as for a record.
  const asIs = buildMatcher(persons, own, decisions);
  const waiting: { sender: InvitationSender; id: string; absorbs: string | null }[] = [];
  senders.forEach((sender, i) => {
    const result = asIs.match({ name: sender.name || undefined, profileUrl: sender.profileUrl || undefined });
    if (result.kind === 'own') return;
    if (result.kind === 'linked' && live.has(result.personId)) return;
    // A former connection (removed everywhere) inviting again is that person: their records are theirs.
    waiting.push({ sender, id: `${SENDER_PREFIX}${i}`, absorbs: result.kind === 'linked' ? result.personId : null });
  });
  if (waiting.length === 0) return { asOf, rules, invitations: [] };

  // 2. The senders join the persons, so that a namesake among them or the connections sends a bare
  //    name to review rather than to either one.
  const absorbed = new Set(waiting.map((w) => w.absorbs).filter((id): id is string => id !== null));
  const senderIdentities: PersonIdentity[] = waiting.map(({ sender, id, absorbs }) => {
    const former = absorbs ? byId.get(absorbs) : undefined;
    return {
      id,
      emails: former?.emails ?? [],
      profileUrls: [...(former?.profileUrls ?? []), ...(sender.normalisedUrl ? [sender.normalisedUrl] : [])],
      phones: former?.phones ?? [],
      nameKeys: [...(former?.nameKeys ?? []), ...(sender.nameKey ? [sender.nameKey] : [])],
      company: '',
      domains: former?.domains ?? [],
    };
  });
  // 3. Only contacts that could be a sender are asked again: those with a sender's name key or
  //    profile URL, or linked to a former connection who is now a sender.
  const candidates = candidateContacts(db, waiting, absorbed);
  const near = personsNear(asIs.index, candidates, persons);
  const withSenders = buildMatcher([...persons.filter((p) => near.has(p.id) && !absorbed.has(p.id)), ...senderIdentities], own, decisions);
  const senderOf = new Map<number, string>();
  const contactsOf = new Map<string, SenderContact[]>();
  for (const c of candidates) {
    const result = withSenders.match({ name: c.name || undefined, email: c.email || undefined, profileUrl: c.profileUrl || undefined, phone: c.phone || undefined });
    if (result.kind !== 'linked' || !result.personId.startsWith(SENDER_PREFIX)) continue;
    senderOf.set(c.id, result.personId);
    const list = contactsOf.get(result.personId) ?? [];
    list.push({ id: c.id, method: result.method, evidence: result.evidence.map((line) => line.replace('is on this person', 'is on the invitation')) });
    contactsOf.set(result.personId, list);
  }

  const evidence = collectEvidence(senderEvidenceRows(db, asOf, senderOf, absorbed), rules);
  return {
    asOf,
    rules,
    invitations: waiting.map(({ sender, id }) => {
      const e = evidence.get(id) ?? emptyEvidence();
      return { sender, verdict: invitationVerdict(e, rules), evidence: e, contacts: contactsOf.get(id) ?? [] };
    }),
  };
}

/**
 * The persons the matcher can consult for these contacts: those holding one of their identifiers,
 * and everyone at those persons' companies (whose domains corroborate a name). Matching against
 * them alone answers as matching against all persons would, at a fraction of the cost (30,000
 * persons are indexed once, not twice).
 */
function personsNear(index: IdentityIndex, contacts: CandidateContact[], persons: PersonIdentity[]): Set<string> {
  const near = new Set<string>();
  const add = (ids: ReadonlySet<string>) => ids.forEach((id) => near.add(id));
  for (const c of contacts) {
    const ids = normaliseParticipant({ name: c.name || undefined, email: c.email || undefined, profileUrl: c.profileUrl || undefined, phone: c.phone || undefined });
    if (ids.email) add(index.withEmail(ids.email));
    if (ids.profileUrl) add(index.withProfileUrl(ids.profileUrl));
    if (ids.phone) add(index.withPhone(ids.phone));
    if (ids.nameKey) add(index.withNameKey(ids.nameKey));
  }
  const companies = new Set([...near].map((id) => index.get(id)?.companyKey ?? '').filter(Boolean));
  if (companies.size > 0) for (const p of persons) if (companies.has(index.get(p.id)?.companyKey ?? '')) near.add(p.id);
  return near;
}

function candidateContacts(db: Db, waiting: { sender: InvitationSender }[], absorbed: Set<string>): CandidateContact[] {
  const nameKeys = [...new Set(waiting.map((w) => w.sender.nameKey).filter(Boolean))];
  const urls = new Set(waiting.map((w) => w.sender.normalisedUrl).filter((u): u is string => u !== null));
  const columns = `id, name, email, profile_url AS profileUrl, phone, person_id AS personId FROM contacts`;
  const rows = db
    .prepare(
      `SELECT ${columns} WHERE status != 'own' AND (method IS NULL OR method != 'manual')
          AND (name_key IN (SELECT value FROM json_each(?)) OR person_id IN (SELECT value FROM json_each(?)))`,
    )
    .all(JSON.stringify(nameKeys), JSON.stringify([...absorbed])) as CandidateContact[];
  if (urls.size > 0) {
    const seen = new Set(rows.map((r) => r.id));
    for (const c of db.prepare(`SELECT ${columns} WHERE status != 'own' AND profile_url != ''`).iterate() as Iterable<CandidateContact>) {
      const url = normaliseProfileUrl(c.profileUrl);
      if (url !== null && urls.has(url) && !seen.has(c.id)) rows.push(c);
    }
  }
  return rows;
}

type RawRow = [number, EvidenceRow['kind'], string, string | null, number, number | null, number, number, number, string | null, number, number, number];

/**
 * Every participant row of the meetings and threads a sender's contacts are in, as the audit reads
 * them, with the sender's contacts standing for the sender. Other participants keep the person the
 * audit gives them, so a meeting's size and a thread's two-wayness are what the audit sees.
 */
export function senderEvidenceRows(db: Db, asOf: string, senderOf: Map<number, string>, absorbed: Set<string> = new Set()): EvidenceRow[] {
  if (senderOf.size === 0) return [];
  const raw = db
    .prepare(
      `WITH mine(id) AS (SELECT value FROM json_each(?1))
       SELECT i.id, i.kind, i.day, i.thread_key, i.connected, i.others_count, i.automated, i.manual,
              c.id, c.person_id, c.status = 'own', p.is_sender, p.declined
         FROM interactions i
         JOIN participants p ON p.interaction_id = i.id
         JOIN contacts c ON c.id = p.contact_id
        WHERE i.day <= ?2
          AND (i.id IN (SELECT interaction_id FROM participants WHERE contact_id IN mine)
            OR i.thread_key IN (SELECT i3.thread_key FROM interactions i3 JOIN participants p3 ON p3.interaction_id = i3.id
                                 WHERE p3.contact_id IN mine AND i3.thread_key IS NOT NULL))`,
    )
    .raw(true)
    .all({ 1: JSON.stringify([...senderOf.keys()]), 2: asOf } as never) as RawRow[];
  const rows: EvidenceRow[] = [];
  for (const r of raw) {
    const stored = r[9] !== null && !absorbed.has(r[9]) ? r[9] : null;
    const personId = senderOf.get(r[8]) ?? stored;
    const isMe = r[10] === 1;
    if (personId === null && !isMe) continue;
    rows.push({
      interactionId: r[0],
      kind: r[1],
      day: r[2],
      threadKey: r[3],
      connected: r[4] === 1,
      othersCount: r[5],
      automated: r[6] === 1,
      manual: r[7] === 1,
      personId,
      isMe,
      isSender: r[11] === 1,
      declined: r[12] === 1,
    });
  }
  return rows;
}
