// `npm run tiecheck` and `npm run serve`: runs the built command line in out/cli, building it first when it
// is missing or older than its sources (a fraction of a second), so that an edit never runs stale code;
// before `serve`, the UI too (see uiBundle.mjs).
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { buildCli, cliDir, cliIsStale } from './cliBundle.mjs';

const args = process.argv.slice(2);

/** The command word, read as electron/cli/cliArgs.ts reads it: flags other than its SWITCHES take the next word. */
function commandOf(argv) {
  const switches = new Set(['json', 'removals', 'help', 'version', 'save', 'no-open', 'yes']);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') return null;
    if (!argv[i].startsWith('--')) return argv[i];
    if (!argv[i].includes('=') && !switches.has(argv[i].slice(2))) i++;
  }
  return null;
}

if (cliIsStale()) {
  try {
    await buildCli();
  } catch (err) {
    process.stderr.write(`tiecheck: could not build the command line (npm run build:cli shows why): ${String(err?.message ?? err).split('\n')[0]}\n`);
    process.exit(1);
  }
}
if (commandOf(args) === 'serve' && !args.includes('--help')) {
  // A failed build leaves the API working; serve itself says the UI is missing.
  (await import('./uiBundle.mjs')).ensureUi();
}
// TIECHECK_DEBUG prints the stack of an unexpected error: point it at the sources, not the bundle.
if (process.env.TIECHECK_DEBUG) process.setSourceMapsEnabled(true);
await import(pathToFileURL(join(cliDir(), 'index.js')).href);
