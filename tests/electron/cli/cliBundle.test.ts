// The command line as built JavaScript: esbuild's bundle in out/cli, rebuilt when a source it was built
// from changes or goes away, and a `--help` that loads none of the engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildCli, cliIsStale } from '../../../scripts/cliBundle.mjs';

const ROOT = resolve(import.meta.dirname, '../../..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
let copy: string;

beforeAll(() => {
  // A copy of the sources the CLI is built from, so that touching them never disturbs the project's own bundle.
  copy = mkdtempSync(join(tmpdir(), 'tiecheck-bundle-'));
  for (const dir of ['electron', 'shared', 'renderer', 'scripts']) cpSync(join(ROOT, dir), join(copy, dir), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('the CLI bundle', () => {
  it('holds the CLI, every engine worker and the migrations, and runs without tsx', async () => {
    expect(cliIsStale(copy)).toBe(true);
    expect((await buildCli({ root: copy })).built).toBe(true);
    const out = join(copy, 'out', 'cli');
    const workers = readdirSync(join(copy, 'electron', 'engine'), { recursive: true, encoding: 'utf8' }).filter((f) => /Worker\.ts$/.test(f));
    expect(workers.length).toBeGreaterThan(0);
    for (const worker of workers) expect(existsSync(join(out, `${worker.split(/[\\/]/).pop()!.replace(/\.ts$/, '.js')}`))).toBe(true);
    expect(readdirSync(join(out, 'migrations'))).toEqual(readdirSync(join(ROOT, 'electron', 'engine', 'db', 'migrations')));
    expect(cliIsStale(copy)).toBe(false);

    const db = join(copy, 'bundle.db');
    const csv = join(copy, 'Connections.csv');
    writeFileSync(csv, 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,Byron,https://www.linkedin.com/in/ada-b,,Analytical,Engineer,10 Dec 2015\n');
    const run = (...args: string[]) => spawnSync(process.execPath, [join(out, 'index.js'), ...args], { cwd: copy, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run('--version').stdout).toBe(`tiecheck ${VERSION}\n`);
    const imported = run('import', '--db', db, '--json', csv);
    expect(imported.status, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ added: 1 });
  });

  it('is stale once a source it was built from is newer than the build, or gone', async () => {
    if (cliIsStale(copy)) await buildCli({ root: copy });
    const source = join(copy, 'electron', 'cli', 'helpText.ts');
    const later = new Date(Date.now() + 60_000);
    utimesSync(source, later, later);
    expect(cliIsStale(copy)).toBe(true);
    await buildCli({ root: copy });
    expect(cliIsStale(copy)).toBe(false);
    // A migration is read at run time, not bundled: it counts as a source too.
    const migrations = join(copy, 'electron', 'engine', 'db', 'migrations');
    const first = readdirSync(migrations)[0];
    utimesSync(join(migrations, first), new Date(Date.now() + 120_000), new Date(Date.now() + 120_000));
    expect(cliIsStale(copy)).toBe(true);
    await buildCli({ root: copy });
    rmSync(join(copy, 'electron', 'cli', 'output.ts'));
    expect(cliIsStale(copy)).toBe(true);
  });

  it('refuses a source that does not compile in one line naming it, and keeps the last good bundle', async () => {
    cpSync(join(ROOT, 'electron', 'cli', 'output.ts'), join(copy, 'electron', 'cli', 'output.ts'));
    await buildCli({ root: copy });
    const help = join(copy, 'electron', 'cli', 'helpText.ts');
    writeFileSync(help, `${readFileSync(help, 'utf8')}\nexport const broken = ;\n`);
    await expect(buildCli({ root: copy })).rejects.toThrow(/^electron\/cli\/helpText\.ts:\d+: .+$/);
    expect(cliIsStale(copy)).toBe(true);
    const r = spawnSync(process.execPath, [join(copy, 'out', 'cli', 'index.js'), '--version'], { encoding: 'utf8' });
    expect(r.stdout).toBe(`tiecheck ${VERSION}\n`);
    expect(readdirSync(join(copy, 'out')).filter((f) => f.startsWith('cli.'))).toEqual([]);
  });
});

describe('tiecheck --help', () => {
  /** Runs the project's bundle in-process under `args` and lists the packages it loaded through require. */
  function loadedPackages(args: string[]): string[] {
    const probe = `
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      process.argv = [process.argv[0], 'tiecheck', ...${JSON.stringify(args)}];
      await import(${JSON.stringify(join(ROOT, 'out', 'cli', 'index.js'))});
      setTimeout(() => console.error(JSON.stringify([...new Set(Object.keys(require.cache).filter((k) => k.includes('node_modules')).map((k) => k.split(/node_modules[\\\\/]/)[1].split(/[\\\\/]/)[0]))])), 300);`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: copy, encoding: 'utf8' });
    return JSON.parse(r.stderr.trim().split('\n').pop()!) as string[];
  }

  it('answers from the bundle without loading the engine (no SQLite), where a command loads it', () => {
    // The launcher brings the project's bundle up to date first.
    const help = spawnSync(process.execPath, [join(ROOT, 'scripts', 'tiecheck.mjs'), '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: npm run -s tiecheck');
    expect(loadedPackages(['--help'])).not.toContain('better-sqlite3');
    expect(loadedPackages(['audit', '--db', join(copy, 'help.db'), '--json'])).toContain('better-sqlite3');
  });
});
