// The hosted CI workflow for the desktop door (.github/workflows/desktop.yml) cannot run here: this checks that
// it parses and still does what it is for, on each platform, in an order that works.
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
// js-yaml comes with electron-builder, which reads electron-builder.yml with it.
const yaml = createRequire(join(ROOT, 'node_modules', 'app-builder-lib', 'package.json'))('js-yaml') as { load(text: string): unknown };

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { 'runs-on': string; strategy: { matrix: { include: { os: string; builder: string }[] } }; env: Record<string, string>; steps: Step[] }>;
}

const workflow = yaml.load(readFileSync(join(ROOT, '.github/workflows/desktop.yml'), 'utf8')) as Workflow;
const job = workflow.jobs.desktop;
const index = (match: (s: Step) => boolean) => job.steps.findIndex(match);

describe('.github/workflows/desktop.yml', () => {
  it('runs on Linux, macOS and Windows, each building its own installers', () => {
    expect(job['runs-on']).toBe('${{ matrix.os }}');
    expect(job.strategy.matrix.include).toEqual([
      { os: 'ubuntu-latest', builder: '--linux' },
      { os: 'macos-latest', builder: '--mac' },
      { os: 'windows-latest', builder: '--win' },
    ]);
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
  });

  it('checks out, sets up Node 20, installs, fetches Electron, builds, smoke-tests, then packages', () => {
    const checkout = index((s) => s.uses === 'actions/checkout@v4');
    const node = index((s) => s.uses === 'actions/setup-node@v4');
    expect(job.steps[node].with).toMatchObject({ 'node-version': 20 });
    const install = index((s) => /^npm ci\b/.test(s.run ?? ''));
    const electron = index((s) => s.run === 'node node_modules/electron/install.js');
    const build = index((s) => s.run === 'npm run build');
    const smoke = job.steps.map((s, i) => [s, i] as const).filter(([s]) => (s.run ?? '').includes('tests/electron/main/desktopSmoke.test.ts'));
    const installers = index((s) => s.run === 'npx electron-builder ${{ matrix.builder }} --publish never');
    for (const i of [checkout, node, install, electron, build, installers]) expect(i).toBeGreaterThanOrEqual(0);
    expect([checkout, node, install, electron, build]).toEqual([...[checkout, node, install, electron, build]].sort((a, b) => a - b));
    expect(smoke).toHaveLength(2);
    for (const [, i] of smoke) expect(build < i && i < installers).toBe(true);
    expect(existsSync(join(ROOT, 'tests/electron/main/desktopSmoke.test.ts'))).toBe(true);
  });

  it('runs the smoke test under xvfb on Linux only, and makes a missing binary fail it', () => {
    const linux = job.steps.find((s) => (s.run ?? '').startsWith('xvfb-run '));
    expect(linux?.if).toBe("runner.os == 'Linux'");
    expect(job.steps.find((s) => (s.run ?? '').includes('apt-get install -y xvfb'))?.if).toBe("runner.os == 'Linux'");
    const other = job.steps.find((s) => (s.run ?? '').startsWith('node node_modules/vitest/vitest.mjs run tests/electron/main/desktopSmoke'));
    expect(other?.if).toBe("runner.os != 'Linux'");
    expect(job.env.TIECHECK_REQUIRE_ELECTRON).toBe('1');
    expect(job.env.CSC_IDENTITY_AUTO_DISCOVERY).toBe('false');
  });

  it('packages with better-sqlite3 rebuilt for Electron (npmRebuild in electron-builder.yml)', () => {
    const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as { npmRebuild: boolean };
    expect(config.npmRebuild).toBe(true);
  });
});
