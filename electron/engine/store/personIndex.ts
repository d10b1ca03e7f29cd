// Finds the person a connection row belongs to (SPEC §5 for connection rows), asking SQLite's indexes
// rather than holding every identity in memory: a million-row import stays within a flat footprint.
import type { Db } from '../db/openDatabase';
import type { NormalisedIdentities } from './identityKeys';

export interface PersonMatch {
  personId: string;
  how: string;
  /** Matched by a unique name key alone (no identifier): the caller must know the name is unique in its file too. */
  byName: boolean;
}

export class PersonIndex {
  private readonly stmt;

  constructor(db: Db) {
    this.stmt = {
      nameOwners: db.prepare(`SELECT person_id FROM identities WHERE kind = 'name' AND value = ? LIMIT 3`).pluck(),
      owners: db.prepare(`SELECT person_id FROM identities WHERE kind = ? AND value = ? LIMIT 2`).pluck(),
      onNetwork: db.prepare(`SELECT 1 FROM connections WHERE person_id = ? AND network = ? LIMIT 1`).pluck(),
      urls: db.prepare(`SELECT value FROM identities WHERE person_id = ? AND kind = 'url'`).pluck(),
    };
  }

  private owners(kind: 'email' | 'url' | 'phone' | 'name', value: string): string[] {
    return this.stmt.owners.all(kind, value) as string[];
  }

  /**
   * An exact identifier held by exactly one person merges; a name key merges only across networks,
   * only when unique, and only when no identifier of the row says otherwise.
   */
  find(ids: NormalisedIdentities, network: string): PersonMatch | null {
    const exact = new Set<string>();
    const how: string[] = [];
    for (const [kind, values] of [['url', ids.urls], ['email', ids.emails], ['phone', ids.phones]] as const) {
      for (const v of values) {
        const owners = this.owners(kind, v);
        if (owners.length === 1) {
          exact.add(owners[0]);
          how.push(`${kind} ${v}`);
        }
      }
    }
    if (exact.size === 1) return { personId: [...exact][0], how: `same ${how.join(', ')}`, byName: false };
    if (exact.size > 1 || !ids.nameKey) return null;
    const namesakes = this.owners('name', ids.nameKey);
    if (namesakes.length !== 1) return null;
    const [candidate] = namesakes;
    if (this.stmt.onNetwork.get(candidate, network)) return null;
    if (this.contradicts(candidate, ids)) return null;
    return { personId: candidate, how: `unique name "${ids.nameKey}"`, byName: true };
  }

  /** The persons holding a name key (at most three: callers ask whether it is one or two). */
  nameOwners(nameKey: string): string[] {
    return this.stmt.nameOwners.all(nameKey) as string[];
  }

  /** Whether the person has a connection on the network. */
  isOnNetwork(personId: string, network: string): boolean {
    return this.stmt.onNetwork.get(personId, network) !== undefined;
  }

  /** A row whose profile URL differs from the candidate's URL on the same site is someone else. */
  private contradicts(personId: string, ids: NormalisedIdentities): boolean {
    if (ids.urls.length === 0) return false;
    const known = this.stmt.urls.all(personId) as string[];
    return ids.urls.some((u) => known.some((k) => k !== u && k.split('/')[0] === u.split('/')[0]));
  }
}
