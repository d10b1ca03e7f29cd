// `npm run build:cli`, and the install's `prepare`: bundles the command line into out/cli with esbuild.
// At install a failure never fails the install: the CLI builds itself on its first run instead (tiecheck.mjs).
import { buildCli } from './cliBundle.mjs';

const atInstall = process.argv.includes('--at-install');
try {
  const r = await buildCli({ quiet: atInstall });
  if (!atInstall) console.log(r.built ? `out/cli built in ${r.ms} ms` : 'out/cli is up to date');
} catch (err) {
  console.error(`building the command line failed${atInstall ? ' (it will be built on its first run)' : ''}: ${err instanceof Error ? err.message : String(err)}`);
  if (!atInstall) process.exitCode = 1;
}
