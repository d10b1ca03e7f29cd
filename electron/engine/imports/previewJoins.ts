// The rows of a connection file that an import would join to an earlier row, found before anything is written.
import type { ConnectionParseOptions } from '../importers/connections';
import { streamConnectionFile } from '../importers/connections';
import { ImportError } from '../importers/importError';
import { identitiesOfConnection } from '../store/identityKeys';
import { FileRowJoiner, type FileJoin } from './fileRowJoiner';

/** Joined rows listed in a preview; the count covers all of them. */
const JOINS_SHOWN = 200;

export interface PreviewJoins {
  joined: number;
  joins: FileJoin[];
}

/**
 * Reads the whole file (streamed, as the import reads it) with the import's own duplicate rule,
 * so the person sees every join and what made it (a shared e-mail, every field equal) and can
 * catch a wrong one before importing. The preview's other parts read only the head of the file.
 */
export async function findFileJoins(path: string, opts: ConnectionParseOptions): Promise<PreviewJoins | Record<string, never>> {
  const joiner = new FileRowJoiner();
  const joins: FileJoin[] = [];
  try {
    await streamConnectionFile(path, opts, (records) => {
      for (const r of records) {
        const verdict = joiner.verdict(r, identitiesOfConnection(r));
        if ('join' in verdict && joins.length < JOINS_SHOWN) joins.push(verdict.join);
      }
    });
  } catch (error) {
    // A file the import cannot read yet (columns still to map) or at all (an error further down,
    // which the import reports with its line): the preview shows what it could read, without joins.
    if (error instanceof ImportError) return {};
    throw error;
  }
  return { joined: joiner.joined, joins };
}
