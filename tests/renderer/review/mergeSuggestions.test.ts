// "Possibly the same person": pairs by name key across networks only, the richer record kept, "not the same" remembered, keys.
import { describe, expect, it } from 'vitest';
import { pairKey, readNotSame, suggestionCommand, suggestMerges, writeNotSame } from '../../../renderer/features/review/mergeSuggestions';

const p = (id: string, name: string, networks: string[], company = '', connectedOn: string | null = null) => ({ id, name, networks, company, connectedOn });

describe('merge suggestions', () => {
  it('pairs the same name on different networks, credentials, accents and nicknames aside', () => {
    const persons = [p('a', 'Renée Dubois, MBA', ['linkedin'], 'Northwind'), p('b', 'renee dubois 🚀', ['facebook']), p('c', 'Kenji Sato', ['linkedin'])];
    const out = suggestMerges(persons, new Set());
    expect(out).toHaveLength(1);
    expect(out[0].keep.id).toBe('a');
    expect(out[0].other.id).toBe('b');
    expect(out[0].key).toBe(pairKey('b', 'a'));
  });

  it('does not pair two people on the same network, single names, or a very common name', () => {
    expect(suggestMerges([p('a', 'Michael Brown', ['linkedin']), p('b', 'Michael Brown', ['linkedin'])], new Set())).toEqual([]);
    expect(suggestMerges([p('a', 'Cher', ['linkedin']), p('b', 'Cher', ['facebook'])], new Set())).toEqual([]);
    const many = Array.from({ length: 7 }, (_, i) => p(`m${i}`, 'John Smith', [i % 2 ? 'linkedin' : 'facebook']));
    expect(suggestMerges(many, new Set())).toEqual([]);
  });

  it('offers each namesake on another network and keeps the one on more networks', () => {
    const persons = [p('li1', 'Michael Brown', ['linkedin'], 'Contoso'), p('li2', 'Michael Brown', ['linkedin'], 'Fabrikam'), p('fb', 'Michael Brown', ['facebook'])];
    const out = suggestMerges(persons, new Set());
    expect(out.map((s) => [s.keep.id, s.other.id])).toEqual([
      ['li1', 'fb'],
      ['li2', 'fb'],
    ]);
    const both = suggestMerges([p('x', 'Ann Lee', ['facebook']), p('y', 'Ann Lee', ['google', 'outlook'])], new Set());
    expect(both[0].keep.id).toBe('y');
  });

  it('leaves out the pairs you said are not the same, and remembers them', () => {
    const persons = [p('a', 'Ann Lee', ['linkedin']), p('b', 'Ann Lee', ['facebook'])];
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(readNotSame(storage).size).toBe(0);
    writeNotSame(new Set([pairKey('a', 'b')]), storage);
    expect(suggestMerges(persons, readNotSame(storage))).toEqual([]);
    store.set('tiecheck-not-same', '{broken');
    expect(readNotSame(storage).size).toBe(0);
  });

  it('maps the keys', () => {
    expect(suggestionCommand({ key: 'm' })).toEqual({ kind: 'merge' });
    expect(suggestionCommand({ key: 'x' })).toEqual({ kind: 'notSame' });
    expect(suggestionCommand({ key: 'j' })).toEqual({ kind: 'move', delta: 1 });
    expect(suggestionCommand({ key: 'ArrowUp' })).toEqual({ kind: 'move', delta: -1 });
    expect(suggestionCommand({ key: 'm', ctrlKey: true })).toBeNull();
    expect(suggestionCommand({ key: 'q' })).toBeNull();
  });
});
