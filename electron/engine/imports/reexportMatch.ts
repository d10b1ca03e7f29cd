// Which stored connection a changed row of a later export is, when the row has no profile URL, e-mail or phone.
import type { ConnectionRecord } from '../../../shared/domain/records';
import { foldText } from '../../../shared/identity/fold';
import { foldedName } from './fileRowJoiner';
import type { ExistingConnection } from './connectionSession';

export interface StoredRowCandidate extends ExistingConnection {
  externalKey: string;
  /** Matched to an earlier row of this file. */
  taken: boolean;
}

const same = (a: string, b: string) => foldText(a.trim()) === foldText(b.trim());

/** What a row without strong identifiers is matched on: its whole folded name and its date. */
export function nameDateOf(fullName: string, firstName: string, lastName: string, connectedOn: string | null): string {
  return `${foldedName(fullName, firstName, lastName)}|${connectedOn ?? ''}`;
}

/**
 * The trade-off, for a row whose key (full name, company, position, date) the network does not have:
 *
 * - A stored connection of the same full name and date that this file has not matched is the same
 *   person when it keeps the company or the position: a new title at the same employer, or the
 *   same title elsewhere. The best fit wins (both kept before one kept); among equally good ones
 *   the first stored (order, as for repeated keys).
 * - When both changed, the row is that person only if the name and date are unambiguous: exactly
 *   one unmatched row of the file has them (`rowsOfNameDate`) and exactly one stored connection
 *   with them is left unmatched (`sameNameDate` holds the stored connections of the row's name and
 *   date). Among namesakes, a row with nothing in common is a new connection and the old
 *   one is reported missing, never a guess that would hand one person's tags, notes and records
 *   to another.
 * - Connections stored before row keys existed (keyed `n:<name key>|<date>`, which joined
 *   namesakes) are candidates like any other, so re-importing a URL-less file into such a
 *   database finds everyone again and adds the namesakes that were lost, without duplicating.
 */
export function pickReexported(r: ConnectionRecord, sameNameDate: StoredRowCandidate[], rowsOfNameDate: number): StoredRowCandidate | null {
  let best: StoredRowCandidate | null = null;
  let bestScore = -1;
  let open = 0;
  for (const c of sameNameDate) {
    if (c.taken) continue;
    open += 1;
    const score = (same(c.company, r.company) ? 1 : 0) + (same(c.position, r.position) ? 1 : 0);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  if (!best) return null;
  if (bestScore > 0) return best;
  return open === 1 && rowsOfNameDate === 1 ? best : null;
}
