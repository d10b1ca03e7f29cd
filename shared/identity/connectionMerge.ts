// Merging connection rows from several networks into persons, by the same rules as participant linking.
import { weighIdentifiers, weighName, type LinkMethod, type ReviewCandidate } from './candidates';
import { companyKey } from './company';
import { DecisionBook, identityKeyOf, type Decision } from './decisions';
import { IdentityIndex, type NormalisedIdentity, type OwnIdentities, type PersonIdentity } from './identityIndex';

/** One connection row's normalised identities (`personIdentityFromRecord`) and the network it came from. */
export interface ConnectionIdentity extends NormalisedIdentity {
  network?: string;
}

export type ConnectionMatch =
  /** The row belongs to this existing person. */
  | { kind: 'existing'; personId: string; method: LinkMethod; evidence: string[] }
  /** The row is a new person; `review` lists the persons it might be after all. */
  | { kind: 'new'; review?: ReviewCandidate[] }
  /** The row is me (I am in my own address book): not a person. */
  | { kind: 'own' };

/** The decision key of a connection row: its strongest identifier (see `participantKey`). */
export function connectionKey(conn: NormalisedIdentity): string {
  return identityKeyOf({
    email: conn.emails[0],
    profileUrl: conn.profileUrls[0],
    phone: conn.phones[0],
    nameKey: conn.nameKeys[0],
  });
}

/**
 * Decide whether a connection row is an existing person. An exact identifier held by one person
 * merges; a name key merges when unambiguous and not contradicted (another company, a company
 * domain that does not fit, another profile on the same network, or a person already connected on
 * the row's network — two rows of one export are two people). Anything else makes a new person,
 * with a review item when someone else might be the same human.
 */
export function matchConnection(index: IdentityIndex, conn: ConnectionIdentity, decisions: DecisionBook = new DecisionBook()): ConnectionMatch {
  const own = index.own;
  if (conn.emails.some((e) => own.emails.has(e)) || conn.profileUrls.some((u) => own.profileUrls.has(u)) || conn.phones.some((p) => own.phones.has(p))) {
    return { kind: 'own' };
  }
  const hasIdentifier = conn.emails.length + conn.profileUrls.length + conn.phones.length > 0;
  if (!hasIdentifier && conn.nameKeys.some((key) => own.nameKeys.has(key))) return { kind: 'own' };

  const key = connectionKey(conn);
  const confirmed = decisions.confirmedFor(key);
  if (confirmed !== undefined && index.get(confirmed)) {
    return { kind: 'existing', personId: confirmed, method: 'decision', evidence: [`you confirmed that ${key} is this person`] };
  }
  const rejected = decisions.rejectedFor(key);

  const exact = weighIdentifiers(index, conn, rejected);
  if (exact.kind === 'link') return { kind: 'existing', personId: exact.personId, method: exact.method, evidence: exact.evidence };
  if (exact.kind === 'review') return { kind: 'new', review: exact.candidates };

  const evidence = {
    domains: conn.domains,
    profileUrls: conn.profileUrls,
    company: conn.company,
    companyKey: conn.company === '' ? '' : companyKey(conn.company),
    network: conn.network,
  };
  const review: ReviewCandidate[] = [];
  for (const nameKey of conn.nameKeys) {
    if (own.nameKeys.has(nameKey)) continue;
    const verdict = weighName(index, nameKey, evidence, rejected);
    if (verdict.kind === 'link') return { kind: 'existing', personId: verdict.personId, method: verdict.method, evidence: verdict.evidence };
    if (verdict.kind === 'review') review.push(...verdict.candidates.filter((c) => !review.some((r) => r.personId === c.personId)));
  }
  return review.length > 0 ? { kind: 'new', review } : { kind: 'new' };
}

export interface MergeOptions {
  own?: OwnIdentities;
  decisions?: Decision[];
  /** The id for a new person made from row `row` (0-based index into `rows`). */
  newPersonId: (row: number) => string;
}

export interface RowAssignment {
  row: number;
  /** null for a row that is me. */
  personId: string | null;
  isNew: boolean;
  method?: LinkMethod;
  evidence: string[];
  /** Persons the row might be after all (only for new persons). */
  review?: ReviewCandidate[];
}

/**
 * Assign each row to an existing person or a new one, in order, so that a later row can merge into
 * a person an earlier row made (LinkedIn then Google contacts in one batch). Pure: returns the
 * assignments and leaves `existing` untouched.
 */
export function mergeConnections(rows: ConnectionIdentity[], existing: PersonIdentity[], options: MergeOptions): RowAssignment[] {
  const index = new IdentityIndex(existing, options.own);
  const decisions = new DecisionBook(options.decisions ?? []);
  return rows.map((conn, row) => {
    const result = matchConnection(index, conn, decisions);
    if (result.kind === 'own') return { row, personId: null, isNew: false, evidence: ['this is one of your identities'] };
    const personId = result.kind === 'existing' ? result.personId : options.newPersonId(row);
    index.add({ id: personId, ...conn, networks: conn.network ? [conn.network] : [] });
    if (result.kind === 'existing') return { row, personId, isNew: false, method: result.method, evidence: result.evidence };
    return result.review ? { row, personId, isNew: true, evidence: [], review: result.review } : { row, personId, isNew: true, evidence: [] };
  });
}
