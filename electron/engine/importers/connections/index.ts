// Entry points for reading connection exports: format detection, whole-buffer parsing, previews and streaming from disk.
import type { ConnectionRecord, ParsedConnections, SkippedRow } from '../../../../shared/domain/records';
import { ImportError } from '../importError';
import { decodeText, detectEncoding, ENCODING_SAMPLE_BYTES, type TextEncodingName } from '../text/decodeText';
import { CsvTableReader } from '../text/csvTable';
import { readTextFile, streamTextFile } from '../text/textFile';
import { toByteSource, type ByteSource } from '../text/byteSource';
import { ConnectionCsvReader, detectCsvFormat, SKIPPED_KEPT, type ConnectionFormat } from './connectionCsv';
import { parseFacebookFriends } from './facebookFriends';
import { parseVcard } from './vcard';

export type { ConnectionFormat } from './connectionCsv';
export { repairFacebookText } from './facebookFriends';
export { CONNECTION_FIELDS, normaliseHeader, type ConnectionField } from './columns';

export interface ConnectionParseOptions {
  format?: 'auto' | ConnectionFormat;
  /** For a plain CSV of people: the network its rows belong to (default: the file's base name). */
  network?: string;
  /** `field → column name` choices that override recognition (fields: CONNECTION_FIELDS). */
  map?: Record<string, string>;
}

export interface ConnectionPreview {
  format: ConnectionFormat;
  network: string;
  encoding: TextEncodingName;
  columns: string[];
  mapping: Record<string, string | null>;
  records: ConnectionRecord[];
  skipped: SkippedRow[];
  warnings: string[];
  totalRows: number;
}

export type StreamedConnections = Omit<ParsedConnections, 'records'> & {
  /** Data rows read: records emitted plus rows skipped. */
  rows: number;
};

/** Facebook JSON and vCard files are read whole; nothing that size is a real one. */
export const WHOLE_FILE_LIMIT = 256 * 1024 * 1024;
const BATCH = 2000;
/**
 * The first batch of a streamed CSV, doubling up to BATCH: a parse worker's first rows are parsed
 * while its code is still cold (2,000 took about 135 ms), and the writing thread has nothing to do
 * until they arrive.
 */
const FIRST_BATCH = 125;

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Formats that are not tables, known from the extension or the first characters. */
function sniffWholeFormat(fileName: string, text: string): 'facebook' | 'vcard' | null {
  const ext = extensionOf(fileName);
  if (ext === 'vcf' || ext === 'vcard') return 'vcard';
  if (ext === 'json') return 'facebook';
  const start = text.replace(/^\ufeff/, '').trimStart();
  if (/^BEGIN:VCARD/i.test(start)) return 'vcard';
  if (start.startsWith('{') || start.startsWith('[')) return 'facebook';
  return null;
}

/** The format of a connection file, from its name and its text (or its CSV header). */
export function detectConnectionFormat(fileName: string, textOrHeader: string | string[]): ConnectionFormat {
  if (Array.isArray(textOrHeader)) return detectCsvFormat(fileName, textOrHeader);
  const whole = sniffWholeFormat(fileName, textOrHeader);
  if (whole) return whole;
  let header: string[] = [];
  try {
    const reader = new CsvTableReader(fileName, { onHeader: (h) => (header = h), onRow: () => undefined });
    reader.push(textOrHeader.slice(0, ENCODING_SAMPLE_BYTES));
    reader.end();
  } catch {
    return 'csv';
  }
  return detectCsvFormat(fileName, header);
}

function wholeFormat(fileName: string, text: string, opts: ConnectionParseOptions): 'facebook' | 'vcard' | null {
  if (opts.format === 'facebook' || opts.format === 'vcard') return opts.format;
  if (opts.format && opts.format !== 'auto') return null;
  return sniffWholeFormat(fileName, text);
}

function parseWhole(format: 'facebook' | 'vcard', text: string, fileName: string, opts: ConnectionParseOptions): ParsedConnections {
  const parsed = format === 'facebook' ? parseFacebookFriends(text, fileName) : parseVcard(text, fileName);
  if (opts.map && Object.keys(opts.map).length > 0) parsed.warnings.push(`column mapping is ignored for ${format} files`);
  return parsed;
}

interface CsvRun {
  reader: ConnectionCsvReader;
  table: CsvTableReader;
  /** Finishes the table; returns the warnings of table and rows together. */
  end(cutShort?: boolean): string[];
}

/** Wires a CSV table reader to a connection row reader that hands each record to `onRecord`. */
function startCsv(fileName: string, opts: ConnectionParseOptions, onRecord: (r: ConnectionRecord) => void): CsvRun {
  const format = opts.format === 'facebook' || opts.format === 'vcard' ? 'auto' : (opts.format ?? 'auto');
  const reader = new ConnectionCsvReader({ format, network: opts.network, map: opts.map, file: fileName });
  let sawHeader = false;
  const table = new CsvTableReader(fileName, {
    onHeader: (header, line) => {
      sawHeader = true;
      const first = reader.header(header, line);
      if (first) onRecord(first);
    },
    onRow: (row) => {
      const record = reader.row(row);
      if (record) onRecord(record);
    },
  });
  return {
    reader,
    table,
    end(cutShort = false) {
      const summary = table.end({ cutShort });
      if (!sawHeader) throw new ImportError(fileName, null, 'the file is empty');
      const warnings = [...summary.warnings, ...reader.finish()];
      if (summary.rowCount === 0 && reader.skippedCount === 0) warnings.push('the file has a header but no rows');
      return warnings;
    },
  };
}

function decodeOrRefuse(buf: Buffer, fileName: string, cutShort: boolean) {
  if (buf.length === 0) throw new ImportError(fileName, null, 'the file is empty');
  const decoded = decodeText(buf, fileName, { cutShort });
  if (decoded.text.trim() === '') throw new ImportError(fileName, null, 'the file is empty');
  refuseMarkup(decoded.text, fileName);
  return decoded;
}

/** Older Facebook archives and saved web pages are HTML: say so rather than "no recognisable columns". */
function refuseMarkup(head: string, fileName: string): void {
  if (/^\s*<(!doctype|html|\?xml|head|body|div|table)\b/i.test(head.replace(/^\ufeff/, ''))) {
    throw new ImportError(fileName, null, 'an HTML or XML page, not a connection export (for Facebook, download your information in JSON format)');
  }
}

/** Parses a whole connection file held in memory. Throws only ImportError. */
export function parseConnectionBuffer(buf: Buffer, fileName: string, opts: ConnectionParseOptions = {}): ParsedConnections {
  return previewOrParse(buf, fileName, opts, Infinity).parsed;
}

/**
 * What a UI shows before importing: format, encoding, columns and their fields, the first records.
 * `buf` may be only the head of a large file: a row cut inside a quoted field is left out with a
 * warning, and `totalRows` counts the rows in `buf`.
 */
export function previewConnectionBuffer(buf: Buffer, fileName: string, opts: ConnectionParseOptions = {}, rows = 20): ConnectionPreview {
  const { parsed, encoding, columns, mapping, total } = previewOrParse(buf, fileName, opts, rows);
  return {
    format: parsed.format as ConnectionFormat,
    network: parsed.network,
    encoding,
    columns,
    mapping,
    records: parsed.records,
    skipped: parsed.skipped,
    warnings: parsed.warnings,
    totalRows: total + parsed.skipped.length,
  };
}

function previewOrParse(buf: Buffer, fileName: string, opts: ConnectionParseOptions, keep: number) {
  try {
    const cutShort = keep !== Infinity;
    const { text, encoding } = decodeOrRefuse(buf, fileName, cutShort);
    const whole = wholeFormat(fileName, text, opts);
    if (whole) {
      const parsed = parseWhole(whole, text, fileName, opts);
      const total = parsed.records.length;
      const mapping: Record<string, string> = whole === 'facebook' ? { name: 'name', connectedOn: 'timestamp' } : { name: 'FN', firstName: 'N', lastName: 'N', email: 'EMAIL', url: 'URL', company: 'ORG', position: 'TITLE', phone: 'TEL' };
      const records = keep < total ? parsed.records.slice(0, keep) : parsed.records;
      return { parsed: { ...parsed, records }, encoding, columns: [] as string[], mapping: fullMapping(mapping), total };
    }
    const records: ConnectionRecord[] = [];
    let total = 0;
    const run = startCsv(fileName, opts, (r) => {
      total++;
      if (records.length < keep) records.push(r);
    });
    run.table.push(text);
    const warnings = run.end(cutShort);
    const { reader } = run;
    const parsed: ParsedConnections = { format: reader.format, network: reader.network, records, skipped: reader.skipped, warnings };
    return { parsed, encoding, columns: reader.columns, mapping: reader.mapping, total };
  } catch (error) {
    throw ImportError.wrap(fileName, error);
  }
}

function fullMapping(partial: Record<string, string>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const field of ['name', 'firstName', 'lastName', 'email', 'url', 'company', 'position', 'connectedOn', 'phone']) out[field] = partial[field] ?? null;
  return out;
}

/**
 * Reads a connection file (a path, or an archive entry as a ByteSource) in pieces, handing records over in batches of up to 2,000 (smaller at first).
 * CSV files of any size stream in bounded memory; Facebook JSON and vCard files are read whole
 * (up to 256 MB). Throws only ImportError.
 */
export async function streamConnectionFile(
  input: string | ByteSource,
  opts: ConnectionParseOptions,
  onBatch: (records: ConnectionRecord[]) => void,
  onProgress?: (bytesRead: number, totalBytes: number, rows: number) => void,
): Promise<StreamedConnections> {
  const source = toByteSource(input);
  const path = source.name;
  try {
    const size = await source.size();
    if (size === 0) throw new ImportError(path, null, 'the file is empty');
    const head = await source.head(ENCODING_SAMPLE_BYTES);
    const guess = detectEncoding(head, head.length < ENCODING_SAMPLE_BYTES);
    const headText = new TextDecoder(guess.encoding === 'windows-1252' ? 'latin1' : guess.encoding).decode(head.subarray(guess.bomLength, 4096));
    const whole = wholeFormat(path, headText, opts);
    if (!whole) refuseMarkup(headText, path);
    if (whole) {
      if (size > WHOLE_FILE_LIMIT) {
        throw new ImportError(path, null, `the file is too large for a ${whole === 'facebook' ? 'Facebook JSON' : 'vCard'} file (${Math.round(size / 1048576)} MB; the limit is 256 MB)`);
      }
      const { text } = await readTextFile(source, WHOLE_FILE_LIMIT);
      if (text.trim() === '') throw new ImportError(path, null, 'the file is empty');
      const parsed = parseWhole(whole, text, path, opts);
      for (let i = 0; i < parsed.records.length; i += BATCH) onBatch(parsed.records.slice(i, i + BATCH));
      onProgress?.(size, size, parsed.records.length + parsed.skipped.length);
      const { records, ...rest } = parsed;
      const rows = records.length + parsed.skipped.length;
      if (parsed.skipped.length > SKIPPED_KEPT) {
        rest.warnings = [...rest.warnings, `${parsed.skipped.length - SKIPPED_KEPT} more skipped rows are not listed`];
        rest.skipped = parsed.skipped.slice(0, SKIPPED_KEPT);
      }
      return { ...rest, rows };
    }
    let batch: ConnectionRecord[] = [];
    let batchSize = FIRST_BATCH;
    let emitted = 0;
    const run = startCsv(path, opts, (record) => {
      batch.push(record);
      emitted++;
      if (batch.length >= batchSize) {
        onBatch(batch);
        batch = [];
        batchSize = Math.min(BATCH, batchSize * 2);
      }
    });
    const stream = await streamTextFile(
      source,
      (text) => run.table.push(text),
      (bytesRead, totalBytes) => onProgress?.(bytesRead, totalBytes, emitted + run.reader.skippedCount),
    );
    const warnings = run.end();
    if (batch.length) onBatch(batch);
    if (stream.switchedTo1252) warnings.unshift('the file stopped being valid UTF-8 after its first 64 KB; the rest was read as Windows-1252');
    const { reader } = run;
    return { format: reader.format, network: reader.network, skipped: reader.skipped, warnings, rows: emitted + reader.skippedCount };
  } catch (error) {
    throw ImportError.wrap(path, error);
  }
}

/** Reads a whole connection file from disk (streamed underneath). Throws only ImportError. */
export async function parseConnectionFile(path: string, opts: ConnectionParseOptions = {}): Promise<ParsedConnections> {
  const records: ConnectionRecord[] = [];
  const result = await streamConnectionFile(path, opts, (batch) => {
    for (const r of batch) records.push(r);
  });
  const { rows: _rows, ...rest } = result;
  return { ...rest, records };
}
