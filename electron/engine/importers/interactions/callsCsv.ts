// Reader of call-log CSVs (phone exports, carrier bills): columns found by name or given with `map`.
import { parseInstant } from '../../../../shared/parse/dates';
import { ImportError } from '../importError';
import type { ByteSource } from '../text/byteSource';
import { buildCallRecord, parseCallType, parseDuration, presentValue } from './callRecord';
import { findColumn, streamCsvRows } from './csvSource';
import { RecordBatcher, type BatchSink, type InteractionFileInfo, type InteractionParseOptions, type ProgressSink } from './interactionFile';

export const CALL_COLUMNS = {
  name: ['name', 'contact name', 'contact', 'caller name', 'display name', 'cached name', 'person'],
  phone: ['number', 'phone', 'phone number', 'caller id', 'caller number', 'telephone', 'mobile', 'other party'],
  type: ['type', 'call type', 'direction', 'call direction', 'call status', 'status'],
  date: ['date time', 'datetime', 'date', 'start time', 'started', 'call date', 'timestamp', 'start', 'when'],
  time: ['time', 'call time'],
  duration: ['duration (s)', 'duration (sec)', 'duration (seconds)', 'duration(s)', 'duration', 'seconds', 'length', 'call duration'],
} as const;

type Field = keyof typeof CALL_COLUMNS;

/** Column index per field: an explicit `map` entry wins, an empty one leaves the field out (`number` and `kind` are accepted aliases). */
export function resolveColumns(header: string[], map: Record<string, string> | undefined, file: string, line: number): Record<Field, number> {
  const aliases: Record<string, Field> = { number: 'phone', kind: 'type', direction: 'type' };
  const out = {} as Record<Field, number>;
  for (const field of Object.keys(CALL_COLUMNS) as Field[]) out[field] = findColumn(header, [...CALL_COLUMNS[field]]);
  for (const [key, column] of Object.entries(map ?? {})) {
    const field = (aliases[key] ?? key) as Field;
    if (!(field in CALL_COLUMNS)) continue;
    // An empty column name leaves out a column recognised by its name.
    if (column.trim() === '') {
      out[field] = -1;
      continue;
    }
    const at = findColumn(header, [column]);
    if (at < 0) throw new ImportError(file, line, `the mapped column "${column}" (for ${key}) is not in the header`);
    out[field] = at;
  }
  if (out.time === out.date) out.time = -1;
  if (out.date < 0 && out.time >= 0) [out.date, out.time] = [out.time, -1];
  return out;
}

export async function streamCallsCsv(
  source: ByteSource,
  opts: InteractionParseOptions,
  onBatch: BatchSink,
  onProgress?: ProgressSink,
): Promise<InteractionFileInfo> {
  const path = source.name;
  const batcher = new RecordBatcher(onBatch);
  let c: Record<Field, number> | null = null;
  let unknownTypes = 0;
  let badDuration = 0;
  const summary = await streamCsvRows(
    source,
    opts,
    (header, line) => {
      c = resolveColumns(header, opts.map, path, line);
      if (c.date < 0) throw new ImportError(path, line, 'no date column in this call log: say which with --map date=Column');
      if (c.phone < 0 && c.name < 0) {
        throw new ImportError(path, line, 'no number or name column in this call log: say which with --map phone=Column');
      }
    },
    (row) => {
      const cols = c!;
      const cell = (i: number): string => (i >= 0 ? (row.cells[i] ?? '').trim() : '');
      if (row.cells.every((x) => x.trim() === '')) return;
      const dateText = cols.time >= 0 && cell(cols.time) ? `${cell(cols.date)} ${cell(cols.time)}` : cell(cols.date);
      const occurredAt = parseInstant(dateText);
      if (!occurredAt) return batcher.skip(row.line, `unreadable date "${dateText.slice(0, 40)}"`);
      const phone = presentValue(cell(cols.phone));
      const name = presentValue(cell(cols.name));
      if (!phone && !name) return batcher.skip(row.line, 'no number or name');
      const type = cols.type >= 0 ? parseCallType(cell(cols.type)) : 'unknown';
      if (type === 'unknown') unknownTypes++;
      const durationRaw = cell(cols.duration);
      const durationSec = cols.duration >= 0 && durationRaw ? parseDuration(durationRaw) : null;
      if (durationRaw && durationSec === null && badDuration++ === 0) {
        batcher.warn(`unreadable durations were left empty (first at line ${row.line})`);
      }
      batcher.push(buildCallRecord({ line: row.line, occurredAt, type, durationSec, name, phone }));
    },
    (read, total) => onProgress?.(read, total, batcher.count),
  );
  for (const w of summary.warnings) batcher.warn(w);
  if (unknownTypes > 0) batcher.warn(`${unknownTypes} call(s) have no recognised type (incoming, outgoing, missed…): direction unknown`);
  return batcher.finish('calls');
}

/**
 * Field → header cell as the call-log reader would read this header with `map` (null: no column),
 * for a preview; the phone field is called `number` here, as `--map number=…` accepts it.
 * Throws ImportError when a mapped column is not in the header, as the import would.
 */
export function recogniseCallColumns(header: string[], map: Record<string, string> | undefined, file: string, line: number): Record<string, string | null> {
  const cols = resolveColumns(header, map, file, line);
  const cell = (i: number): string | null => (i >= 0 ? (header[i] ?? null) : null);
  return { name: cell(cols.name), number: cell(cols.phone), type: cell(cols.type), date: cell(cols.date), time: cell(cols.time), duration: cell(cols.duration) };
}

/** What a recognised call-log mapping still lacks before rows can be read (empty: nothing). */
export function missingCallFields(mapping: Record<string, string | null>): string[] {
  const missing: string[] = [];
  if (!mapping.date) missing.push('which column holds the date of each call');
  if (!mapping.number && !mapping.name) missing.push('which column holds the number or the name of the other party');
  return missing;
}
