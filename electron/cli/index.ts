// `tiecheck`: the engine without a window. Exit 0 on success; otherwise one line on stderr, no stack trace.
// Only what `--help` and `--version` need loads up front; the engine loads once a command runs.
import { VERSION } from '../engine/version';
import { DatabaseVersionError } from '../engine/db/databaseErrors';
import { ImportError } from '../engine/importers/importError';
import { UserFacingError } from '../engine/handlers/handlerTypes';
import { parseArgs, flag, UsageError } from './cliArgs';
import { HELP } from './helpText';

const EXPECTED = [ImportError, UsageError, UserFacingError, DatabaseVersionError];
/** Errors of modules loaded on demand (the PDF printer), recognised by name so the CLI need not load them. */
const EXPECTED_NAMES = new Set(['ChromiumMissingError']);

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.command === null && flag(args, 'version')) {
    process.stdout.write(`tiecheck ${VERSION}\n`);
    return 0;
  }
  if (args.command === null || args.command === 'help' || flag(args, 'help')) {
    process.stdout.write(HELP);
    return args.command === null && !flag(args, 'help') ? 1 : 0;
  }
  const { createEngine, resolveDbPath } = await import('../engine/createEngine');
  const dbPath = resolveDbPath(flag(args, 'db'));
  if (args.command === 'serve') return (await import('../serve/serveCommand')).serveCommand(dbPath, args);
  const { commands } = await import('./commands');
  const run = commands[args.command];
  if (!run) throw new UsageError(`unknown command "${args.command}" (see tiecheck --help)`);
  const ctx = createEngine({ dbPath, door: 'browser' });
  try {
    await run(ctx, args);
  } finally {
    ctx.db.close();
  }
  return 0;
}

async function isExpected(err: unknown): Promise<boolean> {
  if (EXPECTED.some((E) => err instanceof E) || (err instanceof Error && EXPECTED_NAMES.has(err.name))) return true;
  // Thrown only by `meet`, which has loaded this module by then.
  const { MeetingError } = await import('../engine/imports/logMeeting');
  return err instanceof MeetingError;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  async (err: unknown) => {
    const expected = await isExpected(err).catch(() => false);
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`tiecheck: ${expected ? message : `unexpected error: ${message}`}\n`);
    if (!expected && process.env.TIECHECK_DEBUG) console.error(err);
    process.exitCode = err instanceof UsageError ? 2 : 1;
  },
);
