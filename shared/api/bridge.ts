// The object the Electron preload exposes as `window.tiecheck`: three functions, nothing else.
import type { Envelope } from './contract';

export interface TiecheckBridge {
  invoke(channel: string, request: unknown): Promise<Envelope<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  /** Takes a DOM File (typed loosely here: shared/ has no DOM) and returns the engine's file reference. */
  stageFile(file: unknown): Promise<string>;
}
