// Streaming reader of mbox mail archives (Gmail Takeout, Thunderbird, Unix mbox): headers only, bodies skipped.
import { ImportError } from '../importError';
import type { ByteSource } from '../text/byteSource';
import { IdentityTally, RecordBatcher, type BatchSink, type InteractionFileInfo, type InteractionParseOptions, type OwnerHint, type ProgressSink } from './interactionFile';
import { AddressListCache, isRobotAddress } from './mailAddresses';
import { headerText, isSpace, trimmedHeaderValue } from './mailHeaderText';
import { buildMailRecord, DELIVERED_TO, newMailHeaders, WANTED_HEADERS, type MailHeaders } from './mailMessage';
import { MailThreads } from './mailThreads';

/** A body line longer than this is cut in the carry-over: only its first bytes decide anything. */
const BODY_CARRY = 512;
/** Headers past this size without a blank line are taken as the start of a body. */
const HEADER_LIMIT = 1 << 20;
/** What is kept of a `From ` separator line: its date, if ever needed, is within the first few dozen bytes. */
const ENVELOPE_BYTES = 300;
/** Distinct senders counted for the owner hint of a file without Delivered-To. */
const SENDERS_KEPT = 20_000;

type Mode = 'start' | 'headers' | 'body';

/** Wanted header names (lower case) as bytes, by slot. */
const WANTED_BYTES = WANTED_HEADERS.map((name) => Buffer.from(name, 'latin1'));
const NAME_KEY_LENGTHS = 32;
/**
 * The slot + 1 of the one wanted header with a given length and (lower-case ASCII) first letter, 0
 * for none: no two wanted names share both, so a header line's name is matched by one lookup and
 * one comparison, and most unwanted names (Received, Content-Type, …) by the lookup alone.
 */
const SLOT_BY_KEY = new Uint8Array(NAME_KEY_LENGTHS * 128);
WANTED_BYTES.forEach((bytes, slot) => {
  const key = bytes.length * 128 + bytes[0];
  if (SLOT_BY_KEY[key] !== 0) throw new Error(`wanted headers share a length and a first letter: ${WANTED_HEADERS[slot]}`);
  SLOT_BY_KEY[key] = slot + 1;
});

/** The slot (in WANTED_HEADERS) of the wanted header named by `buf[s, e)` in any letter case, or -1. */
function wantedSlot(buf: Buffer, s: number, e: number): number {
  const length = e - s;
  const first = buf[s] | 0x20;
  if (length >= NAME_KEY_LENGTHS || first >= 128) return -1;
  const slot = SLOT_BY_KEY[length * 128 + first] - 1;
  if (slot === -1) return -1;
  const bytes = WANTED_BYTES[slot];
  for (let i = 1; i < length; i++) {
    const c = buf[s + i];
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== bytes[i]) return -1;
  }
  return slot;
}

class MboxScanner {
  mode: Mode = 'start';
  lineNo = 0;
  messages = 0;
  private prevBlank = true;
  /**
   * The `From ` line's first 300 bytes, read as text only for a message whose Date does not do:
   * where they lie in the chunk being scanned, copied to `envelopeCopy` before the chunk is reused.
   */
  private envelopeIn: Buffer = Buffer.alloc(0);
  private envelopeStart = 0;
  private envelopeEnd = 0;
  private readonly envelopeCopy = Buffer.alloc(ENVELOPE_BYTES);
  private readonly envelope = (): string => this.envelopeIn.toString('latin1', this.envelopeStart, this.envelopeEnd);
  private messageLine = 0;
  /** Reused from message to message: buildMailRecord keeps nothing of it. */
  private readonly headers: MailHeaders = newMailHeaders();
  private headerBytes = 0;
  /** The slot of a wanted header whose value may go on in folded lines, else -1. */
  private currentSlot = -1;
  private currentValue = '';
  private readonly addresses = new AddressListCache();
  private readonly threads = new MailThreads();
  readonly deliveredTo = new IdentityTally();
  /** Bounded: a sent-mail folder's owner is among its first few thousand senders. */
  private senders: IdentityTally | null = new IdentityTally(SENDERS_KEPT);

  constructor(
    private readonly file: string,
    private readonly batcher: RecordBatcher,
  ) {}

  /** Scans the complete lines of `buf`; returns where the unfinished last line starts. */
  scan(buf: Buffer, from = 0): number {
    let pos = from;
    const last = buf.length - 1;
    for (let nl = buf.indexOf(10, pos); nl !== -1; nl = buf.indexOf(10, pos)) {
      const e = nl > pos && buf[nl - 1] === 13 ? nl - 1 : nl;
      if (this.mode === 'body') {
        // Most lines are body lines: only a `From ` after a blank line matters (line() inlined).
        this.lineNo++;
        if (this.prevBlank && e - pos >= 5 && buf[pos] === 70 && buf[pos + 1] === 114 && buf[pos + 2] === 111 && buf[pos + 3] === 109 && buf[pos + 4] === 32) {
          this.startMessage(buf, pos, e);
        } else this.prevBlank = e === pos;
      } else this.line(buf, pos, e, nl < last ? nl + 1 : -1);
      pos = nl + 1;
    }
    return pos;
  }

  /** What to keep of an unfinished line until the next chunk arrives. */
  carry(buf: Buffer, from: number): Buffer | null {
    if (from >= buf.length) return null;
    let end = buf.length;
    if (this.mode === 'body' && end - from > BODY_CARRY) end = from + BODY_CARRY;
    if (this.mode === 'headers' && this.headerBytes + end - from > HEADER_LIMIT) {
      this.endHeaders();
      this.mode = 'body';
      this.prevBlank = false;
      end = Math.min(end, from + BODY_CARRY);
    }
    return Buffer.from(buf.subarray(from, end));
  }

  /** One line `buf[s, e)` (without its line end); `next` is where the following line starts in `buf`, or -1 when not there yet. */
  line(buf: Buffer, s: number, e: number, next = -1): void {
    this.lineNo++;
    const len = e - s;
    if (this.mode !== 'headers') {
      if (
        this.prevBlank && len >= 5 &&
        buf[s] === 70 && buf[s + 1] === 114 && buf[s + 2] === 111 && buf[s + 3] === 109 && buf[s + 4] === 32
      ) {
        this.startMessage(buf, s, e);
        return;
      }
      if (this.mode === 'start' && len > 0 && !(len === 1 && buf[s] === 13)) {
        throw new ImportError(this.file, this.lineNo, 'not an mbox file: the first line does not start with "From "');
      }
      this.prevBlank = len === 0;
      return;
    }
    if (len === 0) {
      this.endHeaders();
      this.mode = 'body';
      this.prevBlank = true;
      return;
    }
    this.headerBytes += len;
    const first = buf[s];
    if (first === 32 || first === 9) {
      if (this.currentSlot !== -1) this.currentValue += buf.toString('latin1', s, e);
      return;
    }
    // The name runs to the first colon; blanks may end it, but a blank inside it means this is no header.
    let colon = s;
    let blankFrom = -1;
    for (; colon < e; colon++) {
      const c = buf[colon];
      if (c === 58) break;
      if (isSpace(c)) {
        if (blankFrom === -1) blankFrom = colon;
      } else if (blankFrom !== -1) return this.headerlessBody();
    }
    if (colon === e || colon === s) return this.headerlessBody();
    const nameEnd = blankFrom === -1 ? colon : blankFrom;
    this.commitHeader();
    const slot = wantedSlot(buf, s, nameEnd);
    // The first of a repeated header counts: a later one is not even read.
    if (slot === -1 || this.headers[slot] !== undefined) return;
    if (next !== -1 && buf[next] !== 32 && buf[next] !== 9) {
      // The next line is here and does not fold this value on: it is whole, read it from the bytes.
      this.headers[slot] = trimmedHeaderValue(buf, colon + 1, e);
      return;
    }
    this.currentSlot = slot;
    // Leading blanks are what trim() would drop at commit; most values then need no trim at all.
    let from = colon + 1;
    while (from < e && (buf[from] === 32 || buf[from] === 9)) from++;
    this.currentValue = buf.toString('latin1', from, e);
  }

  private headerlessBody(): void {
    this.endHeaders();
    this.mode = 'body';
    this.prevBlank = false;
  }

  private startMessage(buf: Buffer, s: number, e: number): void {
    this.envelopeIn = buf;
    this.envelopeStart = s;
    this.envelopeEnd = Math.min(e, s + ENVELOPE_BYTES);
    this.messageLine = this.lineNo;
    this.headerBytes = 0;
    this.currentSlot = -1;
    this.mode = 'headers';
    this.prevBlank = false;
    this.messages++;
  }

  private commitHeader(): void {
    if (this.currentSlot === -1) return;
    const v = this.currentValue;
    const untrimmed = v.length > 0 && (isSpace(v.charCodeAt(0)) || isSpace(v.charCodeAt(v.length - 1)));
    this.headers[this.currentSlot] = headerText(untrimmed ? v.trim() : v);
    this.currentSlot = -1;
    this.currentValue = '';
  }

  endHeaders(): void {
    this.commitHeader();
    const h = this.headers;
    const delivered = this.addresses.get(h[DELIVERED_TO]).list[0]?.email;
    if (delivered) {
      this.deliveredTo.add(delivered);
      // Senders only name the owner of a file without Delivered-To: stop counting them.
      this.senders = null;
    }
    const outcome = buildMailRecord(h, this.envelope, this.messageLine, this.threads, this.addresses);
    if ('skip' in outcome) this.batcher.skip(this.messageLine, outcome.skip);
    else {
      const first = outcome.record.participants[0];
      if (this.senders && first?.isSender) this.senders.add(first.email);
      this.batcher.push(outcome.record);
    }
    for (let i = 0; i < h.length; i++) h[i] = undefined;
  }

  /** Call before the chunk just scanned is reused: what is still needed of it is copied. */
  release(): void {
    if (this.envelopeIn === this.envelopeCopy) return;
    this.envelopeEnd = this.envelopeIn.copy(this.envelopeCopy, 0, this.envelopeStart, this.envelopeEnd);
    this.envelopeStart = 0;
    this.envelopeIn = this.envelopeCopy;
  }

  ownerHints(): OwnerHint[] {
    const hints: OwnerHint[] = [];
    const delivered = this.deliveredTo.top();
    if (delivered) {
      hints.push({ kind: 'email', value: delivered.value, evidence: `Delivered-To of ${delivered.n} of ${this.messages} messages` });
    }
    const sender = this.senders?.top();
    // A folder of one's own sent mail has no Delivered-To; a newsletter folder's top sender is a robot.
    if (!delivered && sender && sender.n * 2 > this.messages && !isRobotAddress(sender.value)) {
      hints.push({ kind: 'email', value: sender.value, evidence: `sender of ${sender.n} of ${this.messages} messages` });
    }
    return hints;
  }
}

/** Streams an mbox file, handing on one `email` record per message, ~1,000 at a time. */
export async function streamMbox(
  source: ByteSource,
  opts: InteractionParseOptions,
  onBatch: BatchSink,
  onProgress?: ProgressSink,
): Promise<InteractionFileInfo> {
  const path = source.name;
  const total = await source.size();
  if (total === 0) throw new ImportError(path, null, 'the file is empty');
  const batcher = new RecordBatcher(onBatch);
  const scanner = new MboxScanner(path, batcher);
  let carry: Buffer | null = null;
  let bytesRead = 0;
  // A file source reuses one read buffer (no garbage per chunk on a 2 GB file); what is kept is copied.
  for await (const buf of source.chunks()) {
    opts.signal?.throwIfAborted();
    bytesRead += buf.length;
    let from = 0;
    if (carry) {
      // Only the line cut between two chunks is joined; the rest is scanned where it lies.
      const nl = buf.indexOf(10);
      if (nl === -1) {
        const joined = Buffer.concat([carry, buf]);
        carry = scanner.carry(joined, 0);
        scanner.release();
        continue;
      }
      const line = Buffer.concat([carry, buf.subarray(0, nl)]);
      scanner.line(line, 0, line.length > 0 && line[line.length - 1] === 13 ? line.length - 1 : line.length);
      from = nl + 1;
    }
    carry = scanner.carry(buf, scanner.scan(buf, from));
    scanner.release();
    onProgress?.(bytesRead, total, batcher.count);
  }
  if (carry) {
    if (scanner.mode === 'headers') {
      throw new ImportError(path, scanner.lineNo + 1, 'the file ends in the middle of a message header (truncated?)');
    }
    scanner.line(carry, 0, carry[carry.length - 1] === 13 ? carry.length - 1 : carry.length);
  }
  if (scanner.mode === 'headers') scanner.endHeaders();
  if (scanner.messages === 0) throw new ImportError(path, null, 'no messages: the file holds only blank lines');
  return batcher.finish('mbox', scanner.ownerHints());
}
