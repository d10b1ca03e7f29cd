// Reader of Facebook's received friend requests (connections/friends/received_friend_requests.json):
// invitations waiting at the gate, like LinkedIn's incoming ones. Not interactions, so no records.
import { ImportError } from '../importError';
import { readAllBytes, type ByteSource } from '../text/byteSource';
import { repairFacebookText } from './facebookMessages';
import { RecordBatcher, type BatchSink, type InteractionFileInfo, type InteractionParseOptions, type InvitationRecord, type ProgressSink } from './interactionFile';

/** `received_requests_v2` (2024–) and `received_requests` (older downloads). */
const LIST_KEYS = ['received_requests_v2', 'received_requests'];

function lineOf(text: string, position: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Seconds (or, in some files, milliseconds) since 1970 → the UTC instant, or null. */
function instantOf(timestamp: unknown): string | null {
  const n = typeof timestamp === 'string' && /^\d+$/.test(timestamp) ? Number(timestamp) : timestamp;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return null;
  const date = new Date(n > 1e11 ? n : n * 1000);
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999) return null;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export async function streamFacebookRequests(source: ByteSource, _opts: InteractionParseOptions, onBatch: BatchSink, onProgress?: ProgressSink): Promise<InteractionFileInfo> {
  const path = source.name;
  const total = await source.size();
  if (total === 0) throw new ImportError(path, null, 'the file is empty');
  const bytes = await readAllBytes(source, 64 * 1024 * 1024, () => 'the file is too large for a list of friend requests');
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const msg = error instanceof Error ? error.message : String(error);
    const pos = /position (\d+)/.exec(msg);
    throw new ImportError(path, pos ? lineOf(text, Number(pos[1])) : 1, 'not valid JSON (truncated?)');
  }
  const o = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const key = LIST_KEYS.find((k) => Array.isArray(o[k]));
  if (!key) throw new ImportError(path, 1, 'not a Facebook received_friend_requests.json: no "received_requests_v2" list');
  // Entries are reported by their number in the list, and by line when each sits on its own.
  const nameAt: number[] = [];
  for (let m, re = /"name"\s*:/g; (m = re.exec(text)); ) nameAt.push(m.index);
  const entries = o[key] as unknown[];
  const exact = nameAt.length === entries.length;
  const batcher = new RecordBatcher(onBatch);
  const invitations: InvitationRecord[] = [];
  entries.forEach((item, i) => {
    const line = exact ? lineOf(text, nameAt[i]) : i + 1;
    const entry = item && typeof item === 'object' ? (item as Record<string, unknown>) : {};
    const name = typeof entry.name === 'string' ? repairFacebookText(entry.name).replace(/\s+/g, ' ').trim() : '';
    if (!name) return batcher.skip(line, 'no name (a deleted account)');
    invitations.push({ name, direction: 'incoming', sentAt: instantOf(entry.timestamp), network: 'facebook' });
  });
  if (!exact && entries.length > 0) batcher.warn('line numbers are entry numbers: the entries could not be located in the file');
  onProgress?.(total, total, 0);
  return { ...batcher.finish('facebook-requests'), invitations };
}
