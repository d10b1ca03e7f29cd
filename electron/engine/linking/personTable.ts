// Every person's stored identities as flat lists per kind, read once per relink; person objects only for those asked for.
import type { Db } from '../db/openDatabase';
import { emailDomain } from '../../../shared/identity/email';
import type { PersonIdentity } from '../../../shared/identity/identityIndex';

export const IDENTITY_KINDS = ['email', 'url', 'phone', 'name'] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

/** One kind's values and, at the same index, the position of the person holding each (-1: none). */
export interface KindList {
  values: string[];
  owners: Int32Array;
}

/**
 * The persons (in table order) and their identities. Reading them as two flat lists per kind, and
 * making a person object only for the persons a relink needs, costs a fraction of an object and a
 * few arrays for each of tens of thousands of persons.
 */
export class PersonTable {
  readonly ids: string[] = [];
  private readonly companies: string[] = [];
  readonly position = new Map<string, number>();
  readonly kinds = {} as Record<IdentityKind, KindList>;
  private byPerson: Record<IdentityKind, { starts: Int32Array; items: Int32Array }> | null = null;

  constructor(db: Db) {
    for (const [id, company] of db.prepare(`SELECT id, company FROM persons`).raw().all() as [string, string][]) {
      this.position.set(id, this.ids.length);
      this.ids.push(id);
      this.companies.push(company);
    }
    // Primary-key order: a person's values of one kind come in value order, as they always did.
    const values = db.prepare(`SELECT value FROM identities WHERE kind = ? ORDER BY value, person_id`).pluck();
    const owners = db.prepare(`SELECT person_id FROM identities WHERE kind = ? ORDER BY value, person_id`).pluck();
    for (const kind of IDENTITY_KINDS) {
      const kindValues = values.all(kind) as string[];
      const kindOwners = owners.all(kind) as string[];
      const at = new Int32Array(kindValues.length);
      for (let i = 0; i < kindValues.length; i++) at[i] = this.position.get(kindOwners[i]) ?? -1;
      this.kinds[kind] = { values: kindValues, owners: at };
    }
  }

  /**
   * The person at position `at` as `identities` makes it, for callers that need persons one by one
   * (the linking of contacts as an import creates them).
   */
  person(at: number): PersonIdentity {
    this.byPerson ??= this.listByPerson();
    const person: PersonIdentity = { id: this.ids[at], emails: [], profileUrls: [], phones: [], nameKeys: [], company: this.companies[at], domains: [] };
    for (const kind of IDENTITY_KINDS) {
      const { values } = this.kinds[kind];
      const { starts, items } = this.byPerson[kind];
      for (let j = starts[at]; j < starts[at + 1]; j++) addIdentity(person, kind, values[items[j]]);
    }
    return person;
  }

  /** Each kind's values by person (the indices of a person's values, in value order): one pass over each list. */
  private listByPerson(): Record<IdentityKind, { starts: Int32Array; items: Int32Array }> {
    const out = {} as Record<IdentityKind, { starts: Int32Array; items: Int32Array }>;
    for (const kind of IDENTITY_KINDS) {
      const { owners } = this.kinds[kind];
      const starts = new Int32Array(this.ids.length + 1);
      for (let i = 0; i < owners.length; i++) if (owners[i] >= 0) starts[owners[i] + 1] += 1;
      for (let at = 0; at < this.ids.length; at++) starts[at + 1] += starts[at];
      const next = starts.slice(0, this.ids.length);
      const items = new Int32Array(starts[this.ids.length]);
      for (let i = 0; i < owners.length; i++) if (owners[i] >= 0) items[next[owners[i]]++] = i;
      out[kind] = { starts, items };
    }
    return out;
  }

  /** The persons at the positions `keep` accepts (all by default), in table order, as `PersonIdentity`. */
  identities(keep: (at: number) => boolean = () => true): PersonIdentity[] {
    const made: (PersonIdentity | undefined)[] = new Array(this.ids.length);
    const out: PersonIdentity[] = [];
    this.ids.forEach((id, at) => {
      if (!keep(at)) return;
      const person: PersonIdentity = { id, emails: [], profileUrls: [], phones: [], nameKeys: [], company: this.companies[at], domains: [] };
      made[at] = person;
      out.push(person);
    });
    for (const kind of IDENTITY_KINDS) {
      const { values, owners } = this.kinds[kind];
      for (let i = 0; i < values.length; i++) {
        const p = owners[i] < 0 ? undefined : made[owners[i]];
        if (!p) continue;
        addIdentity(p, kind, values[i]);
      }
    }
    return out;
  }
}

/** Files one stored identity under its person (an e-mail's domain too, for the matcher's company rule). */
export function addIdentity(p: PersonIdentity, kind: string, value: string): void {
  if (kind === 'email') {
    p.emails.push(value);
    const domain = emailDomain(value);
    if (domain) p.domains!.push(domain);
  } else if (kind === 'url') p.profileUrls.push(value);
  else if (kind === 'phone') p.phones.push(value);
  else p.nameKeys.push(value);
}
