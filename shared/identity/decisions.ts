// The user's link decisions (confirm / reject) and the identity keys they are filed under.
import { normaliseEmail } from './email';
import { nameKey } from './nameKey';
import { normalisePhone, type CountryCode } from './phone';
import { normaliseProfileUrl } from './profileUrl';

/**
 * "This participant (or connection row) is / is not that person." Filed under the strongest
 * normalised identifier of what was decided on (see `participantKey`), so it applies again to every
 * record carrying that identifier after any re-import.
 */
export interface Decision {
  key: string;
  personId: string;
  verdict: 'confirm' | 'reject';
}

/** Someone named in an interaction record, by whatever the source knows of them. */
export interface ParticipantIdentity {
  name?: string;
  email?: string;
  profileUrl?: string;
  phone?: string;
}

/** A participant's identifiers, normalised; null where absent or unusable. */
export interface NormalisedParticipant {
  email: string | null;
  profileUrl: string | null;
  phone: string | null;
  nameKey: string;
}

export function normaliseParticipant(p: ParticipantIdentity, defaultCountry?: CountryCode): NormalisedParticipant {
  let email = p.email ? normaliseEmail(p.email) : null;
  let name = p.name ?? '';
  // Mail clients put the bare address in the display name; it is an address, not a name.
  if (name.includes('@')) {
    email = email ?? normaliseEmail(name);
    name = '';
  }
  return {
    email,
    profileUrl: p.profileUrl ? normaliseProfileUrl(p.profileUrl) : null,
    phone: p.phone ? normalisePhone(p.phone, defaultCountry) : null,
    nameKey: name === '' ? '' : nameKey(name),
  };
}

/** The decision key of normalised identifiers: the strongest one present, prefixed by its kind. */
export function identityKeyOf(ids: { email?: string | null; profileUrl?: string | null; phone?: string | null; nameKey?: string }): string {
  if (ids.email) return `email:${ids.email}`;
  if (ids.profileUrl) return `url:${ids.profileUrl}`;
  if (ids.phone) return `phone:${ids.phone}`;
  if (ids.nameKey) return `name:${ids.nameKey}`;
  return '';
}

/**
 * The key a decision about this participant is filed under: `email:…`, else `url:…`, else `phone:…`,
 * else `name:…` (all normalised); '' when the participant has nothing usable.
 */
export function participantKey(p: ParticipantIdentity, defaultCountry?: CountryCode): string {
  return identityKeyOf(normaliseParticipant(p, defaultCountry));
}

/** Decisions by key: the confirmed person (the last confirm wins) and the rejected ones. */
export class DecisionBook {
  private readonly confirmed = new Map<string, string>();
  private readonly rejected = new Map<string, Set<string>>();

  constructor(decisions: Iterable<Decision> = []) {
    for (const decision of decisions) this.add(decision);
  }

  add(decision: Decision): void {
    if (decision.key === '') return;
    if (decision.verdict === 'confirm') {
      this.confirmed.set(decision.key, decision.personId);
      this.rejected.get(decision.key)?.delete(decision.personId);
    } else {
      if (this.confirmed.get(decision.key) === decision.personId) this.confirmed.delete(decision.key);
      const set = this.rejected.get(decision.key) ?? new Set<string>();
      set.add(decision.personId);
      this.rejected.set(decision.key, set);
    }
  }

  confirmedFor(key: string): string | undefined {
    return key === '' ? undefined : this.confirmed.get(key);
  }

  rejectedFor(key: string): ReadonlySet<string> {
    return this.rejected.get(key) ?? new Set();
  }
}
