// The public face of identity resolution: normalisers, name keys, the participant matcher and connection merging.
export { normaliseEmail, emailDomain, isWebmailDomain, domainBaseLabel } from './email';
export { normaliseProfileUrl } from './profileUrl';
export { normalisePhone, type CountryCode } from './phone';
export { nameKey, nameKeyFromParts } from './nameKey';
export { canonicalGivenName } from './nicknames';
export { companyKey, domainFitsCompany } from './company';
export { foldText } from './fold';
export {
  IdentityIndex,
  companyDomainsOf,
  ownIdentitiesFrom,
  personIdentityFromRecord,
  type IndexedPerson,
  type NormalisedIdentity,
  type NormaliseOptions,
  type OwnIdentities,
  type PersonIdentity,
} from './identityIndex';
export {
  DecisionBook,
  identityKeyOf,
  normaliseParticipant,
  participantKey,
  type Decision,
  type NormalisedParticipant,
  type ParticipantIdentity,
} from './decisions';
export type { LinkMethod, ReviewCandidate } from './candidates';
export { buildMatcher, type MatchResult, type Matcher, type MatcherOptions } from './matcher';
export {
  connectionKey,
  matchConnection,
  mergeConnections,
  type ConnectionIdentity,
  type ConnectionMatch,
  type MergeOptions,
  type RowAssignment,
} from './connectionMerge';
