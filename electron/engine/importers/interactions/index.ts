// Entry point for interaction files: detects the format and streams records from the matching parser.
import type { InteractionRecord } from '../../../../shared/domain/records';
import { ImportError } from '../importError';
import { detectEncoding } from '../text';
import { toByteSource, type ByteSource } from '../text/byteSource';
import { streamCallsCsv } from './callsCsv';
import { streamCallsXml } from './callsXml';
import { columnKey } from './csvSource';
import { streamFacebookMessages } from './facebookMessages';
import { streamFacebookRequests } from './facebookRequests';
import { streamIcs } from './ics';
import type { InteractionFileInfo, InteractionFormat, InteractionParseOptions } from './interactionFile';
import { streamInteractionsCsv } from './interactionsCsv';
import { streamLinkedinInvitations } from './linkedinInvitations';
import { streamLinkedinMessages } from './linkedinMessages';
import { streamMbox } from './mbox';

export type { InteractionFileInfo, InteractionFormat, InteractionParseOptions, InvitationRecord, OwnerHint } from './interactionFile';

const HEAD_BYTES = 64 * 1024;

function headText(head: Buffer): string {
  const guess = detectEncoding(head, head.length < HEAD_BYTES);
  const text = new TextDecoder(guess.encoding === 'windows-1252' ? 'windows-1252' : guess.encoding).decode(head.subarray(guess.bomLength));
  return text.replace(/^\uFEFF/, '');
}

function headerCells(text: string): string[] {
  const first = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  const delimiter = [',', ';', '\t'].sort((a, b) => first.split(b).length - first.split(a).length)[0];
  return first.split(delimiter).map((c) => columnKey(c.replace(/^"|"$/g, '')));
}

/** The format of an interaction file from its name and first bytes (64 KiB are plenty), or null. */
export function detectInteractionFormat(fileName: string, head: Buffer): InteractionFormat | null {
  const name = fileName.toLowerCase();
  const text = headText(head);
  const start = text.trimStart();
  if (start.startsWith('From ')) return 'mbox';
  if (/^BEGIN:VCALENDAR/i.test(start)) return 'ics';
  if (start.startsWith('<')) return /<calls[\s>/]|<call\s/.test(start) ? 'calls-xml' : null;
  if (start.startsWith('{') && /"received_requests(?:_v2)?"\s*:/.test(start)) return 'facebook-requests';
  if (start.startsWith('{')) return /"participants"\s*:/.test(start) && /"messages"\s*:/.test(start) ? 'facebook-messages' : null;
  if (/\.(?:mbox|mbx)$/.test(name)) return 'mbox';
  if (/\.(?:ics|ical|ifb)$/.test(name)) return 'ics';
  const cells = new Set(headerCells(start));
  const has = (...names: string[]): boolean => names.some((n) => cells.has(n));
  if (has('conversation id') || (has('from') && has('to') && has('content') && has('date'))) return 'linkedin-messages';
  if (has('sent at') && has('direction') && has('from') && has('to')) return 'linkedin-invitations';
  const callish = has('call type', 'duration', 'duration (s)', 'call duration') && has('number', 'phone', 'phone number', 'caller id');
  if (callish && !has('kind', 'interaction', 'interaction type', 'email')) return 'calls';
  if (/\.(?:csv|tsv|txt)$/.test(name) && cells.size > 1) return 'csv';
  return null;
}

const READERS: Record<InteractionFormat, typeof streamMbox> = {
  mbox: streamMbox,
  ics: streamIcs,
  'linkedin-messages': streamLinkedinMessages,
  'linkedin-invitations': streamLinkedinInvitations,
  calls: streamCallsCsv,
  'calls-xml': streamCallsXml,
  csv: streamInteractionsCsv,
  'facebook-messages': streamFacebookMessages,
  'facebook-requests': streamFacebookRequests,
};

/**
 * Streams an interaction file (a path, or an archive entry as a ByteSource), handing records on in batches of ~1,000. Throws ImportError (file
 * and line) for a file that cannot be read; a cancelled `signal` rejects with its reason.
 */
export async function streamInteractionFile(
  input: string | ByteSource,
  opts: InteractionParseOptions,
  onBatch: (records: InteractionRecord[]) => void,
  onProgress?: (bytesRead: number, totalBytes: number, records: number) => void,
): Promise<InteractionFileInfo> {
  const source = toByteSource(input);
  const path = source.name;
  let format: InteractionFormat | null = opts.format && opts.format !== 'auto' ? opts.format : null;
  // Errors thrown by the caller's own callbacks (a database write, a cancel) pass through untouched.
  const theirs = new WeakSet<object>();
  const relay =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A): void => {
      try {
        fn(...args);
      } catch (error) {
        if (typeof error === 'object' && error !== null) theirs.add(error);
        throw error;
      }
    };
  const batchSink = relay(onBatch);
  const progressSink = onProgress ? relay(onProgress) : undefined;
  try {
    if (!format) {
      const head = await source.head(HEAD_BYTES);
      if (head.length === 0) throw new ImportError(path, null, 'the file is empty');
      format = detectInteractionFormat(path, head);
      if (!format) {
        throw new ImportError(path, 1, 'not a known interaction file (mbox, .ics, LinkedIn messages.csv or Invitations.csv, call log, CSV of interactions): name its format with --format');
      }
    }
    const reader = READERS[format];
    if (!reader) throw new ImportError(path, null, `unknown format "${format}"`);
    return await reader(source, opts, batchSink, progressSink);
  } catch (error) {
    if (opts.signal?.aborted) throw opts.signal.reason ?? error;
    if (error instanceof ImportError || (typeof error === 'object' && error !== null && theirs.has(error))) throw error;
    throw ImportError.wrap(path, error);
  }
}
