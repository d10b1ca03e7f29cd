// What an import would store, before anything is written: the detected format, the column mapping and the first rows.
import type { ImportOptions } from '../../../shared/api/schemas';
import { previewConnectionBuffer } from '../importers/connections';
import { detectInteractionFormat, streamInteractionFile, type InteractionFormat } from '../importers/interactions';
import { missingCallFields, recogniseCallColumns } from '../importers/interactions/callsCsv';
import { findColumn } from '../importers/interactions/csvSource';
import { missingInteractionFields, recogniseInteractionColumns } from '../importers/interactions/interactionsCsv';
import { CsvTableReader, ENCODING_SAMPLE_BYTES, ImportError, decodeText } from '../importers/text';
import type { ByteSource } from '../importers/text/byteSource';
import { networkOf } from './importFile';
import { findFileJoins } from './previewJoins';

const PREVIEW_ROWS = 20;
const INTERACTION_ROW_COLUMNS = ['line', 'kind', 'date', 'people', 'subject'];
/** Interaction formats that are CSV tables: their own header is what a person maps. */
const CSV_FORMATS = new Set<InteractionFormat>(['csv', 'calls', 'linkedin-messages']);
/** LinkedIn's messages.csv is read by its fixed column names; shown, not editable. */
const LINKEDIN_MESSAGE_COLUMNS: Record<string, string[]> = {
  conversation: ['CONVERSATION ID'],
  from: ['FROM'],
  senderUrl: ['SENDER PROFILE URL'],
  to: ['TO'],
  recipientUrls: ['RECIPIENT PROFILE URLS', 'RECIPIENT PROFILE URL'],
  date: ['DATE'],
  subject: ['SUBJECT'],
  content: ['CONTENT'],
};

type PreviewRequest = Omit<ImportOptions, 'removals' | 'jobId' | 'fileRef'>;

export async function previewFile(path: string | ByteSource, head: Buffer, fileName: string, req: PreviewRequest) {
  if (req.kind === 'connections') {
    const p = previewConnectionBuffer(head, fileName, { format: (req.format ?? 'auto') as never, network: req.network, map: req.map }, PREVIEW_ROWS);
    return {
      format: p.format,
      network: networkOf(p.format, fileName, req.network),
      encoding: p.encoding,
      columns: p.columns,
      mapping: p.mapping,
      rows: p.records.map((r) => ({
        line: String(r.line),
        name: r.fullName,
        email: r.emails.join(', '),
        url: r.profileUrls.join(', '),
        company: r.company,
        position: r.position,
        connectedOn: r.connectedOn ?? '',
      })),
      totalRows: p.totalRows,
      skipped: p.skipped,
      warnings: p.warnings,
      ...(await findFileJoins(path, { format: p.format, network: req.network, map: req.map })),
    };
  }
  return previewInteractions(path, head, fileName, req);
}

interface CsvLayout {
  encoding: string;
  columns: string[];
  mapping: Record<string, string | null>;
  /** What must still be mapped before a row can be read, in words (empty: nothing). */
  missing: string[];
}

/** The file's header, encoding and recognised mapping, read from the first 64 KiB the way the importers read them. */
function readCsvLayout(head: Buffer, fileName: string, format: InteractionFormat, map: Record<string, string> | undefined): CsvLayout {
  const sample = head.subarray(0, ENCODING_SAMPLE_BYTES);
  let header: string[] = [];
  let headerLine = 1;
  let encoding: string;
  try {
    const decoded = decodeText(sample, fileName, { cutShort: head.length > sample.length });
    encoding = decoded.encoding + (decoded.hadBom ? ' (with BOM)' : '');
    const reader = new CsvTableReader(fileName, {
      onHeader: (h, line) => {
        header = h;
        headerLine = line;
      },
      onRow: () => undefined,
    });
    reader.push(decoded.text.replace(/^\uFEFF/, ''));
    reader.end({ cutShort: true });
  } catch (error) {
    throw ImportError.wrap(fileName, error);
  }
  // A map left over from another format names fields this one does not have (ignored here); an
  // empty value leaves out a column recognised by its name, as the import will.
  const given = map ?? {};
  if (format === 'calls') {
    const mapping = recogniseCallColumns(header, given, fileName, headerLine);
    return { encoding, columns: header, mapping, missing: missingCallFields(mapping) };
  }
  if (format === 'csv') {
    const mapping = recogniseInteractionColumns(header, given);
    return { encoding, columns: header, mapping, missing: missingInteractionFields(mapping) };
  }
  const mapping: Record<string, string | null> = {};
  for (const [field, names] of Object.entries(LINKEDIN_MESSAGE_COLUMNS)) {
    const at = findColumn(header, names);
    mapping[field] = at >= 0 ? header[at] : null;
  }
  return { encoding, columns: header, mapping, missing: [] };
}

async function previewInteractions(path: string | ByteSource, head: Buffer, fileName: string, req: PreviewRequest) {
  const chosen = req.format && req.format !== 'auto' ? (req.format as InteractionFormat) : null;
  // By the name the person gave the file: an upload is staged under a name without its extension.
  // The UI passes the format found here on to import:run, so the two cannot disagree.
  const format = chosen ?? (head.length > 0 ? detectInteractionFormat(fileName, head.subarray(0, 64 * 1024)) : null);
  const layout = format && CSV_FORMATS.has(format) ? readCsvLayout(head, fileName, format, req.map) : null;
  if (layout && layout.missing.length > 0) {
    // Nothing can be read until these are mapped: hand back the header so the person can map them.
    return {
      format: format ?? 'auto',
      network: null,
      encoding: layout.encoding,
      columns: layout.columns,
      mapping: layout.mapping,
      rows: [],
      totalRows: 0,
      skipped: [],
      warnings: [`Tiecheck cannot read these rows yet. Say ${layout.missing.join('; and ')}.`],
    };
  }
  const rows: Record<string, string>[] = [];
  const controller = new AbortController();
  let info: Awaited<ReturnType<typeof streamInteractionFile>> | null = null;
  try {
    info = await streamInteractionFile(path, { format: (format ?? req.format ?? 'auto') as never, map: req.map, signal: controller.signal }, (records) => {
      for (const r of records) {
        if (rows.length >= PREVIEW_ROWS) break;
        rows.push({
          line: String(r.line),
          kind: r.kind,
          date: r.occurredAt,
          people: r.participants.map((p) => p.name || p.email || p.profileUrl || p.phone || '').filter(Boolean).join(', '),
          subject: r.subject ?? '',
        });
      }
      if (rows.length >= PREVIEW_ROWS) controller.abort();
    });
  } catch (err) {
    if (!controller.signal.aborted) throw err;
  }
  // Invitation files hold no records: show the invitations themselves, as they will be judged.
  const invitations = info?.invitations ?? [];
  for (const inv of invitations.slice(0, PREVIEW_ROWS - rows.length)) {
    rows.push({ line: '', kind: `${inv.direction} invitation`, date: inv.sentAt ?? '', people: inv.name || inv.profileUrl || '', subject: inv.message ?? '' });
  }
  return {
    format: info?.format ?? format ?? req.format ?? 'auto',
    network: null,
    encoding: layout?.encoding ?? 'auto',
    columns: layout?.columns ?? INTERACTION_ROW_COLUMNS,
    mapping: layout?.mapping ?? {},
    rows,
    totalRows: (info?.records ?? rows.length) + invitations.length,
    skipped: info?.skipped ?? [],
    warnings: info?.warnings ?? [],
  };
}
