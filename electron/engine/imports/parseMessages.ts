// The messages between an import and the worker thread that parses its file (parseBesideWrites.ts ↔ parseWorker.ts).
import type { ConnectionParseOptions, StreamedConnections } from '../importers/connections';
import type { InteractionFileInfo, InteractionParseOptions } from '../importers/interactions';
import type { EntryLocator } from '../importers/text/byteSource';
import type { EncodedInteractions } from './interactionBatch';

/**
 * What a parse worker starts with (its workerData): the kind of file it will parse, so that it loads
 * that parser while the import prepares, and the back-pressure slots. `entry` is the tsx boot's module.
 */
export interface ParseWorkerData {
  kind: 'connections' | 'interactions';
  credit: SharedArrayBuffer;
  maxInFlight: number;
  entry?: string;
}

/** The file to parse, posted once the import knows its options: on disk by its path, or an archive entry the worker reopens by its locator. */
export type ParseJob = { path: string | null; locator: EntryLocator | null } & (
  | { kind: 'connections'; opts: ConnectionParseOptions }
  | { kind: 'interactions'; opts: Omit<InteractionParseOptions, 'signal'> }
);

/** Slots of the shared credit array: batches posted and not yet written, and the main thread's "stop". */
export const IN_FLIGHT = 0;
export const STOP = 1;

export type ParseMessage =
  /** A batch of connections, the JSON that ConnectionPreparer.encode writes (preparedConnections.ts) in UTF-8, its buffer transferred. */
  | { type: 'batch'; json: Uint8Array }
  /** A batch of InteractionRecord, encoded for the writer (interactionBatch.ts), its buffers transferred. */
  | { type: 'interactions'; batch: EncodedInteractions }
  | { type: 'progress'; bytes: number; totalBytes: number; rows: number }
  | { type: 'done'; info: StreamedConnections | InteractionFileInfo }
  /** `entry` is set when an archive reader refused the entry (an ArchiveError), as its message names it. */
  | { type: 'failed'; file: string | null; entry?: string | null; line: number | null; reason: string };
