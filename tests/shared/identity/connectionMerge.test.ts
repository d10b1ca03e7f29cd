// Merging connection rows across networks into persons (SPEC §5 applied to connections).
import { describe, expect, it } from 'vitest';
import type { ConnectionRecord } from '../../../shared/domain/records';
import { connectionKey, mergeConnections, type ConnectionIdentity } from '../../../shared/identity/connectionMerge';
import { personIdentityFromRecord } from '../../../shared/identity/identityIndex';

function row(network: string, fields: Partial<ConnectionRecord>): ConnectionIdentity {
  const record: ConnectionRecord = {
    line: 1,
    firstName: '',
    lastName: '',
    fullName: '',
    emails: [],
    profileUrls: [],
    phones: [],
    company: '',
    position: '',
    connectedOn: null,
    ...fields,
  };
  return { ...personIdentityFromRecord(record), network };
}

const newId = (i: number) => `p${i}`;

describe('mergeConnections', () => {
  it('merges rows of different networks by an exact identifier', () => {
    const rows = [
      row('linkedin', { firstName: 'Bill', lastName: 'Turner', emails: ['bill@contoso.com'], company: 'Contoso Ltd' }),
      row('google', { fullName: 'W. Turner', emails: ['Bill@Contoso.com'], phones: ['+44 20 7946 0958'] }),
    ];
    const result = mergeConnections(rows, [], { newPersonId: newId });
    expect(result[0]).toMatchObject({ personId: 'p0', isNew: true });
    expect(result[1]).toMatchObject({ personId: 'p0', isNew: false, method: 'email' });
  });

  it('merges an unambiguous, uncontradicted name across networks', () => {
    const rows = [
      row('linkedin', { firstName: 'Bill', lastName: 'Turner, PMP', company: 'Contoso Ltd' }),
      row('facebook', { fullName: 'William Turner' }),
    ];
    const result = mergeConnections(rows, [], { newPersonId: newId });
    expect(result[1]).toMatchObject({ personId: 'p0', method: 'name' });
  });

  it('corroborates a name with the same company or a fitting domain', () => {
    const rows = [
      row('linkedin', { firstName: 'Bill', lastName: 'Turner', company: 'Contoso Ltd' }),
      row('google', { fullName: 'William Turner', emails: ['wt@contoso.com'] }),
    ];
    expect(mergeConnections(rows, [], { newPersonId: newId })[1]).toMatchObject({ personId: 'p0', method: 'name+domain' });
  });

  it('keeps two rows of the same network apart even with one name, and asks', () => {
    const rows = [
      row('linkedin', { firstName: 'Michael', lastName: 'Brown', company: 'Contoso Ltd', profileUrls: ['https://www.linkedin.com/in/mbrown-1'] }),
      row('linkedin', { firstName: 'Michael', lastName: 'Brown', company: 'Contoso Ltd' }),
    ];
    const result = mergeConnections(rows, [], { newPersonId: newId });
    expect(result[1]).toMatchObject({ personId: 'p1', isNew: true });
    expect(result[1].review?.[0]).toMatchObject({ personId: 'p0' });
    expect(result[1].review?.[0].against).toContain('this person already has a connection on linkedin');
  });

  it('makes a new person with a review item when the company contradicts the name', () => {
    const rows = [
      row('linkedin', { firstName: 'Michael', lastName: 'Brown', company: 'Contoso Ltd' }),
      row('google', { fullName: 'Michael Brown', emails: ['mb@fabrikam.com'], company: 'Fabrikam' }),
    ];
    const result = mergeConnections(rows, [], { newPersonId: newId });
    expect(result[1]).toMatchObject({ personId: 'p1', isNew: true });
    expect(result[1].review?.map((c) => c.personId)).toEqual(['p0']);
  });

  it('resolves namesakes at two companies by the row’s company domain', () => {
    const existing = [
      { id: 'mb-c', emails: [], profileUrls: [], phones: [], nameKeys: ['michael brown'], company: 'Contoso Ltd', networks: ['linkedin'] },
      { id: 'mb-f', emails: [], profileUrls: [], phones: [], nameKeys: ['michael brown'], company: 'Fabrikam Inc', networks: ['linkedin'] },
    ];
    const result = mergeConnections([row('google', { fullName: 'Mike Brown', emails: ['mike@fabrikam.io'] })], existing, { newPersonId: newId });
    expect(result[0]).toMatchObject({ personId: 'mb-f', method: 'name+domain' });
  });

  it('skips rows that are me and honours decisions', () => {
    const rows = [
      row('google', { fullName: 'Sam Owner', emails: ['me@example.com'] }),
      row('google', { fullName: 'Jane Doe' }),
    ];
    const existing = [{ id: 'jd', emails: [], profileUrls: [], phones: [], nameKeys: ['jane doe'], company: '' }];
    const rejectJane = [{ key: connectionKey(rows[1]), personId: 'jd', verdict: 'reject' as const }];
    const result = mergeConnections(rows, existing, { newPersonId: newId, own: { emails: ['me@example.com'], profileUrls: [], phones: [], nameKeys: [] }, decisions: rejectJane });
    expect(result[0]).toMatchObject({ personId: null, isNew: false });
    expect(result[1]).toMatchObject({ personId: 'p1', isNew: true });
    const confirm = [{ key: 'name:jane doe', personId: 'jd', verdict: 'confirm' as const }];
    expect(mergeConnections([row('x', { fullName: 'Jane Doe', company: 'Other' })], [{ ...existing[0], company: 'Contoso' }], { newPersonId: newId, decisions: confirm })[0]).toMatchObject({
      personId: 'jd',
      method: 'decision',
    });
  });

  it('makes a new person with review when an identifier is on two persons', () => {
    const existing = [
      { id: 'a', emails: ['family@example.org'], profileUrls: [], phones: [], nameKeys: ['anna kowalska'], company: '' },
      { id: 'b', emails: ['family@example.org'], profileUrls: [], phones: [], nameKeys: ['piotr kowalski'], company: '' },
    ];
    const result = mergeConnections([row('google', { fullName: 'The Kowalskis', emails: ['family@example.org'] })], existing, { newPersonId: newId });
    expect(result[0].isNew).toBe(true);
    expect(result[0].review?.map((c) => c.personId).sort()).toEqual(['a', 'b']);
  });
});
