// The `tiecheck` commands of SPEC §9, each over the engine with the same functions the app uses.
// Each command loads the engine modules it needs when it runs: a whole process per call pays only for its own.
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { EngineContext } from '../engine/context';
import type { ImportSummary } from '../../shared/api/schemas';
import { isDay } from '../../shared/audit/calendarDays';
import { INTERACTION_KINDS, type InteractionKind } from '../../shared/domain/records';
import { allowOnly, flag, mapFlags, requireFlag, UsageError, type ParsedArgs } from './cliArgs';
import { importSummaryJson, printImportSummary, printAudit } from './output';
import { createProgressBar } from './progressBar';
import { givesArchives, importArchiveArgs } from './archiveCommand';

/** The audit, run and saved as a snapshot (audit and report). */
async function auditAndSave(ctx: EngineContext, args: ParsedArgs) {
  const { runAudit } = await import('../engine/audit/runAudit');
  const { saveSnapshot } = await import('../engine/store/snapshotsStore');
  const audit = runAudit(ctx.db, { asOf: asOfFlag(args) });
  saveSnapshot(ctx.db, audit);
  return audit;
}

const CONNECTION_FORMATS = ['auto', 'linkedin', 'google', 'outlook', 'facebook', 'vcard', 'csv'];
const INTERACTION_FORMATS = ['auto', 'linkedin-messages', 'linkedin-invitations', 'mbox', 'ics', 'calls', 'calls-xml', 'csv', 'facebook-requests'];

function asOfFlag(args: ParsedArgs): string | undefined {
  const asOf = flag(args, 'as-of');
  if (asOf !== undefined && !isDay(asOf)) throw new UsageError(`--as-of takes a date YYYY-MM-DD, got "${asOf}"`);
  return asOf;
}

function needFiles(args: ParsedArgs): void {
  if (args.files.length === 0) throw new UsageError(`${args.command} needs at least one FILE`);
}

function formatFlag(args: ParsedArgs, allowed: string[]): string | undefined {
  const format = flag(args, 'format');
  if (format !== undefined && !allowed.includes(format)) throw new UsageError(`--format must be one of ${allowed.join(', ')}`);
  return format;
}

async function importEach(ctx: EngineContext, args: ParsedArgs, kind: 'connections' | 'interactions'): Promise<void> {
  needFiles(args);
  const json = flag(args, 'json') === 'true';
  const format = formatFlag(args, kind === 'connections' ? CONNECTION_FORMATS : INTERACTION_FORMATS);
  const { classifyTypedIdentity } = await import('../engine/store/identityKeys');
  const { importFile } = await import('../engine/imports/importFile');
  const me = (args.flags.get('me') ?? []).map(classifyTypedIdentity);
  const summaries: ImportSummary[] = [];
  for (const file of args.files) {
    const bar = createProgressBar(file);
    try {
      summaries.push(
        await importFile(ctx.db, file, {
          kind,
          format,
          network: flag(args, 'network'),
          map: mapFlags(args),
          removals: flag(args, 'removals') === 'true',
          me,
          onProgress: bar.update,
        }),
      );
    } finally {
      bar.done();
    }
  }
  if (json) {
    const shaped = summaries.map(importSummaryJson);
    process.stdout.write(`${JSON.stringify(shaped.length === 1 ? shaped[0] : shaped, null, 2)}\n`);
  } else summaries.forEach(printImportSummary);
}

export const commands: Record<string, (ctx: EngineContext, args: ParsedArgs) => Promise<void>> = {
  import: async (ctx, args) => {
    allowOnly(args, ['db', 'format', 'network', 'map', 'removals', 'json', 'me']);
    if (await givesArchives(args)) return importArchiveArgs(ctx, args);
    if (args.flags.has('me')) throw new UsageError('--me goes with "tiecheck log", or with an archive');
    await importEach(ctx, args, 'connections');
  },
  log: async (ctx, args) => {
    allowOnly(args, ['db', 'me', 'format', 'map', 'json']);
    if (await givesArchives(args)) return importArchiveArgs(ctx, args, 'records');
    await importEach(ctx, args, 'interactions');
  },
  meet: async (ctx, args) => {
    allowOnly(args, ['db', 'with', 'kind', 'date', 'note']);
    const kind = requireFlag(args, 'kind');
    if (!(INTERACTION_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind must be one of ${INTERACTION_KINDS.join(', ')}`);
    const date = requireFlag(args, 'date');
    if (!isDay(date)) throw new UsageError(`--date takes a date YYYY-MM-DD, got "${date}"`);
    const withWho = args.flags.get('with');
    if (!withWho) throw new UsageError('meet needs --with NAME|EMAIL|URL');
    const { logMeeting } = await import('../engine/imports/logMeeting');
    const { linked } = logMeeting(ctx.db, { with: withWho, kind: kind as InteractionKind, date, note: flag(args, 'note') });
    process.stderr.write(`Logged ${kind.replace('_', ' ')} on ${date} with ${linked.join(', ')}.\n`);
  },
  audit: async (ctx, args) => {
    allowOnly(args, ['db', 'as-of', 'json']);
    const audit = await auditAndSave(ctx, args);
    if (flag(args, 'json') === 'true') process.stdout.write(`${JSON.stringify(audit, null, 2)}\n`);
    else printAudit(audit);
  },
  invites: async (ctx, args) => (await import('./invitesCommand')).invitesCommand(ctx, args),
  tag: async (ctx, args) => {
    allowOnly(args, ['db', 'add', 'remove', 'where', 'as-of']);
    const add = flag(args, 'add');
    const remove = flag(args, 'remove');
    if ((add === undefined) === (remove === undefined)) throw new UsageError('tag needs exactly one of --add TAG or --remove TAG');
    const tag = (add ?? remove)!.trim();
    if (!/^[^\s,;]+$/.test(tag)) throw new UsageError('a tag is one word (no spaces, commas or semicolons)');
    const { selectPersons } = await import('../engine/audit/selectPersons');
    const { applyTag } = await import('../engine/store/tagsStore');
    const persons = selectPersons(ctx.db, requireFlag(args, 'where'), asOfFlag(args));
    const { changed } = applyTag(ctx.db, add ? 'add' : 'remove', tag, persons.map((p) => p.id));
    process.stderr.write(`${add ? 'Tagged' : 'Untagged'} ${changed} of ${persons.length} matching connection(s) ${add ? 'with' : 'from'} "${tag}".\n`);
  },
  export: async (ctx, args) => {
    allowOnly(args, ['db', 'tag', 'out', 'as-of']);
    const out = requireFlag(args, 'out');
    const { pruneListCsv } = await import('../engine/audit/pruneList');
    const { csv, rows } = pruneListCsv(ctx.db, requireFlag(args, 'tag'), asOfFlag(args));
    writeFileSync(out, csv);
    process.stderr.write(`Wrote ${rows} connection(s) to ${out}.\n`);
  },
  report: async (ctx, args) => {
    allowOnly(args, ['db', 'as-of', 'out']);
    const out = requireFlag(args, 'out');
    const ext = extname(out).toLowerCase();
    if (ext !== '.html' && ext !== '.htm' && ext !== '.pdf') throw new UsageError('--out must end in .html or .pdf');
    const audit = await auditAndSave(ctx, args);
    const { readSnapshots } = await import('../engine/store/snapshotsStore');
    // React, jsdom and the charts load only for this command, keeping every other command quick to start.
    const { buildReportModel } = await import('../../shared/report/model');
    const { renderReportHtml } = await import('../engine/report/renderReportHtml');
    const html = await renderReportHtml(buildReportModel(audit, readSnapshots(ctx.db)));
    if (ext === '.pdf') await (await import('../engine/report/printReportPdf')).printReportPdf(html, out);
    else writeFileSync(out, html);
    process.stderr.write(`Wrote the report to ${out}.\n`);
  },
  backup: async (ctx, args) => {
    allowOnly(args, ['db', 'out']);
    const { exportDatabase } = await import('../engine/store/dataAdmin');
    const { path, bytes } = exportDatabase(ctx.db, ctx.dbPath, requireFlag(args, 'out'));
    process.stderr.write(`Wrote a backup of ${ctx.dbPath} to ${path} (${(bytes / 1048576).toFixed(1)} MB).\n`);
  },
  restore: async (ctx, args) => {
    allowOnly(args, ['db']);
    if (args.files.length !== 1) throw new UsageError('restore needs exactly one FILE (a backup written by tiecheck backup or the app)');
    const { restoreDatabase } = await import('../engine/store/dataAdmin');
    const r = restoreDatabase(ctx.db, ctx.dbPath, args.files[0]);
    process.stderr.write(
      `Restored ${args.files[0]} into ${ctx.dbPath}: ${r.persons} person(s), ${r.connections} connection(s), ${r.interactions} interaction(s).` +
        `${r.previousBackup ? ` The contents it replaced are in ${r.previousBackup}.` : ''}\n`,
    );
  },
  wipe: async (ctx, args) => {
    allowOnly(args, ['db', 'yes']);
    if (flag(args, 'yes') !== 'true') throw new UsageError(`wipe deletes every person, connection, interaction, tag and setting in ${ctx.dbPath}, and its backups; add --yes to do it`);
    if (args.files.length) throw new UsageError('wipe takes no FILE; choose the database with --db');
    const { deleteAllData } = await import('../engine/store/dataAdmin');
    const { deletedRows, backupsRemoved, walCleared } = deleteAllData(ctx.db, ctx.dbPath);
    process.stderr.write(
      `Deleted ${deletedRows} row(s) from ${ctx.dbPath} and ${backupsRemoved} backup(s) beside it.` +
        `${walCleared ? '' : ' Another program still has the database open; its log is emptied when that program closes it.'}\n`,
    );
  },
};
