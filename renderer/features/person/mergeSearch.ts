// Finding the other person to merge with: a folded match on name or company, best matches first, never the person themself.
import { foldText } from '../../../shared/identity/fold';

export interface MergeCandidate {
  id: string;
  name: string;
  company: string;
  networks: string[];
}

/**
 * Every word of the query must appear in the folded name or company ("renee nor" finds "Renée Dubois"
 * at Northwind). A name that starts with the query ranks first, then a name that contains it, then
 * a company match; ties keep the audit's order.
 */
export function findMergeCandidates<P extends MergeCandidate>(persons: readonly P[], query: string, selfId: string, limit = 8): P[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const whole = words.join(' ');
  const ranked: { person: P; rank: number; at: number }[] = [];
  persons.forEach((person, at) => {
    if (person.id === selfId) return;
    const name = foldText(person.name);
    const company = foldText(person.company);
    if (!words.every((w) => name.includes(w) || company.includes(w))) return;
    const rank = name.startsWith(whole) ? 0 : name.includes(whole) ? 1 : words.every((w) => name.includes(w)) ? 2 : 3;
    ranked.push({ person, rank, at });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.at - b.at);
  return ranked.slice(0, limit).map((r) => r.person);
}

/** A split needs some, not all, of the person's connections. */
export function canSplit(chosen: number, total: number): boolean {
  return chosen > 0 && chosen < total;
}
