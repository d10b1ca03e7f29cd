// The rows of a connection file that an import would join to an earlier row, found before anything is written.
import type { ConnectionParseOptions } from '../importers/connections';
import type { ByteSource } from '../importers/text/byteSource';
import { streamConnectionFile } from '../importers/connections';
import { ImportError } from '../importers/importError';
import { identitiesOfConnection } from '../store/identityKeys';
import { FileRowJoiner, type FileJoin } from './fileRowJoiner';

/** Joined rows listed in a preview; the count covers all of them. */
const JOINS_SHOWN = 200;
/**
 * The preview reads this much of a file for joins (about 150,000 LinkedIn rows: more than any
 * person's export) so that it stays quick; beyond it the import's summary lists them.
 */
const JOINS_SCAN_BYTES = 16 * 1024 * 1024;

export interface PreviewJoins {
  joined: number;
  joins: FileJoin[];
  /** False when only the first JOINS_SCAN_BYTES of the file were read for joins. */
  joinsComplete: boolean;
}

/**
 * Reads the whole file (streamed, as the import reads it) with the import's own duplicate rule,
 * so the person sees every join and what made it (a shared e-mail, every field equal) and can
 * catch a wrong one before importing. The preview's other parts read only the head of the file.
 */
export async function findFileJoins(file: string | ByteSource, opts: ConnectionParseOptions): Promise<PreviewJoins | Record<string, never>> {
  const joiner = new FileRowJoiner();
  const joins: FileJoin[] = [];
  let bytes = 0;
  let stopped = false;
  try {
    await streamConnectionFile(
      file,
      opts,
      (records) => {
        for (const r of records) {
          const verdict = joiner.verdict(r, identitiesOfConnection(r));
          if ('join' in verdict && joins.length < JOINS_SHOWN) joins.push(verdict.join);
        }
        if (bytes > JOINS_SCAN_BYTES) {
          stopped = true;
          throw new Error('enough of the file was read for the preview');
        }
      },
      (bytesRead) => (bytes = bytesRead),
    );
  } catch (error) {
    if (stopped) return { joined: joiner.joined, joins, joinsComplete: false };
    // A file the import cannot read yet (columns still to map) or at all (an error further down,
    // which the import reports with its line): the preview shows what it could read, without joins.
    if (error instanceof ImportError) return {};
    throw error;
  }
  return { joined: joiner.joined, joins, joinsComplete: true };
}
