// Weighing the persons a record might be: identifier hits, and name candidates for and against (SPEC §5.1–5.3).
import type { IdentityIndex, IndexedPerson } from './identityIndex';

export type LinkMethod = 'email' | 'url' | 'phone' | 'name' | 'name+domain' | 'decision';

export interface ReviewCandidate {
  personId: string;
  /** Why this person might be the one. */
  reasons: string[];
  /** What speaks against it. */
  against: string[];
}

/** The outcome of weighing candidates, before it is dressed as a participant or connection result. */
export type Verdict =
  | { kind: 'link'; personId: string; method: LinkMethod; evidence: string[] }
  | { kind: 'review'; candidates: ReviewCandidate[] }
  | { kind: 'none' };

/** The identifiers of a record, normalised. */
export interface RecordIdentifiers {
  emails: string[];
  profileUrls: string[];
  phones: string[];
}

type IdentifierKind = 'email' | 'url' | 'phone';

/**
 * Exact identifiers (SPEC §5.1): they link with certainty when they all point at one person; an
 * identifier held by two persons, or identifiers pointing at different persons, go to review.
 * `none` when no identifier is known.
 */
export function weighIdentifiers(index: IdentityIndex, ids: RecordIdentifiers, rejected: ReadonlySet<string>): Verdict {
  const reasons = new Map<string, string[]>();
  const shared: string[] = [];
  let method: LinkMethod | null = null;
  const look = (kind: IdentifierKind, value: string, holders: ReadonlySet<string>) => {
    const ids = [...holders].filter((id) => !rejected.has(id));
    if (ids.length === 0) return;
    method ??= kind;
    const label = kind === 'url' ? 'profile URL' : kind;
    if (ids.length > 1) shared.push(`${label} ${value} is on ${ids.length} persons`);
    for (const id of ids) {
      const list = reasons.get(id) ?? [];
      list.push(`${label} ${value} is on this person`);
      reasons.set(id, list);
    }
  };
  for (const email of ids.emails) look('email', email, index.withEmail(email));
  for (const url of ids.profileUrls) look('url', url, index.withProfileUrl(url));
  for (const phone of ids.phones) look('phone', phone, index.withPhone(phone));
  if (reasons.size === 0 || method === null) return { kind: 'none' };
  if (reasons.size === 1) {
    const [[personId, evidence]] = [...reasons];
    return { kind: 'link', personId, method, evidence };
  }
  const against = shared.length > 0 ? shared : ['the identifiers point at different persons'];
  return {
    kind: 'review',
    candidates: [...reasons].map(([personId, why]) => ({ personId, reasons: why, against })),
  };
}

/** What a record says that can support or contradict a name match. */
export interface NameEvidence {
  /** Company (non-webmail) domains of the record's emails. */
  domains: string[];
  profileUrls: string[];
  /** The record's own company, when it has one (connection rows). */
  company?: string;
  companyKey?: string;
  /** The network of a connection row: a person already connected there is someone else. */
  network?: string;
}

interface Weighed {
  person: IndexedPerson;
  reasons: string[];
  against: string[];
  corroborated: boolean;
}

function weighOne(index: IdentityIndex, person: IndexedPerson, key: string, evidence: NameEvidence): Weighed {
  const reasons = [`name key "${key}" is on this person`];
  const against: string[] = [];
  let corroborated = false;
  for (const domain of evidence.domains) {
    const support = index.domainSupport(person, domain);
    if (support) {
      reasons.push(support);
      corroborated = true;
    } else if (person.companyKey !== '') {
      against.push(`domain ${domain} does not fit company ${person.company}`);
    } else {
      // Nothing can confirm a company address for someone whose company is unknown: a namesake
      // writing from their own employer looks exactly like this, so a person decides.
      against.push(`domain ${domain} cannot be checked: this person's company is unknown`);
    }
  }
  if (evidence.companyKey && person.companyKey !== '') {
    if (evidence.companyKey === person.companyKey) {
      reasons.push(`same company ${person.company}`);
      corroborated = true;
    } else {
      against.push(`company ${evidence.company ?? evidence.companyKey} differs from ${person.company}`);
    }
  }
  for (const url of evidence.profileUrls) {
    if (person.profileUrls.has(url)) continue;
    // Profile URLs name one account each: another URL on the same network is another account.
    const host = url.split('/')[0];
    const other = [...person.profileUrls].find((mine) => mine.split('/')[0] === host);
    if (other) against.push(`profile URL ${url} differs from this person's ${other}`);
  }
  if (evidence.network && person.networks.has(evidence.network)) {
    against.push(`this person already has a connection on ${evidence.network}`);
  }
  return { person, reasons, against, corroborated };
}

/**
 * Name matching (SPEC §5.2–5.3): a name key held by exactly one person links when nothing contradicts
 * it ('name+domain' when a domain or company corroborates it); among several holders, the only one
 * corroborated and not contradicted links; anything else is review. A one-word key never links by
 * itself: it says too little.
 */
export function weighName(index: IdentityIndex, key: string, evidence: NameEvidence, rejected: ReadonlySet<string>): Verdict {
  if (key === '') return { kind: 'none' };
  const holders = [...index.withNameKey(key)].filter((id) => !rejected.has(id));
  if (holders.length === 0) return { kind: 'none' };
  const weighed = holders.map((id) => weighOne(index, index.get(id) as IndexedPerson, key, evidence));
  const review = (): Verdict => ({
    kind: 'review',
    candidates: weighed.map((w) => ({ personId: w.person.id, reasons: w.reasons, against: w.against })),
  });
  const oneWord = !key.includes(' ');
  if (weighed.length === 1) {
    const [only] = weighed;
    if (only.against.length > 0) return review();
    if (only.corroborated) return { kind: 'link', personId: only.person.id, method: 'name+domain', evidence: only.reasons };
    if (oneWord) return review();
    return { kind: 'link', personId: only.person.id, method: 'name', evidence: [...only.reasons, `name key "${key}" is unique`] };
  }
  const fitting = weighed.filter((w) => w.corroborated && w.against.length === 0);
  if (fitting.length === 1) {
    const [one] = fitting;
    return {
      kind: 'link',
      personId: one.person.id,
      method: 'name+domain',
      evidence: [...one.reasons, `${weighed.length} persons share name key "${key}"; only this one is corroborated`],
    };
  }
  return review();
}
