// What an import would store, before anything is written: the detected format, the column mapping and the first rows.
import type { ImportOptions } from '../../../shared/api/schemas';
import { previewConnectionBuffer } from '../importers/connections';
import { streamInteractionFile } from '../importers/interactions';
import { networkOf } from './importFile';

const PREVIEW_ROWS = 20;

export async function previewFile(path: string, head: Buffer, fileName: string, req: Omit<ImportOptions, 'removals' | 'jobId'>) {
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
    };
  }
  const rows: Record<string, string>[] = [];
  const controller = new AbortController();
  let info: Awaited<ReturnType<typeof streamInteractionFile>> | null = null;
  try {
    info = await streamInteractionFile(path, { format: (req.format ?? 'auto') as never, map: req.map, signal: controller.signal }, (records) => {
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
  return {
    format: info?.format ?? req.format ?? 'auto',
    network: null,
    encoding: 'auto',
    columns: ['line', 'kind', 'date', 'people', 'subject'],
    mapping: {},
    rows,
    totalRows: info?.records ?? rows.length,
    skipped: info?.skipped ?? [],
    warnings: info?.warnings ?? [],
  };
}
