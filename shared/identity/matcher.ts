// The linking engine for interaction participants: own identities, decisions, exact identifiers, then names.
import { weighIdentifiers, weighName, type LinkMethod, type ReviewCandidate, type Verdict } from './candidates';
import { DecisionBook, identityKeyOf, normaliseParticipant, type Decision, type NormalisedParticipant, type ParticipantIdentity } from './decisions';
import { emailDomain, isWebmailDomain } from './email';
import { IdentityIndex, type OwnIdentities, type PersonIdentity } from './identityIndex';
import type { CountryCode } from './phone';

export type { Decision, LinkMethod, NormalisedParticipant, OwnIdentities, ParticipantIdentity, PersonIdentity, ReviewCandidate };
// The helpers a caller of the matcher needs, so that `matcher` alone is enough to import.
export { participantKey } from './decisions';
export { ownIdentitiesFrom, personIdentityFromRecord } from './identityIndex';

export type MatchResult =
  /** evidence: human-readable reasons, e.g. 'email bill@contoso.com is on this person'. */
  | { kind: 'linked'; personId: string; method: LinkMethod; evidence: string[] }
  | { kind: 'review'; candidates: ReviewCandidate[] }
  /** The participant is one of my identities: never a person. */
  | { kind: 'own' }
  | { kind: 'none' };

export interface Matcher {
  match(p: ParticipantIdentity): MatchResult;
  /**
   * `match` for identifiers already normalised the way `normaliseParticipant` does (same answer):
   * for callers that have them at hand, such as the relink of stored contacts.
   */
  matchNormalised(ids: NormalisedParticipant): MatchResult;
  /** The index the matcher reads, for callers that want to look persons up themselves. */
  readonly index: IdentityIndex;
}

export interface MatcherOptions {
  /** Country for participant phone numbers written without a country code (call logs). */
  defaultCountry?: CountryCode;
}

function toResult(verdict: Verdict): MatchResult {
  if (verdict.kind === 'link') {
    return { kind: 'linked', personId: verdict.personId, method: verdict.method, evidence: verdict.evidence };
  }
  return verdict;
}

/**
 * Build a matcher over the persons. Order of precedence:
 * 1. an identifier (email, profile URL, phone) of mine → own; my name with no identifier → own;
 * 2. a decision filed under the participant's key (`participantKey`): confirm links ('decision'),
 *    reject removes that person from every later step;
 * 3. exact identifiers link with certainty, unless held by several persons (review);
 * 4. my name with identifiers that matched nobody → own (most likely an address of mine not yet listed);
 * 5. the name key, weighed against the email's company domain and profile URL (`weighName`).
 * Each lookup is a map access, so matching costs grow with records, not records × persons.
 */
export function buildMatcher(
  persons: PersonIdentity[],
  own: OwnIdentities,
  decisions: Decision[] = [],
  options: MatcherOptions = {},
): Matcher {
  const index = new IdentityIndex(persons, own);
  const book = new DecisionBook(decisions);
  // Real archives repeat the same few thousand names; keying each once saves most of the work.
  const keyCache = new Map<string, ReturnType<typeof normaliseParticipant>>();

  const normalise = (p: ParticipantIdentity) => {
    const cacheKey = `${p.name ?? ''}\u0000${p.email ?? ''}\u0000${p.profileUrl ?? ''}\u0000${p.phone ?? ''}`;
    let ids = keyCache.get(cacheKey);
    if (!ids) {
      ids = normaliseParticipant(p, options.defaultCountry);
      if (keyCache.size > 200_000) keyCache.clear();
      keyCache.set(cacheKey, ids);
    }
    return ids;
  };

  const matchNormalised = (ids: NormalisedParticipant): MatchResult => {
    const hasIdentifier = ids.email !== null || ids.profileUrl !== null || ids.phone !== null;
    if (
      (ids.email !== null && index.own.emails.has(ids.email)) ||
      (ids.profileUrl !== null && index.own.profileUrls.has(ids.profileUrl)) ||
      (ids.phone !== null && index.own.phones.has(ids.phone))
    ) {
      return { kind: 'own' };
    }
    const isMyName = ids.nameKey !== '' && index.own.nameKeys.has(ids.nameKey);
    if (isMyName && !hasIdentifier) return { kind: 'own' };

    const key = identityKeyOf(ids);
    const confirmed = book.confirmedFor(key);
    if (confirmed !== undefined && index.get(confirmed)) {
      return { kind: 'linked', personId: confirmed, method: 'decision', evidence: [`you confirmed that ${key} is this person`] };
    }
    const rejected = book.rejectedFor(key);

    const exact = weighIdentifiers(
      index,
      {
        emails: ids.email ? [ids.email] : [],
        profileUrls: ids.profileUrl ? [ids.profileUrl] : [],
        phones: ids.phone ? [ids.phone] : [],
      },
      rejected,
    );
    if (exact.kind !== 'none') return toResult(exact);
    if (isMyName) return { kind: 'own' };

    const domain = ids.email ? emailDomain(ids.email) : null;
    return toResult(
      weighName(
        index,
        ids.nameKey,
        {
          domains: domain && !isWebmailDomain(domain) ? [domain] : [],
          profileUrls: ids.profileUrl ? [ids.profileUrl] : [],
        },
        rejected,
      ),
    );
  };

  return { match: (p) => matchNormalised(normalise(p)), matchNormalised, index };
}
