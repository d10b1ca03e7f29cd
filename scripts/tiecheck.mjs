// `npm run tiecheck` and `npm run serve`: runs the built command line in out/cli, building it first when it
// is missing or older than its sources (a fraction of a second), so that an edit never runs stale code;
// before `serve`, the UI too (see uiBundle.mjs).
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { buildCli, cliDir, cliIsStale } from './cliBundle.mjs';

const args = process.argv.slice(2);
if (cliIsStale()) {
  try {
    await buildCli();
  } catch (err) {
    process.stderr.write(`tiecheck: could not build the command line (npm run build:cli shows why): ${String(err?.message ?? err).split('\n')[0]}\n`);
    process.exit(1);
  }
}
if (args[0] === 'serve' && !args.includes('--help')) {
  // A failed build leaves the API working; serve itself says the UI is missing.
  (await import('./uiBundle.mjs')).ensureUi();
}
// TIECHECK_DEBUG prints the stack of an unexpected error: point it at the sources, not the bundle.
if (process.env.TIECHECK_DEBUG) process.setSourceMapsEnabled(true);
await import(pathToFileURL(join(cliDir(), 'index.js')).href);
