// The bench's child processes as users run the engine: benchChild.ts bundled once per bench run with the CLI
// bundle's esbuild options (scripts/cliBundle.mjs), the parse worker beside it; BENCH_FROM_SOURCES=1 runs
// the TypeScript sources through tsx instead.
import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { bundleOptions, copyMigrations, engineWorkers } from '../cliBundle.mjs';
import { dataDir, repoRoot, setChildLauncher, sourcesLauncher, type ChildLauncher } from './benchEnv';

/**
 * Builds bench-data/child/ (benchChild.js, every engine worker as the CLI bundle has them, the
 * migrations) unless BENCH_FROM_SOURCES=1; later children run it.
 */
export async function prepareChildLauncher(outdir = join(dataDir, 'child')): Promise<ChildLauncher> {
  // From the sources, imports/parseBesideWrites.ts keeps files under 32 MB in-thread (a tsx worker compiles
  // its modules first) where the built engine hands files of 1 MB and more to its worker: figures differ.
  if (process.env.BENCH_FROM_SOURCES === '1') return setChildLauncher(sourcesLauncher);
  rmSync(outdir, { recursive: true, force: true });
  const started = performance.now();
  const entryPoints = { benchChild: join(repoRoot, 'scripts', 'bench', 'benchChild.ts'), ...engineWorkers(repoRoot) };
  await build({ ...bundleOptions({ root: repoRoot, entryPoints, outdir }), logLevel: 'error' });
  copyMigrations(repoRoot, outdir);
  const ms = Math.round(performance.now() - started);
  return setChildLauncher({
    args: [join(outdir, 'benchChild.js')],
    describe: `a built bundle of benchChild.ts (esbuild with the CLI bundle's options, parse worker beside it; built in ${ms} ms into ${relative(repoRoot, outdir)}; BENCH_FROM_SOURCES=1 runs the sources)`,
  });
}
