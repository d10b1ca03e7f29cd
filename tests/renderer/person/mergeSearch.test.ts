// Finding the person to merge with: folded words over name and company, name matches first, never oneself; splits need some, not all.
import { describe, expect, it } from 'vitest';
import { canSplit, findMergeCandidates } from '../../../renderer/features/person/mergeSearch';

const person = (id: string, name: string, company = '') => ({ id, name, company, networks: ['linkedin'] });
const PEOPLE = [
  person('1', 'Renée Dubois, MBA', 'Northwind Traders'),
  person('2', 'Jon Okafor-Smith'),
  person('3', 'Priya Raman', 'Litware'),
  person('4', 'Kenji Sato', 'Litware'),
  person('5', 'Amara Okafor', 'Tailspin Toys'),
];

describe('merge search', () => {
  it('matches without accents or case, on name or company, every word required', () => {
    expect(findMergeCandidates(PEOPLE, 'renee', 'x').map((p) => p.id)).toEqual(['1']);
    expect(findMergeCandidates(PEOPLE, 'LITWARE', 'x').map((p) => p.id)).toEqual(['3', '4']);
    expect(findMergeCandidates(PEOPLE, 'renee northwind', 'x').map((p) => p.id)).toEqual(['1']);
    expect(findMergeCandidates(PEOPLE, 'renee litware', 'x')).toEqual([]);
  });

  it('ranks a name that starts with the query first and never offers the person themself', () => {
    expect(findMergeCandidates(PEOPLE, 'okafor', 'x').map((p) => p.id)).toEqual(['2', '5']);
    expect(findMergeCandidates(PEOPLE, 'jon', 'x').map((p) => p.id)).toEqual(['2']);
    expect(findMergeCandidates(PEOPLE, 'okafor', '2').map((p) => p.id)).toEqual(['5']);
    expect(findMergeCandidates(PEOPLE, '   ', 'x')).toEqual([]);
    expect(findMergeCandidates(PEOPLE, 'a', 'x', 2)).toHaveLength(2);
  });

  it('splits some, not all, connections', () => {
    expect(canSplit(0, 2)).toBe(false);
    expect(canSplit(1, 2)).toBe(true);
    expect(canSplit(2, 2)).toBe(false);
  });
});
