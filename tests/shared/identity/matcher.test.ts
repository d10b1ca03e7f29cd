// The participant matcher (SPEC §5): exact identifiers, names with corroboration and contradiction, own identities, decisions.
import { describe, expect, it } from 'vitest';
import type { ConnectionRecord } from '../../../shared/domain/records';
import { buildMatcher, participantKey, type PersonIdentity } from '../../../shared/identity/matcher';
import { ownIdentitiesFrom, personIdentityFromRecord } from '../../../shared/identity/identityIndex';
import { nameKey } from '../../../shared/identity/nameKey';

const NO_ONE = { emails: [], profileUrls: [], phones: [], nameKeys: [] };

function person(id: string, name: string, company: string, more: Partial<PersonIdentity> = {}): PersonIdentity {
  return { id, emails: [], profileUrls: [], phones: [], nameKeys: [nameKey(name)], company, ...more };
}

const persons: PersonIdentity[] = [
  person('bill', 'William Turner, PMP', 'Contoso Ltd', {
    emails: ['bill.turner@contoso.com'],
    profileUrls: ['https://www.linkedin.com/in/william-turner-1a2b'],
  }),
  person('mb-contoso', 'Michael Brown', 'Contoso Ltd'),
  person('mb-fabrikam', 'Michael Brown', 'Fabrikam Inc'),
  person('juergen', 'Jürgen Schmidt', 'Blue Yonder', { profileUrls: ['https://www.linkedin.com/in/j%C3%BCrgen-schmidt'] }),
  person('zoe', 'Zoë Ångström, PhD', 'Northwind Traders', { phones: ['+44 20 7946 0958'] }),
  person('renee', 'Renée Dubois, MBA 🚀', 'Tailspin Toys'),
  person('anna', 'Anna Kowalska', '', { emails: ['shared@family.example'] }),
  person('piotr', 'Piotr Kowalski', '', { emails: ['shared@family.example'] }),
  person('jane', 'Jane Doe', 'Contoso Ltd', { emails: ['jane.doe@contoso.com'] }),
  person('ken', 'Ken Adams', 'Contoso Ltd'),
  person('prince', 'Prince', ''),
];

const me = { emails: ['me@tiecheck.example', 'My.Self@gmail.com'], profileUrls: ['https://linkedin.com/in/me-myself'], phones: ['+1 415 555 0100'], nameKeys: ['Sam Owner'] };

describe('buildMatcher', () => {
  const matcher = buildMatcher(persons, me);

  it('links by exact email, profile URL or phone with certainty', () => {
    expect(matcher.match({ email: 'Bill.Turner@Contoso.com', name: 'Someone Else' })).toMatchObject({ kind: 'linked', personId: 'bill', method: 'email' });
    expect(matcher.match({ profileUrl: 'linkedin.com/in/William-Turner-1a2b/' })).toMatchObject({ kind: 'linked', personId: 'bill', method: 'url' });
    expect(matcher.match({ phone: '0044 20 7946 0958' })).toMatchObject({ kind: 'linked', personId: 'zoe', method: 'phone' });
    const linked = matcher.match({ email: 'bill.turner@contoso.com' });
    expect(linked.kind === 'linked' && linked.evidence).toContain('email bill.turner@contoso.com is on this person');
  });

  it('matches a raw Unicode LinkedIn slug to a percent-encoded one', () => {
    expect(matcher.match({ profileUrl: 'https://www.linkedin.com/in/jürgen-schmidt' })).toMatchObject({ kind: 'linked', personId: 'juergen', method: 'url' });
  });

  it('sends an identifier held by two persons to review', () => {
    const result = matcher.match({ email: 'shared@family.example' });
    expect(result.kind).toBe('review');
    if (result.kind === 'review') expect(result.candidates.map((c) => c.personId).sort()).toEqual(['anna', 'piotr']);
  });

  it('sends identifiers pointing at different persons to review', () => {
    expect(matcher.match({ email: 'bill.turner@contoso.com', phone: '+442079460958' }).kind).toBe('review');
  });

  it('links a unique name key, written any way, when nothing contradicts it', () => {
    for (const name of ['Dr. Bill Turner (he/him)', 'Turner, William J.', 'William Turner, PMP', 'Will Turner']) {
      expect(matcher.match({ name }), name).toMatchObject({ kind: 'linked', personId: 'bill', method: 'name' });
    }
    const result = matcher.match({ name: 'Bill Turner' });
    expect(result.kind === 'linked' && result.evidence).toContain('name key "william turner" is unique');
    expect(matcher.match({ name: 'Renee Dubois' })).toMatchObject({ kind: 'linked', personId: 'renee' });
  });

  it('does not let a webmail address contradict a name', () => {
    expect(matcher.match({ name: 'Zoe Angstrom', email: 'zoe.a@gmail.com' })).toMatchObject({ kind: 'linked', personId: 'zoe', method: 'name' });
  });

  it('strengthens a name match with a domain that fits the company', () => {
    const result = matcher.match({ name: 'Bill Turner', email: 'wt@mail.contoso.co.uk' });
    expect(result).toMatchObject({ kind: 'linked', personId: 'bill', method: 'name+domain' });
    expect(result.kind === 'linked' && result.evidence).toContain('domain mail.contoso.co.uk fits company Contoso Ltd');
  });

  it('resolves two Michael Browns at two companies by the email domain', () => {
    expect(matcher.match({ name: 'Mike Brown', email: 'mbrown@contoso.com' })).toMatchObject({ kind: 'linked', personId: 'mb-contoso', method: 'name+domain' });
    expect(matcher.match({ name: 'Michael Brown', email: 'michael@fabrikam.io' })).toMatchObject({ kind: 'linked', personId: 'mb-fabrikam', method: 'name+domain' });
    const ambiguous = matcher.match({ name: 'Michael Brown' });
    expect(ambiguous.kind).toBe('review');
    if (ambiguous.kind === 'review') expect(ambiguous.candidates).toHaveLength(2);
    expect(matcher.match({ name: 'Michael Brown', email: 'mb@gmail.com' }).kind).toBe('review');
  });

  it('uses domains already seen on other people of the company', () => {
    // contoso-mail.net does not spell Contoso, but Jane Doe of Contoso writes from it.
    const withDomain = buildMatcher([...persons, person('jane2', 'Jane Roe', 'Contoso Ltd', { emails: ['jroe@contoso-mail.net'] })], NO_ONE);
    expect(withDomain.match({ name: 'Ken Adams', email: 'ken@contoso-mail.net' })).toMatchObject({ kind: 'linked', personId: 'ken', method: 'name+domain' });
  });

  it('sends a namesake with a contradicting company domain to review', () => {
    const result = matcher.match({ name: 'William Turner', email: 'william.turner@fabrikam.com' });
    expect(result.kind).toBe('review');
    if (result.kind === 'review') {
      expect(result.candidates).toHaveLength(1);
      expect(result.candidates[0]).toMatchObject({ personId: 'bill' });
      expect(result.candidates[0].against).toContain('domain fabrikam.com does not fit company Contoso Ltd');
    }
  });

  it('sends a name with another LinkedIn profile than the person’s to review', () => {
    expect(matcher.match({ name: 'Bill Turner', profileUrl: 'https://www.linkedin.com/in/bill-turner-99' }).kind).toBe('review');
  });

  it('never links a one-word name by itself', () => {
    expect(matcher.match({ name: 'Prince' }).kind).toBe('review');
  });

  it('returns none for unknown people and empty participants', () => {
    expect(matcher.match({ name: 'Nobody Known', email: 'nobody@example.org' })).toEqual({ kind: 'none' });
    expect(matcher.match({})).toEqual({ kind: 'none' });
    expect(matcher.match({ name: 'LinkedIn Member' })).toEqual({ kind: 'none' });
  });

  it('recognises my own identities before anything else', () => {
    expect(matcher.match({ email: 'me@tiecheck.example', name: 'Bill Turner' })).toEqual({ kind: 'own' });
    expect(matcher.match({ email: 'my.self+news@googlemail.com' })).toEqual({ kind: 'own' });
    expect(matcher.match({ profileUrl: 'https://www.linkedin.com/in/ME-MYSELF/' })).toEqual({ kind: 'own' });
    expect(matcher.match({ phone: '+14155550100' })).toEqual({ kind: 'own' });
    expect(matcher.match({ name: 'Sam Owner' })).toEqual({ kind: 'own' });
    expect(matcher.match({ name: 'Samuel Owner', email: 'sam@unknown.example' })).toEqual({ kind: 'own' });
  });

  it('never links to a person who carries one of my identifiers', () => {
    const withMe = buildMatcher([person('x', 'Sam Owner', '', { emails: ['me@tiecheck.example'] })], me);
    expect(withMe.match({ email: 'me@tiecheck.example' })).toEqual({ kind: 'own' });
    expect(withMe.match({ name: 'Sam Owner' })).toEqual({ kind: 'own' });
  });

  it('links a namesake of mine through an exact identifier', () => {
    const namesake = buildMatcher([person('other-sam', 'Sam Owner', 'Fabrikam', { emails: ['sam@fabrikam.com'] })], me);
    expect(namesake.match({ name: 'Sam Owner', email: 'sam@fabrikam.com' })).toMatchObject({ kind: 'linked', personId: 'other-sam' });
  });
});

describe('decisions', () => {
  it('files decisions under the strongest normalised identifier', () => {
    expect(participantKey({ name: 'Bill', email: 'B.ill+x@googlemail.com', phone: '+44 20 7946 0958' })).toBe('email:bill@gmail.com');
    expect(participantKey({ name: 'Bill', profileUrl: 'https://www.linkedin.com/in/Bill/' })).toBe('url:linkedin.com/in/bill');
    expect(participantKey({ name: 'Bill', phone: '+44 20 7946 0958' })).toBe('phone:+442079460958');
    expect(participantKey({ name: 'Dr. Bill Turner' })).toBe('name:william turner');
    expect(participantKey({})).toBe('');
  });

  it('links a confirmed participant directly, whatever else would happen', () => {
    const p = { name: 'Michael Brown' };
    const matcher = buildMatcher(persons, me, [{ key: participantKey(p), personId: 'mb-fabrikam', verdict: 'confirm' }]);
    expect(matcher.match(p)).toMatchObject({ kind: 'linked', personId: 'mb-fabrikam', method: 'decision' });
  });

  it('removes a rejected person from the candidates', () => {
    const p = { name: 'Michael Brown' };
    const matcher = buildMatcher(persons, me, [{ key: participantKey(p), personId: 'mb-fabrikam', verdict: 'reject' }]);
    expect(matcher.match(p)).toMatchObject({ kind: 'linked', personId: 'mb-contoso', method: 'name' });
    const byEmail = { email: 'bill.turner@contoso.com' };
    const rejecting = buildMatcher(persons, me, [{ key: participantKey(byEmail), personId: 'bill', verdict: 'reject' }]);
    expect(rejecting.match(byEmail)).toEqual({ kind: 'none' });
  });

  it('lets my own identities win even over a decision', () => {
    const p = { email: 'me@tiecheck.example' };
    const matcher = buildMatcher(persons, me, [{ key: participantKey(p), personId: 'bill', verdict: 'confirm' }]);
    expect(matcher.match(p)).toEqual({ kind: 'own' });
  });
});

describe('personIdentityFromRecord', () => {
  it('normalises a connection row for the engine', () => {
    const record: ConnectionRecord = {
      line: 5,
      firstName: 'Zoë ',
      lastName: 'Ångström, PhD',
      fullName: 'Zoë  Ångström, PhD',
      emails: ['Zoe.Angstrom@Northwind.com', 'urn:li:member:123', 'zo.e+x@googlemail.com'],
      profileUrls: ['https://www.linkedin.com/in/zo%C3%AB-angstrom', 'https://www.linkedin.com/in'],
      phones: ['+44 20 7946 0958', '(Unknown)'],
      company: ' Northwind Traders ',
      position: 'CTO',
      connectedOn: '2021-06-17',
    };
    expect(personIdentityFromRecord(record)).toEqual({
      emails: ['zoe.angstrom@northwind.com', 'zoe@gmail.com'],
      profileUrls: ['linkedin.com/in/zoë-angstrom'],
      phones: ['+442079460958'],
      nameKeys: ['zoe angstrom'],
      company: 'Northwind Traders',
      domains: ['northwind.com'],
    });
  });

  it('builds my identities from the settings list', () => {
    expect(ownIdentitiesFrom([{ kind: 'email', value: 'Me@Example.com' }, { kind: 'name', value: 'Dr. Sam Owner' }, { kind: 'phone', value: '020 7946 0958' }], { defaultCountry: 'GB' })).toEqual({
      emails: ['me@example.com'],
      profileUrls: [],
      phones: ['+442079460958'],
      nameKeys: ['samuel owner'],
    });
  });
});
