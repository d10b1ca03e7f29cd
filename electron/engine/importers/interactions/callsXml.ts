// Streaming reader of Android "SMS Backup & Restore" call logs (calls-*.xml): one call record per <call/>.
import { parseInstant } from '../../../../shared/parse/dates';
import { ImportError } from '../importError';
import type { ByteSource } from '../text/byteSource';
import { buildCallRecord, parseCallType, parseDuration, presentValue } from './callRecord';
import { RecordBatcher, type BatchSink, type InteractionFileInfo, type InteractionParseOptions, type ProgressSink } from './interactionFile';

const LT = 0x3c;
const GT = 0x3e;
const MAX_TAG = 1 << 20;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, dec: string, hex: string, name: string) => {
    if (name) return NAMED[name];
    const code = dec ? Number(dec) : parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

export function readAttributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(tag); m; m = ATTRIBUTE.exec(tag)) out[m[1]] = decodeXmlEntities(m[2] ?? m[3] ?? '');
  return out;
}

/** Where the tag that opens at `lt` ends (index of its `>`), honouring quotes and comments; -1 if not in `buf`. */
function tagEnd(buf: Buffer, lt: number): number {
  if (buf[lt + 1] === 0x21 && buf[lt + 2] === 0x2d && buf[lt + 3] === 0x2d) {
    const close = buf.indexOf('-->', lt + 4);
    return close < 0 ? -1 : close + 2;
  }
  let quote = 0;
  for (let i = lt + 1; i < buf.length; i++) {
    const b = buf[i];
    if (quote) {
      if (b === quote) quote = 0;
    } else if (b === 0x22 || b === 0x27) quote = b;
    else if (b === GT) return i;
  }
  return -1;
}

function countLines(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = buf.indexOf(10, from); i !== -1 && i < to; i = buf.indexOf(10, i + 1)) n++;
  return n;
}

class CallsXmlReader {
  line = 1;
  started = false;
  rootOpen = false;
  rootClosed = false;
  declaredCount: number | null = null;
  calls = 0;

  constructor(
    private readonly file: string,
    private readonly batcher: RecordBatcher,
  ) {}

  /** Reads every complete tag in `buf`; returns where an unfinished tag starts (or buf.length). */
  scan(buf: Buffer): number {
    let pos = 0;
    if (!this.started) {
      while (pos < buf.length && (buf[pos] === 0x20 || buf[pos] === 9 || buf[pos] === 10 || buf[pos] === 13)) {
        if (buf[pos] === 10) this.line++;
        pos++;
      }
      if (buf[pos] === 0xef && buf[pos + 1] === 0xbb && buf[pos + 2] === 0xbf) pos += 3;
      if (pos >= buf.length) return buf.length;
      if (buf[pos] !== LT) throw new ImportError(this.file, this.line, 'not an XML call log: it does not start with "<"');
      this.started = true;
    }
    for (;;) {
      const lt = buf.indexOf(LT, pos);
      if (lt < 0) {
        this.line += countLines(buf, pos, buf.length);
        return buf.length;
      }
      this.line += countLines(buf, pos, lt);
      const gt = tagEnd(buf, lt);
      if (gt < 0) return lt;
      this.tag(buf.toString('utf8', lt + 1, gt));
      this.line += countLines(buf, lt, gt);
      pos = gt + 1;
    }
  }

  private tag(tag: string): void {
    if (tag.startsWith('?') || tag.startsWith('!')) return;
    const name = /^\/?[\w:.-]+/.exec(tag)?.[0].toLowerCase() ?? '';
    if (name === 'calls') {
      if (this.rootOpen || this.rootClosed) throw new ImportError(this.file, this.line, 'a second <calls> element');
      this.rootOpen = !tag.endsWith('/');
      this.rootClosed = !this.rootOpen;
      const count = Number(readAttributes(tag).count);
      if (Number.isInteger(count)) this.declaredCount = count;
    } else if (name === '/calls') {
      this.rootOpen = false;
      this.rootClosed = true;
    } else if (name === 'call') {
      if (!this.rootOpen) throw new ImportError(this.file, this.line, '<call> outside a <calls> element: not an SMS Backup & Restore call log');
      this.call(readAttributes(tag));
    } else if (!this.rootOpen && !this.rootClosed && name && !name.startsWith('/')) {
      throw new ImportError(this.file, this.line, `not a call log: the first element is <${name}>, not <calls>`);
    }
  }

  private call(a: Record<string, string>): void {
    this.calls++;
    const occurredAt = parseInstant(a.date ?? '') ?? parseInstant(a.readable_date ?? '');
    if (!occurredAt) return this.batcher.skip(this.line, `unreadable date "${(a.date ?? '').slice(0, 30)}"`);
    const phone = presentValue(a.number);
    const name = presentValue(a.contact_name);
    if (!phone && !name) return this.batcher.skip(this.line, 'no number or name');
    const durationSec = a.duration !== undefined ? parseDuration(a.duration) : null;
    this.batcher.push(buildCallRecord({ line: this.line, occurredAt, type: parseCallType(a.type ?? ''), durationSec, name, phone }));
  }
}

export async function streamCallsXml(
  source: ByteSource,
  opts: InteractionParseOptions,
  onBatch: BatchSink,
  onProgress?: ProgressSink,
): Promise<InteractionFileInfo> {
  const path = source.name;
  const total = await source.size();
  if (total === 0) throw new ImportError(path, null, 'the file is empty');
  const batcher = new RecordBatcher(onBatch);
  const reader = new CallsXmlReader(path, batcher);
  let carry: Buffer | null = null;
  let bytesRead = 0;
  for await (const chunk of source.chunks()) {
    opts.signal?.throwIfAborted();
    bytesRead += chunk.length;
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    const rest = reader.scan(buf);
    carry = rest < buf.length ? Buffer.from(buf.subarray(rest)) : null;
    if (carry && carry.length > MAX_TAG) throw new ImportError(path, reader.line, 'a tag longer than 1 MiB: not a call log');
    onProgress?.(bytesRead, total, batcher.count);
  }
  if (carry) throw new ImportError(path, reader.line, 'the file ends inside a tag (truncated?)');
  if (!reader.started) throw new ImportError(path, null, 'the file holds only blank space');
  if (!reader.rootClosed) {
    throw new ImportError(path, reader.line, reader.rootOpen ? 'the file ends before </calls> (truncated?)' : 'no <calls> element: not a call log');
  }
  if (reader.declaredCount !== null && reader.declaredCount !== reader.calls) {
    batcher.warn(`the file says it holds ${reader.declaredCount} calls but ${reader.calls} were found`);
  }
  return batcher.finish('calls-xml');
}
