// An in-memory index of persons by identifier and name key, for merging connection rows into persons.
import type { Db } from '../db/openDatabase';
import type { NormalisedIdentities } from './identityKeys';

type Kind = 'email' | 'url' | 'phone' | 'name';

export interface PersonMatch {
  personId: string;
  how: string;
}

export class PersonIndex {
  private readonly byKey = new Map<string, Set<string>>();
  /** person → networks on which it already has a connection: two same-named rows of one network are two people. */
  private readonly networks = new Map<string, Set<string>>();
  private readonly urlsOf = new Map<string, Set<string>>();

  static load(db: Db): PersonIndex {
    const index = new PersonIndex();
    for (const row of db.prepare(`SELECT person_id AS personId, kind, value FROM identities`).iterate() as Iterable<{ personId: string; kind: Kind; value: string }>) {
      index.addKey(row.kind, row.value, row.personId);
    }
    for (const row of db.prepare(`SELECT DISTINCT person_id AS personId, network FROM connections`).iterate() as Iterable<{ personId: string; network: string }>) {
      index.addNetwork(row.personId, row.network);
    }
    return index;
  }

  addKey(kind: Kind, value: string, personId: string): void {
    const k = `${kind}:${value}`;
    let set = this.byKey.get(k);
    if (!set) this.byKey.set(k, (set = new Set()));
    set.add(personId);
    if (kind === 'url') {
      let urls = this.urlsOf.get(personId);
      if (!urls) this.urlsOf.set(personId, (urls = new Set()));
      urls.add(value);
    }
  }

  addNetwork(personId: string, network: string): void {
    let set = this.networks.get(personId);
    if (!set) this.networks.set(personId, (set = new Set()));
    set.add(network);
  }

  add(personId: string, ids: NormalisedIdentities, network: string): void {
    for (const e of ids.emails) this.addKey('email', e, personId);
    for (const u of ids.urls) this.addKey('url', u, personId);
    for (const p of ids.phones) this.addKey('phone', p, personId);
    if (ids.nameKey) this.addKey('name', ids.nameKey, personId);
    this.addNetwork(personId, network);
  }

  private owners(kind: Kind, value: string): Set<string> | undefined {
    return this.byKey.get(`${kind}:${value}`);
  }

  /**
   * SPEC §5 for connection rows: an exact identifier held by exactly one person merges; a name key
   * merges only across networks, only when unique, and only when no identifier of the row says otherwise.
   */
  find(ids: NormalisedIdentities, network: string): PersonMatch | null {
    const exact = new Set<string>();
    const exactHow: string[] = [];
    for (const [kind, values] of [['url', ids.urls], ['email', ids.emails], ['phone', ids.phones]] as const) {
      for (const v of values) {
        const owners = this.owners(kind, v);
        if (owners?.size === 1) {
          const [only] = owners;
          exact.add(only);
          exactHow.push(`${kind} ${v}`);
        }
      }
    }
    if (exact.size === 1) {
      const [personId] = exact;
      return { personId, how: `same ${exactHow.join(', ')}` };
    }
    if (exact.size > 1 || !ids.nameKey) return null;
    const namesakes = this.owners('name', ids.nameKey);
    if (!namesakes || namesakes.size !== 1) return null;
    const [candidate] = namesakes;
    if (this.networks.get(candidate)?.has(network)) return null;
    if (this.contradicts(candidate, ids)) return null;
    return { personId: candidate, how: `unique name "${ids.nameKey}"` };
  }

  /** A row whose profile URL differs from the candidate's URL on the same site is someone else. */
  private contradicts(personId: string, ids: NormalisedIdentities): boolean {
    const known = this.urlsOf.get(personId);
    if (!known) return false;
    for (const u of ids.urls) {
      const site = u.split('/')[0];
      for (const k of known) if (k !== u && k.split('/')[0] === site) return true;
    }
    return false;
  }
}
