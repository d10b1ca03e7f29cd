// The command line as built JavaScript: bundles electron/cli (and every engine worker) with esbuild into
// out/cli/, and tells whether that bundle is older than the sources it was built from.
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const cliDir = (root = projectRoot) => join(root, 'out', 'cli');

/**
 * Entries: the CLI itself and every `*Worker.ts` of the engine, each to `<name>.js` beside the CLI, where
 * the code that starts a worker looks for it (see electron/engine/jobs/runImportJob.ts).
 */
function entryPoints(root) {
  return { index: join(root, 'electron', 'cli', 'index.ts'), ...engineWorkers(root) };
}

/** Every `*Worker.ts` of the engine, by the name its bundle gets (`parseWorker` → parseWorker.js). */
export function engineWorkers(root = projectRoot) {
  const entries = {};
  const walk = (dir) => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, item.name);
      if (item.isDirectory()) walk(path);
      else if (/Worker\.ts$/.test(item.name)) entries[basename(item.name, '.ts')] = path;
    }
  };
  walk(join(root, 'electron', 'engine'));
  return entries;
}

/**
 * Packages bundled in rather than loaded from node_modules: libphonenumber-js is pure ES modules,
 * 100-odd small files that every command reads (identities are keyed through it), 40–50 ms of a
 * call's start-up; bundled, it is one chunk. CommonJS packages stay outside: esbuild's ESM output
 * cannot serve their require() of Node's built-ins.
 */
const INLINED = ['libphonenumber-js'];

/** esbuild's `packages: 'external'`, but for the packages named. */
function externalPackagesBut(inlined) {
  return {
    name: 'external-packages-but',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.kind === 'entry-point' || /^[A-Za-z]:[\\/]/.test(args.path)) return undefined;
        const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
        return inlined.includes(name) ? undefined : { path: args.path, external: true };
      });
    },
  };
}

/**
 * esbuild's options for the CLI bundle; the bench builds its child processes with the same ones
 * (scripts/bench/childBundle.ts), so that what it measures is what users run.
 */
export function bundleOptions({ root = projectRoot, entryPoints, outdir, quiet = true }) {
  return {
    absWorkingDir: root,
    entryPoints,
    outdir,
    bundle: true,
    // The engine loads only once a command runs, so `--help` reads a few kilobytes.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Dependencies load from node_modules as they do under tsx: better-sqlite3 is native, jsdom and
    // playwright-core read their own files at run time, and the bundle stays small and quick to build;
    // but for INLINED ones (see there).
    plugins: [externalPackagesBut(INLINED)],
    jsx: 'automatic',
    // The report renders renderer components, which import their styles for Vite; Node needs none.
    loader: { '.css': 'empty', '.svg': 'empty', '.png': 'empty' },
    chunkNames: 'chunk-[hash]',
    sourcemap: 'linked',
    metafile: true,
    logLevel: quiet ? 'silent' : 'warning',
    banner: { js: '// Built by scripts/cliBundle.mjs from electron/ and shared/: edit those, not this.' },
  };
}

/** The schema migrations, read at run time by openDatabase.ts: copied beside a bundle built into `outdir`. */
export function copyMigrations(root, outdir) {
  const migrations = join(root, 'electron', 'engine', 'db', 'migrations');
  cpSync(migrations, join(outdir, 'migrations'), { recursive: true });
  return migrations;
}

/**
 * True when out/cli is missing, or a file it was built from changed or went away since: one stat per source
 * (a few milliseconds), its mtime compared with the one it had at the build, so that a clock skewed into the
 * future cannot make every run build again. A new module needs no check: the module that imports it changed.
 */
export function cliIsStale(root = projectRoot) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(cliDir(root), 'build.json'), 'utf8'));
  } catch {
    return true;
  }
  if (!existsSync(join(cliDir(root), 'index.js'))) return true;
  for (const [input, mtimeMs] of Object.entries(stamp.inputs)) {
    try {
      if (statSync(join(root, input)).mtimeMs !== mtimeMs) return true;
    } catch {
      return true;
    }
  }
  return false;
}

/**
 * Builds into a fresh folder and swaps it in, so that a concurrent run never sees half a bundle; a lock
 * keeps parallel first runs (test files, say) from building it more than once.
 */
export async function buildCli({ root = projectRoot, quiet = true } = {}) {
  mkdirSync(join(root, 'out'), { recursive: true });
  const lock = acquireLock(join(root, 'out', 'cli.lock'));
  try {
    if (lock.waited && !cliIsStale(root)) return { built: false, ms: 0 };
    const { build } = await import('esbuild');
    const started = Date.now();
    const temp = join(root, 'out', `cli.build-${process.pid}`);
    rmSync(temp, { recursive: true, force: true });
    let result;
    try {
      result = await build(bundleOptions({ root, entryPoints: entryPoints(root), outdir: temp, quiet }));
    } catch (err) {
      rmSync(temp, { recursive: true, force: true });
      // One line naming the source, for the CLI to print (npm run build:cli shows the whole report).
      const first = err.errors?.[0];
      throw first ? new Error(`${first.location ? `${first.location.file}:${first.location.line}: ` : ''}${first.text}`) : err;
    }
    const migrations = copyMigrations(root, temp);
    const sources = Object.keys(result.metafile.inputs).filter((p) => !p.includes('node_modules/'));
    const migrationsRel = relative(root, migrations).split('\\').join('/');
    sources.push(migrationsRel, ...readdirSync(migrations).map((file) => `${migrationsRel}/${file}`));
    if (existsSync(join(root, 'scripts', 'cliBundle.mjs'))) sources.push('scripts/cliBundle.mjs');
    const inputs = {};
    const finished = Date.now();
    for (const source of sources) {
      const mtimeMs = statSync(join(root, source)).mtimeMs;
      // A source saved while the build ran may not be in it: the next run builds again.
      inputs[source] = mtimeMs >= started && mtimeMs <= finished ? -1 : mtimeMs;
    }
    writeFileSync(join(temp, 'build.json'), JSON.stringify({ builtAtMs: started, inputs }, null, 1));
    swapIn(temp, cliDir(root), join(root, 'out', `cli.old-${process.pid}`));
    return { built: true, ms: Date.now() - started };
  } finally {
    lock.release();
  }
}

/** Replaces `dir` by `temp`: two renames, so the folder is never half written. */
function swapIn(temp, dir, old) {
  rmSync(old, { recursive: true, force: true });
  if (existsSync(dir)) renameSync(dir, old);
  renameSync(temp, dir);
  rmSync(old, { recursive: true, force: true });
}

/** An exclusive lock file; one older than two minutes is left from a build that died, and is taken over. */
function acquireLock(lockFile) {
  const deadline = Date.now() + 120_000;
  let waited = false;
  for (;;) {
    try {
      closeSync(openSync(lockFile, 'wx'));
      return { waited, release: () => rmSync(lockFile, { force: true }) };
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      try {
        if (Date.now() - statSync(lockFile).mtimeMs > 120_000) rmSync(lockFile, { force: true });
      } catch {
        // Released between the two calls: try again.
      }
      if (Date.now() > deadline) throw new Error(`another build of the command line still holds ${lockFile}`);
      waited = true;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
}
