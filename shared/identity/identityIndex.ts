// The blocking index behind linking: persons by normalised identifier, by name key and by company, plus my own identities.
import type { ConnectionRecord, OwnIdentity } from '../domain/records';
import { companyKey, domainFitsCompany } from './company';
import { emailDomain, isWebmailDomain, normaliseEmail } from './email';
import { nameKey, nameKeyFromParts } from './nameKey';
import { normalisePhone, type CountryCode } from './phone';
import { normaliseProfileUrl } from './profileUrl';

/** What the engine knows of one person, identifiers already normalised (they are normalised again, harmlessly). */
export interface PersonIdentity {
  id: string;
  emails: string[];
  profileUrls: string[];
  phones: string[];
  /** Name keys from `nameKey` / `nameKeyFromParts`, used as they are. */
  nameKeys: string[];
  company: string;
  /** Domains seen on this person's own emails. */
  domains?: string[];
  /** Networks this person already has a connection on: a second row of the same network is someone else. */
  networks?: string[];
}

/** My identities. `nameKeys` may hold raw names or keys: both go through `nameKey`. */
export interface OwnIdentities {
  emails: string[];
  profileUrls: string[];
  phones: string[];
  nameKeys: string[];
}

/** The normalised identities of one connection row or participant, ready for the index. */
export interface NormalisedIdentity {
  emails: string[];
  profileUrls: string[];
  phones: string[];
  nameKeys: string[];
  company: string;
  /** Non-webmail domains of `emails`. */
  domains: string[];
}

export interface NormaliseOptions {
  /** Country for phone numbers written without a country code. */
  defaultCountry?: CountryCode;
}

export interface IndexedPerson {
  id: string;
  emails: Set<string>;
  profileUrls: Set<string>;
  phones: Set<string>;
  nameKeys: Set<string>;
  company: string;
  companyKey: string;
  domains: Set<string>;
  networks: Set<string>;
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null && v !== ''))];
}

/** Non-webmail domains of the given (normalised) addresses. */
export function companyDomainsOf(emails: Iterable<string>): string[] {
  const domains: string[] = [];
  for (const email of emails) {
    const domain = emailDomain(email);
    if (domain && !isWebmailDomain(domain) && !domains.includes(domain)) domains.push(domain);
  }
  return domains;
}

/**
 * Normalise a connection row's identities. The name key comes from the first/last fields when the
 * source splits the name (so a headline in Last Name is ignored, see `nameKeyFromParts`), else from
 * the full name.
 */
export function personIdentityFromRecord(record: ConnectionRecord, options: NormaliseOptions = {}): NormalisedIdentity {
  const emails = unique(record.emails.map(normaliseEmail));
  const split = record.firstName.trim() !== '' || record.lastName.trim() !== '';
  const key = split ? nameKeyFromParts(record.firstName, record.lastName) : '';
  return {
    emails,
    profileUrls: unique(record.profileUrls.map(normaliseProfileUrl)),
    phones: unique(record.phones.map((phone) => normalisePhone(phone, options.defaultCountry))),
    nameKeys: unique([key !== '' ? key : nameKey(record.fullName)]),
    company: record.company.trim(),
    domains: companyDomainsOf(emails),
  };
}

/** My identities from the settings' list (`OwnIdentity` of records.ts), normalised. */
export function ownIdentitiesFrom(list: OwnIdentity[], options: NormaliseOptions = {}): OwnIdentities {
  const pick = (kind: OwnIdentity['kind']) => list.filter((item) => item.kind === kind).map((item) => item.value);
  return {
    emails: unique(pick('email').map(normaliseEmail)),
    profileUrls: unique(pick('url').map(normaliseProfileUrl)),
    phones: unique(pick('phone').map((phone) => normalisePhone(phone, options.defaultCountry))),
    nameKeys: unique(pick('name').map(nameKey)),
  };
}

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  const ids = map.get(key);
  if (ids) ids.add(id);
  else map.set(key, new Set([id]));
}

const NONE: ReadonlySet<string> = new Set();
const E164_RE = /^\+[1-9]\d{6,14}$/;

/**
 * The key under which `IdentityIndex` files a person's identifier (null or '': not filed), for
 * callers that ask "is anyone filed under this?" of many records before building an index.
 */
export const indexedKeyOf = {
  email: (raw: string): string | null => normaliseEmail(raw),
  url: (raw: string): string | null => normaliseProfileUrl(raw),
  // Stored phones are already E.164; parsing them again is the slowest step of building the index.
  phone: (raw: string): string | null => (E164_RE.test(raw) ? raw : normalisePhone(raw)),
};

/**
 * Persons by identifier, name key and company, so that a lookup costs one map access whatever the
 * number of persons. My own identifiers are kept apart and never indexed as anyone's.
 */
export class IdentityIndex {
  readonly own: { emails: Set<string>; profileUrls: Set<string>; phones: Set<string>; nameKeys: Set<string> };
  private readonly persons = new Map<string, IndexedPerson>();
  private readonly byEmail = new Map<string, Set<string>>();
  private readonly byUrl = new Map<string, Set<string>>();
  private readonly byPhone = new Map<string, Set<string>>();
  private readonly byName = new Map<string, Set<string>>();
  // companyKey → domains seen on the emails of persons at that company ("a domain already seen on
  // other people of that company", SPEC §5.3).
  private readonly domainsByCompany = new Map<string, Set<string>>();
  // domainFitsCompany folds the company name each time; namesakes at one company ask the same question.
  private readonly fitCache = new Map<string, boolean>();
  // Thousands of persons share a few hundred company names.
  private readonly companyKeys = new Map<string, string>();
  /** Places given with `add`: persons added out of that order are still listed in it. */
  private readonly places = new Map<string, number>();

  constructor(persons: Iterable<PersonIdentity> = [], own?: OwnIdentities) {
    this.own = {
      emails: new Set(unique((own?.emails ?? []).map(normaliseEmail))),
      profileUrls: new Set(unique((own?.profileUrls ?? []).map(normaliseProfileUrl))),
      phones: new Set(unique((own?.phones ?? []).map((phone) => normalisePhone(phone)))),
      nameKeys: new Set(unique((own?.nameKeys ?? []).map(nameKey))),
    };
    for (const person of persons) this.add(person);
  }

  /**
   * Add a person, or extend the one with the same id with more identities. Persons sharing an
   * identifier are listed in the order they were added, which orders review candidates; a caller
   * adding persons as it comes to need them passes each one's `place` in the full list, and they
   * are listed in that order, as an index built from that list in one go would list them.
   */
  add(person: PersonIdentity, place?: number): void {
    if (place !== undefined) this.places.set(person.id, place);
    let entry = this.persons.get(person.id);
    if (!entry) {
      entry = {
        id: person.id,
        emails: new Set(),
        profileUrls: new Set(),
        phones: new Set(),
        nameKeys: new Set(),
        company: '',
        companyKey: '',
        domains: new Set(),
        networks: new Set(),
      };
      this.persons.set(person.id, entry);
    }
    if (person.company.trim() !== '' && entry.company === '') {
      entry.company = person.company.trim();
      entry.companyKey = this.companyKeys.get(entry.company) ?? companyKey(entry.company);
      this.companyKeys.set(entry.company, entry.companyKey);
    }
    for (const raw of person.emails) {
      const email = indexedKeyOf.email(raw);
      if (!email || this.own.emails.has(email)) continue;
      entry.emails.add(email);
      this.file(this.byEmail, email, entry.id, place);
    }
    for (const raw of person.profileUrls) {
      const url = indexedKeyOf.url(raw);
      if (!url || this.own.profileUrls.has(url)) continue;
      entry.profileUrls.add(url);
      this.file(this.byUrl, url, entry.id, place);
    }
    for (const raw of person.phones) {
      const phone = indexedKeyOf.phone(raw);
      if (!phone || this.own.phones.has(phone)) continue;
      entry.phones.add(phone);
      this.file(this.byPhone, phone, entry.id, place);
    }
    for (const key of person.nameKeys) {
      if (key === '') continue;
      entry.nameKeys.add(key);
      this.file(this.byName, key, entry.id, place);
    }
    for (const domain of [...(person.domains ?? []), ...companyDomainsOf(entry.emails)]) {
      if (isWebmailDomain(domain)) continue;
      entry.domains.add(domain.toLowerCase());
    }
    for (const network of person.networks ?? []) entry.networks.add(network);
    if (entry.companyKey !== '') {
      for (const domain of entry.domains) addTo(this.domainsByCompany, entry.companyKey, domain);
    }
  }

  /**
   * What `add` files of a person under its company (the domains of its addresses: "a domain already
   * seen on other people of that company"), without adding the person: for a caller that adds persons
   * only as it comes to need them, but must know every company's domains from the start.
   */
  addCompanyDomains(person: PersonIdentity): void {
    const company = person.company.trim();
    if (company === '') return;
    const key = this.companyKeys.get(company) ?? companyKey(company);
    this.companyKeys.set(company, key);
    if (key === '') return;
    const emails: string[] = [];
    for (const raw of person.emails) {
      const email = indexedKeyOf.email(raw);
      if (email && !this.own.emails.has(email)) emails.push(email);
    }
    for (const domain of [...(person.domains ?? []), ...companyDomainsOf(emails)]) {
      if (!isWebmailDomain(domain)) addTo(this.domainsByCompany, key, domain.toLowerCase());
    }
  }

  /** `addTo`, keeping the holders in the order of their places when the person has one. */
  private file(map: Map<string, Set<string>>, key: string, id: string, place: number | undefined): void {
    if (place === undefined) {
      addTo(map, key, id);
      return;
    }
    const ids = map.get(key);
    if (!ids) {
      map.set(key, new Set([id]));
      return;
    }
    if (ids.has(id)) return;
    ids.add(id);
    let inOrder = true;
    for (const other of ids) if (other !== id && (this.places.get(other) ?? -1) > place) inOrder = false;
    if (inOrder) return;
    const placeOf = (other: string) => this.places.get(other) ?? -1;
    map.set(key, new Set([...ids].sort((a, b) => placeOf(a) - placeOf(b))));
  }

  get(id: string): IndexedPerson | undefined {
    return this.persons.get(id);
  }

  get size(): number {
    return this.persons.size;
  }

  withEmail(email: string): ReadonlySet<string> {
    return this.byEmail.get(email) ?? NONE;
  }

  withProfileUrl(url: string): ReadonlySet<string> {
    return this.byUrl.get(url) ?? NONE;
  }

  withPhone(phone: string): ReadonlySet<string> {
    return this.byPhone.get(phone) ?? NONE;
  }

  withNameKey(key: string): ReadonlySet<string> {
    return this.byName.get(key) ?? NONE;
  }

  private fits(domain: string, company: string): boolean {
    const key = `${domain}\u0000${company}`;
    let fit = this.fitCache.get(key);
    if (fit === undefined) {
      fit = domainFitsCompany(domain, company);
      if (this.fitCache.size > 100_000) this.fitCache.clear();
      this.fitCache.set(key, fit);
    }
    return fit;
  }

  /** Why a company domain corroborates this person, or null when it does not. */
  domainSupport(person: IndexedPerson, domain: string): string | null {
    if (person.company !== '' && this.fits(domain, person.company)) {
      return `domain ${domain} fits company ${person.company}`;
    }
    if (person.domains.has(domain)) return `domain ${domain} is on this person's other emails`;
    if (person.companyKey !== '' && this.domainsByCompany.get(person.companyKey)?.has(domain)) {
      return `domain ${domain} is used by other people at ${person.company}`;
    }
    return null;
  }
}
