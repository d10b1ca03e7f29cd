// The bench's child processes run what users run: benchChild.ts built with the CLI bundle's options, the parse
// worker where imports/parseBesideWrites.ts finds it, so a file of a few MB is parsed in the worker as in the CLI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { prepareChildLauncher } from '../../scripts/bench/childBundle';
import { childLauncher, runChild, setChildLauncher, sourcesLauncher, writeChunks } from '../../scripts/bench/benchEnv';
import { generateNetwork, writeLinkedInConnectionsCsv } from '../../shared/demo';

const ROOT = resolve(import.meta.dirname, '../..');
let dir: string;
let csv: string;
let built = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tiecheck-bench-child-'));
  csv = join(dir, 'Connections.csv');
  // About 1.2 MB: past the built engine's 1 MB worker threshold, far under the 32 MB of the sources.
  await writeChunks(csv, writeLinkedInConnectionsCsv(generateNetwork({ seed: 7, connections: 10_000, asOf: '2025-06-30' })));
});
afterAll(() => {
  setChildLauncher(sourcesLauncher);
  rmSync(dir, { recursive: true, force: true });
  if (built) rmSync(built, { recursive: true, force: true });
});

describe("the bench's child bundle", () => {
  it('holds benchChild.js, the parse worker beside it and the migrations, and imports as the sources do, parsing in the worker', async () => {
    // Inside the project, where the bundle's packages resolve from node_modules as the bench's own do.
    const out = join(ROOT, 'bench-data', `test-child-${process.pid}`);
    built = out;
    const launcher = await prepareChildLauncher(out);
    expect(launcher).toBe(childLauncher());
    expect(launcher.args).toEqual([join(out, 'benchChild.js')]);
    expect(launcher.describe).toMatch(/built bundle/);
    expect(existsSync(join(out, 'parseWorker.js'))).toBe(true);
    expect(readdirSync(join(out, 'migrations'))).toEqual(readdirSync(join(ROOT, 'electron', 'engine', 'db', 'migrations')));

    // The worker starts with none of the parsers: it loads its job's own (a connection export needs
    // neither the archive readers nor the mail parsers) by dynamic import.
    const atStart = staticClosure(out, 'parseWorker.js');
    expect(atStart).toContain('ImportError');
    for (const loadedLater of ['function streamConnectionFile(', 'function streamInteractionFile(', 'from "yauzl"', 'from "tar-stream"', 'from "iconv-lite"']) {
      expect(atStart).not.toContain(loadedLater);
    }
    expect(readFileSync(join(out, 'parseWorker.js'), 'utf8').match(/\bimport\("\.\/chunk-/g)?.length).toBeGreaterThanOrEqual(4);

    const task = (name: string) => ({ task: 'import' as const, dbPath: join(dir, `${name}.db`), file: csv, kind: 'connections' as const });
    const bundled = await runChild(task('built'));
    expect(bundled.parsedIn).toBe('worker');
    setChildLauncher(sourcesLauncher);
    const sources = await runChild(task('sources'));
    expect(sources.parsedIn).toBe('thread');
    expect(bundled.rows).toEqual(sources.rows);
    expect(bundled.added).toBe(10_000);
  }, 120_000);
});

/** The text of a bundled module and of every chunk it imports statically, as loading it evaluates them. */
function staticClosure(dir: string, entry: string): string {
  const seen = new Set<string>();
  const texts: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(dir, file), 'utf8');
    texts.push(text);
    for (const m of text.matchAll(/^import\s[^;]*?from\s*"\.\/([^"]+)";|^import\s*"\.\/([^"]+)";/gm)) visit(m[1] ?? m[2]);
  };
  visit(entry);
  return texts.join('\n');
}
