// Which persons' identifiers a contact could meet, without building the matcher: the keys every person is filed under.
import { normaliseEmail } from '../../../shared/identity/email';
import { identityKeyOf, type NormalisedParticipant } from '../../../shared/identity/decisions';
import { IdentityIndex, indexedKeyOf, type OwnIdentities, type PersonIdentity } from '../../../shared/identity/identityIndex';
import type { PersonTable } from './personTable';
import { normalisePhone } from '../../../shared/identity/phone';
import { normaliseProfileUrl } from '../../../shared/identity/profileUrl';

/** A contact's identifiers normalised as `normaliseParticipant` does, its name key left to compute. */
export interface ContactIds {
  email: string | null;
  profileUrl: string | null;
  phone: string | null;
}

/**
 * Plain lower-case addresses, which `normaliseEmail` returns as they are: no space, bracket, quote,
 * `mailto:` or capital to remove, one `@`, a well-formed ASCII domain, and not a Gmail spelling it
 * would shorten. Stored contacts' addresses are nearly all of this shape (they were normalised on
 * the way in), so most skip the normaliser.
 */
const PLAIN_EMAIL = /^[a-z0-9_-][a-z0-9_.-]*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;

/** `normaliseEmail`, answered directly for plain addresses (the test compares the two). */
export function storedEmail(email: string): string | null {
  if (PLAIN_EMAIL.test(email) && !email.endsWith('@googlemail.com') && !(email.endsWith('@gmail.com') && email.indexOf('.') < email.indexOf('@'))) {
    return email;
  }
  return normaliseEmail(email);
}

/** A stored contact's identifiers as the matcher would normalise them. */
export function contactIds(email: string, profileUrl: string, phone: string): ContactIds {
  return {
    email: email ? storedEmail(email) : null,
    profileUrl: profileUrl ? normaliseProfileUrl(profileUrl) : null,
    phone: phone ? normalisePhone(phone) : null,
  };
}

/** Positions (in the person list) of the persons filed under each key: one number, or several (none: only yours). */
type Holders = Map<string, number | number[]>;

function file(map: Holders, key: string | null, at: number): void {
  if (!key) return;
  const known = map.get(key);
  if (known === undefined) map.set(key, at);
  else if (typeof known === 'number') {
    if (known !== at) map.set(key, [known, at]);
  } else if (known[known.length - 1] !== at) known.push(at);
}

/**
 * The keys `IdentityIndex` would file the persons under (and your own identifiers), as plain maps:
 * enough to tell which contacts the matcher is sure to answer 'none' for, and which persons the
 * others could meet, at a fraction of the index's cost.
 */
export class FiledKeys {
  readonly own: IdentityIndex['own'];
  private readonly emails: Holders = new Map();
  private readonly urls: Holders = new Map();
  private readonly phones: Holders = new Map();
  private readonly names: Holders = new Map();

  constructor(
    readonly table: PersonTable,
    own: OwnIdentities,
  ) {
    this.own = new IdentityIndex([], own).own;
    const fileAll = (map: Holders, kind: keyof PersonTable['kinds'], keyOf: (raw: string) => string | null) => {
      const { values, owners } = table.kinds[kind];
      for (let i = 0; i < values.length; i++) if (owners[i] >= 0) file(map, keyOf(values[i]), owners[i]);
    };
    fileAll(this.emails, 'email', indexedKeyOf.email);
    fileAll(this.urls, 'url', indexedKeyOf.url);
    fileAll(this.phones, 'phone', indexedKeyOf.phone);
    fileAll(this.names, 'name', (key) => key);
    // Your identifiers are filed too, under no person: one look-up per identifier asks "yours or anyone's?".
    const fileOwn = (map: Holders, keys: Set<string>) => {
      for (const key of keys) if (!map.has(key)) map.set(key, []);
    };
    fileOwn(this.emails, this.own.emails);
    fileOwn(this.urls, this.own.profileUrls);
    fileOwn(this.phones, this.own.phones);
    fileOwn(this.names, this.own.nameKeys);
  }

  /**
   * False when `matcher.match` is sure to answer 'none' for a contact: the lookups it makes (your
   * identities, a decision filed under the contact's key, persons holding its email, profile URL,
   * phone or name key) all come back empty. Done with the contact's stored name key, so the hundreds
   * of thousands of one-off senders of a mail archive are never name-keyed a second time (keying
   * names is most of matching's time and garbage). Only for contacts an import created: their
   * stored key is `nameKey` of their stored name, by this very code. A name holding an address goes
   * to the matcher, which reads the address out of it. Guarded by the test "the shortcut agrees with
   * the matcher".
   */
  mayMatch(name: string, storedKey: string, ids: ContactIds, decisionKeys: ReadonlySet<string>): boolean {
    if (name.includes('@')) return true;
    const { email, profileUrl, phone } = ids;
    return (
      (email !== null && this.emails.has(email)) ||
      (profileUrl !== null && this.urls.has(profileUrl)) ||
      (phone !== null && this.phones.has(phone)) ||
      (storedKey !== '' && this.names.has(storedKey)) ||
      (decisionKeys.size > 0 && decisionKeys.has(identityKeyOf({ email, profileUrl, phone, nameKey: storedKey })))
    );
  }

  /**
   * The persons, in their order, that the matcher may look at for these contacts: those filed
   * under one of their identifiers, those a decision names, and everyone with an address (their
   * domains vouch for colleagues at the same company). An index of these answers every one of the
   * contacts exactly as an index of all persons would.
   */
  near(contacts: Iterable<NormalisedParticipant>, decidedPersons: Iterable<string>): PersonIdentity[] {
    const wanted = this.alwaysNear(decidedPersons);
    for (const ids of contacts) this.filedUnder(ids, (at) => (wanted[at] = 1));
    return this.table.identities((at) => wanted[at] === 1);
  }

  /** The positions `near` takes whatever the contacts: everyone with an address, and the persons a decision names. */
  alwaysNear(decidedPersons: Iterable<string>): Uint8Array {
    const wanted = new Uint8Array(this.table.ids.length);
    for (const at of this.table.kinds.email.owners) if (at >= 0) wanted[at] = 1;
    for (const id of decidedPersons) {
      const at = this.table.position.get(id);
      if (at !== undefined) wanted[at] = 1;
    }
    return wanted;
  }

  /** Calls `visit` with the position of each person filed under one of the contact's identifiers (some twice). */
  filedUnder(ids: NormalisedParticipant, visit: (at: number) => void): void {
    const mark = (map: Holders, key: string | null) => {
      const at = key ? map.get(key) : undefined;
      if (typeof at === 'number') visit(at);
      else if (at) for (const i of at) visit(i);
    };
    mark(this.emails, ids.email);
    mark(this.urls, ids.profileUrl);
    mark(this.phones, ids.phone);
    mark(this.names, ids.nameKey);
  }
}
