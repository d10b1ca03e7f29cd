// What an import knows of each connection row before it touches the database: its normalised
// identities and its verdict (an earlier row of the file again, or the key it is stored under).
// Both follow from the file alone, so a file parsed in the worker thread is prepared there too,
// and the thread that writes only writes; the batches cross between them in a compact form.
import type { ConnectionRecord } from '../../../shared/domain/records';
import { identitiesOfConnection, type NormalisedIdentities } from '../store/identityKeys';
import { FileRowJoiner, type FileJoin } from './fileRowJoiner';

/** A row's verdict as the writing thread needs it (its other strong keys follow from `ids`: see `strongKeysOf`). */
export type PreparedVerdict = { join: FileJoin } | { key: string; rowKey: boolean };

export interface PreparedConnection {
  /** The row (its `rawRow`, which only the file's own duplicate check reads, does not cross threads). */
  r: ConnectionRecord;
  ids: NormalisedIdentities;
  verdict: PreparedVerdict;
}

/**
 * One row in a batch sent across threads: the record's fields, its identities, and its verdict as 0
 * (keyed by its first strong identifier, which `ids` gives again), the row key, or [same as line,
 * why] for a row joined to an earlier one. Half the JSON of the objects, and half the time to read.
 */
type WireRow = [
  line: number,
  firstName: string,
  lastName: string,
  fullName: string,
  emails: string[],
  profileUrls: string[],
  phones: string[],
  company: string,
  position: string,
  connectedOn: string | null,
  idEmails: string[],
  idUrls: string[],
  idPhones: string[],
  nameKey: string,
  verdict: 0 | string | [number, string],
];

/** The key a row with strong identifiers is stored under: its first (as `strongKeysOf` orders them). */
function firstStrongKey(ids: NormalisedIdentities): string | null {
  if (ids.urls.length > 0) return `u:${ids.urls[0]}`;
  if (ids.emails.length > 0) return `e:${ids.emails[0]}`;
  if (ids.phones.length > 0) return `p:${ids.phones[0]}`;
  return null;
}

/** Prepares one file's rows in order (the joiner remembers the rows before). */
export class ConnectionPreparer {
  private readonly joiner = new FileRowJoiner();

  /** The rows prepared, for the session on this thread. */
  prepare(records: ConnectionRecord[]): PreparedConnection[] {
    const out = new Array<PreparedConnection>(records.length);
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      const ids = identitiesOfConnection(r);
      out[i] = { r, ids, verdict: this.joiner.verdict(r, ids) };
    }
    return out;
  }

  /** The rows prepared, as the JSON text that `decodePreparedRows` reads on the writing thread. */
  encode(records: ConnectionRecord[]): string {
    const out = new Array<WireRow>(records.length);
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      const ids = identitiesOfConnection(r);
      const v = this.joiner.verdict(r, ids);
      const verdict: WireRow[14] = 'join' in v ? [v.join.sameAs, v.join.why] : v.rowKey ? v.key : 0;
      out[i] = [r.line, r.firstName, r.lastName, r.fullName, r.emails, r.profileUrls, r.phones, r.company, r.position, r.connectedOn, ids.emails, ids.urls, ids.phones, ids.nameKey, verdict];
    }
    return JSON.stringify(out);
  }
}

/** A batch that `ConnectionPreparer.encode` wrote (parsed from its JSON), as the rows `prepare` would have given. */
export function decodePreparedRows(parsed: unknown[]): PreparedConnection[] {
  const rows = parsed as WireRow[];
  const out = new Array<PreparedConnection>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const w = rows[i];
    const r: ConnectionRecord = {
      line: w[0],
      firstName: w[1],
      lastName: w[2],
      fullName: w[3],
      emails: w[4],
      profileUrls: w[5],
      phones: w[6],
      company: w[7],
      position: w[8],
      connectedOn: w[9],
    };
    const ids: NormalisedIdentities = { emails: w[10], urls: w[11], phones: w[12], nameKey: w[13] };
    const v = w[14];
    const verdict: PreparedVerdict =
      v === 0 ? { key: firstStrongKey(ids)!, rowKey: false } : typeof v === 'string' ? { key: v, rowKey: true } : { join: { line: r.line, sameAs: v[0], why: v[1] } };
    out[i] = { r, ids, verdict };
  }
  return out;
}
