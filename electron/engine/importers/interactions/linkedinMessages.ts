// Reader of LinkedIn messages.csv (every era since 2018): one message record per row, by column name.
import { createHash } from 'node:crypto';
import type { InteractionRecord, ParticipantRecord } from '../../../../shared/domain/records';
import { parseInstant } from '../../../../shared/parse/dates';
import { ImportError } from '../importError';
import type { ByteSource } from '../text/byteSource';
import type { CsvRow } from '../text';
import { findColumn, streamCsvRows } from './csvSource';
import { IdentityTally, RecordBatcher, type BatchSink, type InteractionFileInfo, type InteractionParseOptions, type OwnerHint, type ProgressSink } from './interactionFile';
import { normaliseSubject } from './mailThreads';

interface Columns {
  conversation: number;
  title: number;
  from: number;
  senderUrl: number;
  to: number;
  recipientUrls: number;
  date: number;
  subject: number;
  content: number;
  direction: number;
  folder: number;
  messageDraft: number;
  conversationDraft: number;
}

/** A piece of a comma-joined name list that belongs to the name before it: `Ade Oshewolo, CFA`. */
const NAME_SUFFIX =
  /^(?:[A-Z][A-Za-z]?\.?[A-Z]{1,5}\.?|[A-Z]{2,6}|Jr\.?|Sr\.?|II|III|IV|Ph\.?D\.?|M\.?D\.?|MBA|MSc|BSc|CPA|CFA|PMP|PE|Esq\.?|Dr\.?|Prof\.?|FCIPD|ACCA|CEng|MBE|OBE|\(.*\)|she\/her|he\/him|they\/them|[^\p{L}]*)$/u;

/** Splits comma-joined names, re-attaching credentials and suffixes (names can contain commas). */
export function splitNameList(raw: string): string[] {
  const pieces = raw.split(',').map((p) => p.trim());
  const out: string[] = [];
  for (const piece of pieces) {
    if (!piece) continue;
    if (out.length > 0 && NAME_SUFFIX.test(piece)) out[out.length - 1] += `, ${piece}`;
    else out.push(piece);
  }
  return out;
}

function isTrue(v: string | undefined): boolean {
  return /^(?:true|yes|1)$/i.test((v ?? '').trim());
}

function isSystemSender(name: string, url: string, modern: boolean, subject: string, content: string): boolean {
  if (/^linkedin(?: member)?$/i.test(name.trim()) || /\bfrom linkedin premium$/i.test(name.trim())) return true;
  if (/%(?:FIRSTNAME|LASTNAME|FULLNAME)%/.test(subject) || /%(?:FIRSTNAME|LASTNAME|FULLNAME)%/.test(content)) return true;
  return modern && !url.trim();
}

function digest(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 16);
}

class MessagesReader {
  private c!: Columns;
  private modern = false;
  private readonly urlConversations = new Map<string, Set<string>>();
  private readonly conversations = new Set<string>();
  private readonly outgoingNames = new IdentityTally();
  private outgoingRows = 0;

  constructor(
    private readonly file: string,
    private readonly batcher: RecordBatcher,
  ) {}

  header(h: string[], line: number): void {
    const col = (...names: string[]): number => findColumn(h, names);
    this.c = {
      conversation: col('CONVERSATION ID'),
      title: col('CONVERSATION TITLE'),
      from: col('FROM'),
      senderUrl: col('SENDER PROFILE URL'),
      to: col('TO'),
      recipientUrls: col('RECIPIENT PROFILE URLS', 'RECIPIENT PROFILE URL'),
      date: col('DATE'),
      subject: col('SUBJECT'),
      content: col('CONTENT'),
      direction: col('DIRECTION'),
      folder: col('FOLDER'),
      messageDraft: col('IS MESSAGE DRAFT'),
      conversationDraft: col('IS CONVERSATION DRAFT'),
    };
    if (this.c.from < 0 || this.c.date < 0) {
      throw new ImportError(this.file, line, 'not a LinkedIn messages.csv: no FROM and DATE columns');
    }
    this.modern = this.c.conversation >= 0 || this.c.senderUrl >= 0;
  }

  row(row: CsvRow): void {
    const cell = (i: number): string => (i >= 0 ? (row.cells[i] ?? '').trim() : '');
    if (row.cells.every((x) => x.trim() === '')) return;
    if (isTrue(cell(this.c.messageDraft)) || isTrue(cell(this.c.conversationDraft))) return this.batcher.skip(row.line, 'draft');
    const folder = cell(this.c.folder).toUpperCase();
    if (folder === 'SPAM') return this.batcher.skip(row.line, 'spam');
    if (folder === 'DRAFT' || folder === 'DRAFTS') return this.batcher.skip(row.line, 'draft');
    const occurredAt = parseInstant(cell(this.c.date));
    if (!occurredAt) return this.batcher.skip(row.line, `unreadable date "${cell(this.c.date).slice(0, 40)}"`);

    const senderName = cell(this.c.from);
    const senderUrl = cell(this.c.senderUrl);
    const subject = cell(this.c.subject);
    const content = cell(this.c.content);
    const participants: ParticipantRecord[] = [];
    if (senderName || senderUrl) {
      const sender: ParticipantRecord = { role: 'from', isSender: true };
      if (senderName) sender.name = senderName;
      if (senderUrl) sender.profileUrl = senderUrl;
      participants.push(sender);
    }
    participants.push(...this.recipients(cell(this.c.to), cell(this.c.recipientUrls)));
    if (participants.length === 0) return this.batcher.skip(row.line, 'no sender or recipient');

    const conversation = cell(this.c.conversation);
    const threadKey = conversation
      ? `li:${conversation}`
      : `li:subj:${digest(`${normaliseSubject(subject)}|${participants.map((p) => (p.profileUrl ?? p.name ?? '').toLowerCase()).sort().join(',')}`)}`;
    const record: InteractionRecord = {
      line: row.line,
      sourceKey: `li:${conversation}|${occurredAt}|${senderUrl || senderName}|${digest(content)}`,
      kind: 'message',
      occurredAt,
      threadKey,
      participants,
    };
    const title = subject || cell(this.c.title);
    if (title) record.subject = title;
    if (isSystemSender(senderName, senderUrl, this.modern, subject, content)) record.automated = true;
    this.tally(threadKey, participants, cell(this.c.direction), senderName);
    this.batcher.push(record);
  }

  /** URLs are split (they never hold a bare comma); names are paired with them only when the counts agree. */
  private recipients(namesRaw: string, urlsRaw: string): ParticipantRecord[] {
    const urls = urlsRaw.split(',').map((u) => u.trim()).filter(Boolean);
    const names = namesRaw ? (urls.length === 1 ? [namesRaw] : splitNameList(namesRaw)) : [];
    const out: ParticipantRecord[] = [];
    if (urls.length > 0) {
      const paired = names.length === urls.length;
      urls.forEach((url, i) => {
        const p: ParticipantRecord = { role: 'to', isSender: false, profileUrl: url };
        if (paired) p.name = names[i];
        out.push(p);
      });
      return out;
    }
    for (const name of names) {
      // A hidden member is not someone to link to.
      if (/^linkedin member$/i.test(name)) continue;
      out.push({ role: 'to', isSender: false, name });
    }
    return out;
  }

  private tally(thread: string, participants: ParticipantRecord[], direction: string, senderName: string): void {
    if (direction.toUpperCase() === 'OUTGOING') {
      this.outgoingRows++;
      this.outgoingNames.add(senderName);
    }
    this.conversations.add(thread);
    for (const p of participants) {
      if (!p.profileUrl) continue;
      let seen = this.urlConversations.get(p.profileUrl);
      if (!seen) this.urlConversations.set(p.profileUrl, (seen = new Set()));
      seen.add(thread);
    }
  }

  ownerHints(): OwnerHint[] {
    let best: [string, number] | null = null;
    for (const [url, convs] of this.urlConversations) if (!best || convs.size > best[1]) best = [url, convs.size];
    const hints: OwnerHint[] = [];
    if (best && best[1] > 1) {
      hints.push({ kind: 'url', value: best[0], evidence: `in ${best[1]} of ${this.conversations.size} conversations` });
    }
    const outgoing = this.outgoingNames.top();
    if (outgoing) hints.push({ kind: 'name', value: outgoing.value, evidence: `sender of ${outgoing.n} of ${this.outgoingRows} outgoing messages` });
    return hints;
  }
}

export async function streamLinkedinMessages(
  source: ByteSource,
  opts: InteractionParseOptions,
  onBatch: BatchSink,
  onProgress?: ProgressSink,
): Promise<InteractionFileInfo> {
  const path = source.name;
  const batcher = new RecordBatcher(onBatch);
  const reader = new MessagesReader(path, batcher);
  const summary = await streamCsvRows(
    source,
    opts,
    (h, line) => reader.header(h, line),
    (row) => reader.row(row),
    (read, total) => onProgress?.(read, total, batcher.count),
  );
  for (const w of summary.warnings) batcher.warn(w);
  return batcher.finish('linkedin-messages', reader.ownerHints());
}
