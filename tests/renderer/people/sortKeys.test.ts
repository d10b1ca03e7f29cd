// Sort keys of the people table: case-insensitive text, tiers strongest first, blanks and missing dates last.
import { describe, expect, it } from 'vitest';
import type { AuditPerson } from '../../../shared/domain/audit';
import { compareKeys, sortKeyOf, type SortColumn } from '../../../renderer/features/people/sortKeys';

function person(over: Partial<AuditPerson>): AuditPerson {
  return { id: 'x', name: '', emails: [], profileUrls: [], company: '', position: '', networks: [], connectedOn: null, tier: 'dilution', score: 0, inPerson: 0, conversations: 0, oneWay: 0, lastContact: null, tags: [], ...over };
}

function sortBy(column: SortColumn, people: AuditPerson[]): string[] {
  return [...people].sort((a, b) => compareKeys(sortKeyOf(column, a), sortKeyOf(column, b))).map((p) => p.id);
}

describe('sort keys', () => {
  it('sorts names without regard to case, blanks last', () => {
    const people = [person({ id: '1', name: 'bob' }), person({ id: '2', name: '' }), person({ id: '3', name: 'Alice' }), person({ id: '4', name: 'Carol' })];
    expect(sortBy('name', people)).toEqual(['3', '1', '4', '2']);
  });

  it('orders tiers from real to dilution', () => {
    const people = (['dilution', 'real', 'acquaintance', 'fading'] as const).map((tier) => person({ id: tier, tier }));
    expect(sortBy('tier', people)).toEqual(['real', 'fading', 'acquaintance', 'dilution']);
  });

  it('puts persons with no last contact after every date', () => {
    const people = [person({ id: 'never' }), person({ id: 'old', lastContact: '2010-01-01' }), person({ id: 'new', lastContact: '2024-05-01' })];
    expect(sortBy('lastContact', people)).toEqual(['old', 'new', 'never']);
  });

  it('compares scores as numbers, not text', () => {
    const people = [person({ id: 'a', score: 100 }), person({ id: 'b', score: 9 }), person({ id: 'c', score: 25 })];
    expect(sortBy('score', people)).toEqual(['b', 'c', 'a']);
  });

  it('sorts tags by their sorted list, untagged last', () => {
    const people = [person({ id: 'none' }), person({ id: 'pk', tags: ['prune', 'keep'] }), person({ id: 'p', tags: ['prune'] })];
    expect(sortBy('tags', people)).toEqual(['pk', 'p', 'none']);
  });

  it('compareKeys is 0 for equal keys and sends undefined last', () => {
    expect(compareKeys('a', 'a')).toBe(0);
    expect(compareKeys(undefined, 'a')).toBe(1);
    expect(compareKeys(1, undefined)).toBe(-1);
  });
});
