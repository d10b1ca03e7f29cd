// What an import knows of each connection row before it touches the database: its normalised
// identities and its verdict (an earlier row of the file again, or the key it is stored under).
// Both follow from the file alone, so a file parsed in the worker thread is prepared there too,
// and the thread that writes only writes.
import type { ConnectionRecord } from '../../../shared/domain/records';
import { identitiesOfConnection, type NormalisedIdentities } from '../store/identityKeys';
import { FileRowJoiner, type FileJoin } from './fileRowJoiner';

/** A row's verdict as the writing thread needs it (its other strong keys follow from `ids`: see `strongKeysOf`). */
export type PreparedVerdict = { join: FileJoin } | { key: string; rowKey: boolean };

export interface PreparedConnection {
  /** The row, without `rawRow` (only the file's own duplicate check reads it). */
  r: ConnectionRecord;
  ids: NormalisedIdentities;
  verdict: PreparedVerdict;
}

/** Prepares one file's rows in order (the joiner remembers the rows before). */
export class ConnectionPreparer {
  private readonly joiner = new FileRowJoiner();

  prepare(records: ConnectionRecord[]): PreparedConnection[] {
    const out = new Array<PreparedConnection>(records.length);
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      const ids = identitiesOfConnection(r);
      const v = this.joiner.verdict(r, ids);
      // Undefined, not deleted: the record keeps its shape, and JSON leaves the field out.
      if (r.rawRow !== undefined) r.rawRow = undefined;
      out[i] = { r, ids, verdict: 'join' in v ? { join: v.join } : { key: v.key, rowKey: v.rowKey } };
    }
    return out;
  }
}
