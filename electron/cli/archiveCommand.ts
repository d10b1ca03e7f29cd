// `tiecheck import ARCHIVE|DIR…` and `log ARCHIVE|DIR…`: what the archives hold, then every recognised file imported in order.
import type { EngineContext } from '../engine/context';
// Only what tells an archive from a single file loads with this module; the archive readers load once one is given.
import { archiveKindOf } from '../engine/archives/archiveKind';
import type { SurveyedFile } from '../engine/archives/surveyArchive';
import { printable } from '../engine/archives/archiveTypes';
import { classifyTypedIdentity } from '../engine/store/identityKeys';
import { flag, UsageError, type ParsedArgs } from './cliArgs';
import { importSummaryJson, printImportSummary } from './output';
import { createProgressBar } from './progressBar';

/** True when the FILEs are archives or folders (all of them: several are parts of one export). */
export async function givesArchives(args: ParsedArgs): Promise<boolean> {
  const kinds = await Promise.all(args.files.map((f) => archiveKindOf(f)));
  const archives = kinds.filter((k) => k !== null).length;
  if (archives === 0) return false;
  if (archives < kinds.length) throw new UsageError('give archives (or folders) and single files in separate commands');
  return true;
}

function sizeText(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function describe(f: SurveyedFile): string {
  const amount = f.rows !== null ? `${f.rows} row${f.rows === 1 ? '' : 's'}` : sizeText(f.size);
  if (f.willRead) return `  read      ${printable(f.path)} — ${f.use.what}, ${amount}`;
  const why = f.use.read === 'none' ? f.use.what : `${f.use.what}, read by "tiecheck import"`;
  return `  not used  ${printable(f.path)} — ${why}`;
}

export async function importArchiveArgs(ctx: EngineContext, args: ParsedArgs, only?: 'records'): Promise<void> {
  const json = flag(args, 'json') === 'true';
  for (const name of ['format', 'map', 'network', 'removals']) {
    if (args.flags.has(name)) throw new UsageError(`--${name} applies to a single file; an archive's files are recognised by what they are`);
  }
  const { entryLabel, importArchives } = await import('../engine/archives/importArchive');
  const me = (args.flags.get('me') ?? []).map(classifyTypedIdentity);
  const bar = createProgressBar(args.files.join(' + '));
  let result;
  try {
    result = await importArchives(ctx.db, args.files, {
      only,
      me,
      onProgress: (bytes, total) => bar.update(bytes, total, 0),
      onSurvey: ({ files, archives }) => {
        if (json) return;
        const reading = files.filter((f) => f.willRead).length;
        process.stderr.write(`${archives.map((a) => printable(a.name)).join(' + ')}: ${files.length} file(s), ${reading} to read\n`);
        for (const f of files) process.stderr.write(`${describe(f)}\n`);
      },
    });
  } finally {
    bar.done();
  }
  const notUsed = result.files.filter((f) => !f.willRead).map((f) => ({ file: entryLabel(f), what: f.use.what }));
  if (json) {
    const files = result.summaries.map(importSummaryJson);
    process.stdout.write(`${JSON.stringify({ files, notUsed }, null, 2)}\n`);
  } else result.summaries.forEach(printImportSummary);
}
