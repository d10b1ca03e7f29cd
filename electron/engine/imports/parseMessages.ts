// The messages between an import and the worker thread that parses its file (parseBesideWrites.ts ↔ parseWorker.ts).
import type { ConnectionParseOptions, StreamedConnections } from '../importers/connections';
import type { InteractionFileInfo, InteractionParseOptions } from '../importers/interactions';
import type { EntryLocator } from '../importers/text/byteSource';
import type { EncodedInteractions } from './interactionBatch';

/** The file to parse: on disk by its path, or an archive entry the worker reopens by its locator. `entry` is the tsx boot's module. */
export type ParseRequest = { path: string | null; locator: EntryLocator | null; entry?: string; credit: SharedArrayBuffer; maxInFlight: number } & (
  | { kind: 'connections'; opts: ConnectionParseOptions }
  | { kind: 'interactions'; opts: Omit<InteractionParseOptions, 'signal'> }
);

/** Slots of the shared credit array: batches posted and not yet written, and the main thread's "stop". */
export const IN_FLIGHT = 0;
export const STOP = 1;

export type ParseMessage =
  /** A batch of connections, as ConnectionPreparer.encode writes them (preparedConnections.ts). */
  | { type: 'batch'; json: string }
  /** A batch of InteractionRecord, encoded for the writer (interactionBatch.ts), its buffers transferred. */
  | { type: 'interactions'; batch: EncodedInteractions }
  | { type: 'progress'; bytes: number; totalBytes: number; rows: number }
  | { type: 'done'; info: StreamedConnections | InteractionFileInfo }
  /** `entry` is set when an archive reader refused the entry (an ArchiveError), as its message names it. */
  | { type: 'failed'; file: string | null; entry?: string | null; line: number | null; reason: string };
