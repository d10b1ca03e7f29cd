// compileFilter: what each field and operator matches, null and partial-date rules, and AuditPerson compatibility.
import { describe, expect, it } from 'vitest';
import { compileFilter, parseFilter } from '../../../shared/filter';
import type { FilterablePerson } from '../../../shared/filter';
import type { AuditPerson } from '../../../shared/domain/audit';

function person(id: string, overrides: Partial<FilterablePerson>): FilterablePerson & { id: string } {
  return {
    id,
    name: 'Someone',
    emails: [],
    company: '',
    position: '',
    networks: ['linkedin'],
    connectedOn: '2019-06-15',
    tier: 'dilution',
    score: 0,
    inPerson: 0,
    conversations: 0,
    lastContact: null,
    tags: [],
    ...overrides,
  };
}

const people = [
  person('ada', { name: 'Ada Lovelace', emails: ['ada@analytical.org'], company: 'Analytical Engines', position: 'Engineer', tier: 'real', score: 90, inPerson: 3, conversations: 7, lastContact: '2024-03-02', connectedOn: '2015-01-01', tags: ['Keep'], networks: ['linkedin', 'facebook'] }),
  person('bob', { name: 'Bob Smith', emails: ['bob@contoso.com'], company: 'Contoso Ltd', position: 'Sales Manager', tier: 'fading', score: 40, inPerson: 1, conversations: 2, lastContact: '2020-12-31', connectedOn: '2020-01-01', tags: ['reconnect'] }),
  person('cy', { name: 'Cy Young', company: 'contoso ltd', position: 'Recruiter', tier: 'acquaintance', score: 10, conversations: 1, lastContact: null, connectedOn: '2021-02-28', tags: ['prune', 'recruiter'], networks: ['google'] }),
  person('dee', { name: 'Dee Null', tier: 'dilution', connectedOn: null, networks: [], tags: [] }),
  person('eve', { name: 'Eve Park', company: 'Fabrikam', position: 'CTO', tier: 'dilution', connectedOn: '2019-12-31', tags: ['prune', 'keep'] }),
];

function ids(filter: string): string[] {
  const match = compileFilter(parseFilter(filter));
  return people.filter(match).map((p) => p.id);
}

describe('compileFilter', () => {
  it('matches everyone with the empty filter', () => {
    expect(ids('')).toEqual(['ada', 'bob', 'cy', 'dee', 'eve']);
  });

  it('compares tiers', () => {
    expect(ids('tier=dilution')).toEqual(['dee', 'eve']);
    expect(ids('tier!=dilution')).toEqual(['ada', 'bob', 'cy']);
    expect(ids('tier in (real,fading)')).toEqual(['ada', 'bob']);
    expect(ids('tier not in (real,fading)')).toEqual(['cy', 'dee', 'eve']);
  });

  it('compares numbers with every operator', () => {
    expect(ids('score=40')).toEqual(['bob']);
    expect(ids('score!=0')).toEqual(['ada', 'bob', 'cy']);
    expect(ids('score<40')).toEqual(['cy', 'dee', 'eve']);
    expect(ids('score<=40')).toEqual(['bob', 'cy', 'dee', 'eve']);
    expect(ids('score>40')).toEqual(['ada']);
    expect(ids('score>=40')).toEqual(['ada', 'bob']);
    expect(ids('inPerson>=1')).toEqual(['ada', 'bob']);
    expect(ids('conversations in (1,2)')).toEqual(['bob', 'cy']);
  });

  it('compares whole dates with every operator; null dates match no comparison', () => {
    expect(ids('connectedOn=2020-01-01')).toEqual(['bob']);
    expect(ids('connectedOn!=2020-01-01')).toEqual(['ada', 'cy', 'eve']);
    expect(ids('connectedOn<2020-01-01')).toEqual(['ada', 'eve']);
    expect(ids('connectedOn<=2020-01-01')).toEqual(['ada', 'bob', 'eve']);
    expect(ids('connectedOn>2020-01-01')).toEqual(['cy']);
    expect(ids('connectedOn>=2020-01-01')).toEqual(['bob', 'cy']);
    expect(ids('not connectedOn=2020-01-01')).toEqual(['ada', 'cy', 'dee', 'eve']);
  });

  it('reads a year or month as the whole period', () => {
    expect(ids('connectedOn=2019')).toEqual(['eve']);
    expect(ids('connectedOn<2020')).toEqual(['ada', 'eve']);
    expect(ids('connectedOn<=2020')).toEqual(['ada', 'bob', 'eve']);
    expect(ids('connectedOn>2020')).toEqual(['cy']);
    expect(ids('connectedOn>=2020')).toEqual(['bob', 'cy']);
    expect(ids('connectedOn!=2020')).toEqual(['ada', 'cy', 'eve']);
    expect(ids('connectedOn=2021-02')).toEqual(['cy']);
    expect(ids('connectedOn<=2021-01')).toEqual(['ada', 'bob', 'eve']);
    expect(ids('connectedOn>2019-12')).toEqual(['bob', 'cy']);
    expect(ids('connectedOn in (2015, 2021-02)')).toEqual(['ada', 'cy']);
    expect(ids('lastContact>=2020-12')).toEqual(['ada', 'bob']);
  });

  it('tests for none', () => {
    expect(ids('lastContact=none')).toEqual(['cy', 'dee', 'eve']);
    expect(ids('lastContact!=none')).toEqual(['ada', 'bob']);
    expect(ids('lastContact in (none, 2024)')).toEqual(['ada', 'cy', 'dee', 'eve']);
    expect(ids('connectedOn=none')).toEqual(['dee']);
    expect(ids('company=none')).toEqual(['dee']);
    expect(ids('position!=none')).toEqual(['ada', 'bob', 'cy', 'eve']);
    expect(ids('tag=none')).toEqual(['dee']);
    expect(ids('network=none')).toEqual(['dee']);
    expect(ids('network!=none')).toEqual(['ada', 'bob', 'cy', 'eve']);
  });

  it('compares text case-insensitively: = whole, ~ contains', () => {
    expect(ids('company="contoso LTD"')).toEqual(['bob', 'cy']);
    expect(ids('company!="Contoso Ltd"')).toEqual(['ada', 'dee', 'eve']);
    expect(ids('company~CONTOSO')).toEqual(['bob', 'cy']);
    expect(ids('position~manager')).toEqual(['bob']);
    expect(ids('name="eve park"')).toEqual(['eve']);
    expect(ids('name~o')).toEqual(['ada', 'bob', 'cy']);
    expect(ids('company in (Fabrikam, "Analytical Engines")')).toEqual(['ada', 'eve']);
  });

  it('reads tag and network as "has one that…", and != as "has none that"', () => {
    expect(ids('tag=keep')).toEqual(['ada', 'eve']);
    expect(ids('not tag=keep')).toEqual(['bob', 'cy', 'dee']);
    expect(ids('tag!=keep')).toEqual(['bob', 'cy', 'dee']);
    expect(ids('tag~recon')).toEqual(['bob']);
    expect(ids('tag in (reconnect, recruiter)')).toEqual(['bob', 'cy']);
    expect(ids('network=linkedin')).toEqual(['ada', 'bob', 'eve']);
    expect(ids('network=FACEBOOK')).toEqual(['ada']);
    expect(ids('network!=linkedin')).toEqual(['cy', 'dee']);
    expect(ids('tag=prune and tag=keep')).toEqual(['eve']);
  });

  it('searches free text over name, company, position and e-mails', () => {
    expect(ids('text~contoso')).toEqual(['bob', 'cy']);
    expect(ids('text=ANALYTICAL.ORG')).toEqual(['ada']);
    expect(ids('text~cto')).toEqual(['eve']);
    expect(ids('text~lovelace')).toEqual(['ada']);
    expect(ids('text!=contoso')).toEqual(['ada', 'dee', 'eve']);
    expect(ids('text in (fabrikam, recruiter)')).toEqual(['cy', 'eve']);
  });

  it('combines with and, or, not and parentheses', () => {
    expect(ids('tier in (dilution,acquaintance) and not tag=keep')).toEqual(['cy', 'dee']);
    expect(ids('tier=dilution and connectedOn<2020-01-01')).toEqual(['eve']);
    expect(ids('tier=real or tier=dilution and tag=prune')).toEqual(['ada', 'eve']);
    expect(ids('(tier=real or tier=dilution) and tag=prune')).toEqual(['eve']);
    expect(ids('not (tier=real or tier=dilution)')).toEqual(['bob', 'cy']);
    expect(ids('tier=real or tier=fading or tier=acquaintance')).toEqual(['ada', 'bob', 'cy']);
    expect(ids('score>=0 and score<100 and tier!=real')).toEqual(['bob', 'cy', 'dee', 'eve']);
  });

  it('accepts an AuditPerson as it is', () => {
    const audited: AuditPerson = { ...people[0], profileUrls: [], oneWay: 0 };
    expect(compileFilter(parseFilter('tier=real'))(audited)).toBe(true);
  });

  it('filters 30,000 persons in one pass', () => {
    const many = Array.from({ length: 30_000 }, (_, i) => people[i % people.length]);
    const match = compileFilter(parseFilter('tier in (dilution,acquaintance) and not tag=keep and (company~contoso or connectedOn<2020)'));
    expect(many.filter(match).length).toBe(6_000);
  });
});
