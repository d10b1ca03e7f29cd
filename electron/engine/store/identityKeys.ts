// The engine's use of the identity normalisers: keys for connections, contacts, "me" and typed-in names.
import { normaliseEmail } from '../../../shared/identity/email';
import { normaliseProfileUrl } from '../../../shared/identity/profileUrl';
import { normalisePhone } from '../../../shared/identity/phone';
import { nameKey, nameKeyFromParts } from '../../../shared/identity/nameKey';
import type { ConnectionRecord, OwnIdentity, ParticipantRecord } from '../../../shared/domain/records';
import { identityKeyOf } from '../../../shared/identity/decisions';

export interface NormalisedIdentities {
  emails: string[];
  urls: string[];
  phones: string[];
  nameKey: string;
}

/** Each value normalised, the unusable ones dropped, each result once in first-seen order. */
function normalisedOnce(values: string[], normalise: (value: string) => string | null): string[] {
  const out: string[] = [];
  for (const value of values) {
    const v = normalise(value);
    if (v && !out.includes(v)) out.push(v);
  }
  return out;
}

export function identitiesOfConnection(r: ConnectionRecord): NormalisedIdentities {
  return {
    emails: normalisedOnce(r.emails, normaliseEmail),
    urls: normalisedOnce(r.profileUrls, normaliseProfileUrl),
    phones: normalisedOnce(r.phones, normalisePhone),
    nameKey: (r.firstName || r.lastName ? nameKeyFromParts(r.firstName, r.lastName) : '') || nameKey(r.fullName),
  };
}

// A connection's key within its network is chosen by imports/fileRowJoiner.ts (strong identifiers, else its fields).

export interface ContactIdentity {
  key: string;
  name: string;
  email: string;
  profileUrl: string;
  phone: string;
  nameKey: string;
}

/** A participant's contact row is keyed by its strongest identifier: e-mail, profile URL, phone, then name. */
export function contactOfParticipant(p: ParticipantRecord): ContactIdentity | null {
  const email = p.email ? normaliseEmail(p.email) ?? '' : '';
  const profileUrl = p.profileUrl ? normaliseProfileUrl(p.profileUrl) ?? '' : '';
  const phone = p.phone ? normalisePhone(p.phone) ?? '' : '';
  const name = (p.name ?? '').trim();
  const key = nameKey(name);
  const strongest = decisionKeyOf(name, key, email, profileUrl, phone);
  if (!strongest) return null;
  return { key: strongest, name, email, profileUrl, phone, nameKey: key };
}

/**
 * The same key the matcher files decisions under (`participantKey` of these values), so a decision
 * about a contact finds it again; computed here without deriving the name key a second time, the
 * costliest part of normalising a participant.
 */
function decisionKeyOf(name: string, key: string, email: string, profileUrl: string, phone: string): string {
  // As normaliseParticipant: each value normalised again, and a display name that is an address taken as one.
  let normalisedEmail = email ? normaliseEmail(email) : null;
  const addressAsName = name.includes('@');
  if (addressAsName) normalisedEmail = normalisedEmail ?? normaliseEmail(name);
  return identityKeyOf({
    email: normalisedEmail,
    profileUrl: profileUrl ? normaliseProfileUrl(profileUrl) : null,
    phone: phone ? normalisePhone(phone) : null,
    nameKey: addressAsName || name === '' ? '' : key,
  });
}

/** Guesses what a typed identifier is: an e-mail, a profile URL, a phone number or a name. */
export function classifyTypedIdentity(text: string): OwnIdentity {
  const value = text.trim();
  if (/^[^\s@]+@[^\s@]+$/.test(value) || /^mailto:/i.test(value)) return { kind: 'email', value };
  if (/^(https?:\/\/|www\.)|linkedin\.com\/|facebook\.com\//i.test(value)) return { kind: 'url', value };
  if (/^\+?[\d\s().-]{6,}$/.test(value)) return { kind: 'phone', value };
  return { kind: 'name', value };
}

export function normaliseOwnIdentity(id: OwnIdentity): OwnIdentity | null {
  const value =
    id.kind === 'email' ? normaliseEmail(id.value) : id.kind === 'url' ? normaliseProfileUrl(id.value) : id.kind === 'phone' ? normalisePhone(id.value) : nameKey(id.value);
  return value ? { kind: id.kind, value } : null;
}
