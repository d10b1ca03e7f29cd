// Audit calls: the audit itself (optionally saved as a snapshot), its history, a person's page, tags and exports.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineContext } from '../context';
import { UserFacingError } from './handlerTypes';
import { todayUtc } from '../../../shared/audit/calendarDays';
import type { Handlers } from './handlerTypes';
import { changesSinceLastSnapshot, saveSnapshot, readSnapshots } from '../store/snapshotsStore';
import { readPersonDetail } from '../audit/personDetail';
import { applyTag, deleteTag, listTags, renameTag, undoTagOperation } from '../store/tagsStore';
import { selectPersons } from '../audit/selectPersons';
import { pruneListCsv } from '../audit/pruneList';
import { readPruneStatus } from '../audit/pruneStatus';
import { buildReportModel } from '../../../shared/report/model';
import { renderReportHtml } from '../report/renderReportHtml';

export const auditHandlers: Pick<
  Handlers,
  'audit:get' | 'audit:history' | 'audit:changes' | 'person:get' | 'person:setNote' | 'tags:apply' | 'tags:undo' | 'tags:list' | 'tags:rename' | 'tags:delete' | 'export:prune' | 'prune:status' | 'report:html' | 'report:pdf'
> = {
  'audit:get': (req, ctx) => {
    const audit = ctx.audits.get(ctx.db, req.asOf);
    if (req.save) saveSnapshot(ctx.db, audit);
    return audit;
  },
  'audit:history': (_req, ctx) => ({ snapshots: readSnapshots(ctx.db) }),
  'audit:changes': (req, ctx) => ({ changes: changesSinceLastSnapshot(ctx.db, ctx.audits.get(ctx.db, req.asOf)) }),
  'person:get': (req, ctx) => readPersonDetail(ctx.db, req.id, req.asOf),
  'person:setNote': (req, ctx) => {
    ctx.db.prepare(`UPDATE persons SET note = ? WHERE id = ?`).run(req.note, req.id);
    return { ok: true as const };
  },
  'tags:apply': (req, ctx: EngineContext) => {
    const ids = req.ids ?? selectPersons(ctx.db, req.filter ?? '', req.asOf, ctx.audits).map((p) => p.id);
    const result = applyTag(ctx.db, req.action, req.tag, ids);
    ctx.emit('data:changed', { what: 'tags' });
    return result;
  },
  'tags:undo': (req, ctx) => {
    const changed = undoTagOperation(ctx.db, req.operationId);
    ctx.emit('data:changed', { what: 'tags' });
    return { changed };
  },
  'tags:list': (_req, ctx) => ({ tags: listTags(ctx.db) }),
  'tags:rename': (req, ctx) => {
    const result = renameTag(ctx.db, req.from, req.to);
    ctx.emit('data:changed', { what: 'tags' });
    return result;
  },
  'tags:delete': (req, ctx) => {
    const result = deleteTag(ctx.db, req.tag);
    ctx.emit('data:changed', { what: 'tags' });
    return result;
  },
  'export:prune': (req, ctx) => pruneListCsv(ctx.db, req.tag, req.asOf, ctx.audits),
  'prune:status': (req, ctx) => readPruneStatus(ctx.db, req.tag),
  'report:html': async (req, ctx) => ({ html: await reportHtml(ctx, req.asOf) }),
  'report:pdf': async (req, ctx) => {
    const html = await reportHtml(ctx, req.asOf);
    try {
      const pdf = ctx.printPdf ? await ctx.printPdf(html) : await printWithChromium(html);
      return { fileName: `tiecheck-report-${req.asOf ?? todayUtc()}.pdf`, base64: pdf.toString('base64') };
    } catch (err) {
      if (err instanceof Error && err.name === 'ChromiumMissingError') throw new UserFacingError('not_found', err.message);
      throw err;
    }
  },
};

async function reportHtml(ctx: EngineContext, asOf?: string): Promise<string> {
  const audit = ctx.audits.get(ctx.db, asOf);
  return renderReportHtml(buildReportModel(audit, readSnapshots(ctx.db)));
}

/** The browser door's PDF: the system Chromium prints the same HTML (loaded on demand: it is heavy). */
async function printWithChromium(html: string): Promise<Buffer> {
  const { printReportPdf } = await import('../report/printReportPdf');
  const dir = mkdtempSync(join(tmpdir(), 'tiecheck-pdf-'));
  try {
    const out = join(dir, 'report.pdf');
    await printReportPdf(html, out);
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
