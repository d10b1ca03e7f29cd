// Reader of Facebook Messenger exports (messages/inbox/<thread>/message_N.json): messages and calls.
import { createHash } from 'node:crypto';
import type { InteractionRecord, ParticipantRecord } from '../../../../shared/domain/records';
import { ImportError } from '../importError';
import { readAllBytes, type ByteSource } from '../text/byteSource';
import { RecordBatcher, type BatchSink, type InteractionFileInfo, type InteractionParseOptions, type OwnerHint, type ProgressSink } from './interactionFile';

const MOJIBAKE = /[\u0080-\u00ff]/;
const ABOVE_LATIN1 = /[^\u0000-\u00ff]/;

/** Facebook writes each UTF-8 byte as its own `\u00XX`: read the code points back as bytes. */
export function repairFacebookText(s: string): string {
  if (!MOJIBAKE.test(s) || ABOVE_LATIN1.test(s)) return s;
  const fixed = Buffer.from(s, 'latin1').toString('utf8');
  return fixed.includes('\uFFFD') ? s : fixed;
}

interface FbMessage {
  sender_name?: unknown;
  timestamp_ms?: unknown;
  content?: unknown;
  call_duration?: unknown;
  type?: unknown;
  is_unsent?: unknown;
}

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function str(v: unknown): string {
  return typeof v === 'string' ? repairFacebookText(v).trim() : '';
}

export async function streamFacebookMessages(
  source: ByteSource,
  opts: InteractionParseOptions,
  onBatch: BatchSink,
  onProgress?: ProgressSink,
): Promise<InteractionFileInfo> {
  const path = source.name;
  const total = await source.size();
  if (total === 0) throw new ImportError(path, null, 'the file is empty');
  const bytes = await readAllBytes(source, 512 * 1024 * 1024, () => 'the file is too large for a Messenger thread');
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  let data: { participants?: unknown; messages?: unknown; title?: unknown; thread_path?: unknown };
  try {
    data = JSON.parse(text);
  } catch (error) {
    const msg = error instanceof Error ? error.message : String(error);
    const pos = /position (\d+)/.exec(msg);
    const line = /line (\d+)/.exec(msg);
    throw new ImportError(path, line ? Number(line[1]) : pos ? lineAt(text, Number(pos[1])) : 1, 'not valid JSON (truncated?)');
  }
  if (!data || typeof data !== 'object' || !Array.isArray(data.messages) || !Array.isArray(data.participants)) {
    throw new ImportError(path, 1, 'not a Messenger thread: no "participants" and "messages" lists');
  }
  const batcher = new RecordBatcher(onBatch);
  const people = (data.participants as { name?: unknown }[]).map((p) => str(p?.name)).filter(Boolean);
  const title = str(data.title);
  const threadId =
    typeof data.thread_path === 'string' && data.thread_path
      ? data.thread_path
      : createHash('sha1').update(`${title}|${[...people].sort().join(',')}`).digest('hex').slice(0, 20);
  (data.messages as FbMessage[]).forEach((m, i) => {
    if (i % 1000 === 0) opts.signal?.throwIfAborted();
    const at = i + 1;
    if (!m || typeof m !== 'object') return batcher.skip(at, 'not a message');
    if (m.is_unsent === true) return batcher.skip(at, 'unsent message');
    const ms = typeof m.timestamp_ms === 'number' ? m.timestamp_ms : Number(m.timestamp_ms);
    if (!Number.isFinite(ms) || ms <= 0 || ms > 8.64e15) return batcher.skip(at, 'no timestamp');
    const sender = str(m.sender_name);
    const participants: ParticipantRecord[] = [];
    if (sender) participants.push({ role: 'from', name: sender, isSender: true });
    for (const p of people) if (p !== sender) participants.push({ role: 'to', name: p, isSender: false });
    if (participants.length === 0) return batcher.skip(at, 'no sender or participants');
    const occurredAt = new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const isCall = m.type === 'Call' || typeof m.call_duration === 'number';
    const content = typeof m.content === 'string' ? m.content : '';
    const record: InteractionRecord = {
      line: at,
      sourceKey: `fb:${threadId}|${ms}|${sender}|${createHash('sha1').update(content).digest('hex').slice(0, 12)}`,
      kind: isCall ? 'call' : 'message',
      occurredAt,
      threadKey: `fb:${threadId}`,
      participants,
    };
    if (isCall) {
      const duration = typeof m.call_duration === 'number' ? Math.max(0, Math.round(m.call_duration)) : 0;
      record.durationSec = duration;
      record.connected = duration > 0;
    }
    if (title) record.subject = title;
    batcher.push(record);
  });
  onProgress?.(total, total, batcher.count);
  // In a two-person thread Facebook titles the thread with the other person's name.
  const hints: OwnerHint[] = [];
  if (people.length === 2 && title && people.includes(title)) {
    const owner = people.find((p) => p !== title)!;
    hints.push({ kind: 'name', value: owner, evidence: `the participant of "${title}" that is not its title` });
  }
  return batcher.finish('facebook-messages', hints);
}
