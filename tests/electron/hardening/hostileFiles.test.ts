// Hostile files through every importer, on a database that already holds a good import: a clean result or one ImportError naming the file — never another error, a hang, or a partial write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../electron/engine/db/openDatabase';
import { importFile } from '../../../electron/engine/imports/importFile';
import { BAD_FILES, SAMPLES, type FormatSample } from './hostileCorpus';
import { ImportRunner, type Outcome } from './importRunner';

const CASE_TIMEOUT_MS = 20_000;
let dir: string;
let dbPath: string;
let reader: Database.Database;
let runner: ImportRunner;
const tally: string[] = [];
const slow: string[] = [];

function counts(): Record<string, number> {
  const tables = reader.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (reader.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

/** Runs one file through one entry and checks the outcome; returns it for the tally. */
async function runCase(label: string, file: string, fileName: string, sample: FormatSample, format: string | undefined, entry: 'import' | 'preview' = 'import'): Promise<Outcome> {
  const before = counts();
  const started = Date.now();
  const outcome = await runner.run({ entry, dbPath, path: file, options: { kind: sample.kind, format } }, CASE_TIMEOUT_MS);
  const elapsed = Date.now() - started;
  const context = `${label} (${format ?? 'auto'}, ${entry}) after ${elapsed} ms: ${outcome.ok ? 'ok' : `${outcome.errorClass}: ${outcome.message}`}`;
  if (elapsed > 1500) slow.push(`  ${fileName} ${context.slice(0, 160)}`);
  if (!outcome.ok) {
    expect(outcome.errorClass, context).toBe('ImportError');
    expect(outcome.isImportError, context).toBe(true);
    expect(outcome.message.startsWith(`${fileName}: `) || outcome.message.startsWith(`${fileName}, line `), context).toBe(true);
    expect(outcome.message, context).not.toContain('\n');
    expect(outcome.message.length, context).toBeLessThan(1300);
    expect(counts(), context).toEqual(before);
  }
  return outcome;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tiecheck-hostile-'));
  dbPath = join(dir, 'hostile.db');
  // The database already holds a good import of each kind, which no bad file may disturb.
  const db = openDatabase(dbPath);
  for (const sample of [SAMPLES[0], SAMPLES.find((s) => s.format === 'mbox')!]) {
    const good = join(dir, `good.${sample.ext}`);
    writeFileSync(good, sample.text);
    await importFile(db, good, { kind: sample.kind, format: sample.format });
  }
  db.close();
  reader = new Database(dbPath, { readonly: true });
  runner = new ImportRunner();
}, 60_000);

afterAll(async () => {
  await runner.close();
  reader.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(`hostile corpus outcomes (ok = read cleanly, refused = one ImportError):\n${tally.join('\n')}\nslow cases:\n${slow.join('\n')}`);
});

describe.each(SAMPLES.map((s) => [`${s.kind} ${s.format}`, s] as const))('%s', (_label, sample) => {
  it('reads its good sample, then reads or cleanly refuses every bad file, within the time bound', async () => {
    const goodName = `${sample.format}-good.${sample.ext}`;
    const good = join(dir, goodName);
    writeFileSync(good, sample.text);
    const goodOutcome = await runCase('good sample', good, goodName, sample, sample.format);
    expect(goodOutcome.ok, JSON.stringify(goodOutcome)).toBe(true);

    let ok = 0;
    let refused = 0;
    for (const bad of BAD_FILES) {
      const fileName = `${sample.format}-${bad.name}.${sample.ext}`;
      const file = join(dir, fileName);
      writeFileSync(file, bad.make(sample));
      const formats = bad.heavy ? [sample.format] : [sample.format, undefined];
      for (const format of formats) {
        const outcome = await runCase(bad.name, file, fileName, sample, format);
        if (outcome.ok) ok++;
        else refused++;
      }
      if (!bad.heavy) await runCase(bad.name, file, fileName, sample, sample.format, 'preview');
      rmSync(file, { force: true });
    }
    tally.push(`  ${sample.kind} ${sample.format}: ${ok} ok, ${refused} refused`);
  }, 240_000);
});

describe('a 2 GB file', () => {
  it('is refused fast, or streamed in bounded memory, in every format (the worker has a 256 MB heap)', async () => {
    const small = new ImportRunner(256);
    try {
      for (const sample of SAMPLES) {
        const fileName = `huge-${sample.format}.${sample.ext}`;
        const file = join(dir, fileName);
        const fd = openSync(file, 'w');
        writeSync(fd, `${sample.text.split('\n')[0]}\n`);
        // Sparse: 2.1 GB that cost no disk and read back as NUL bytes.
        ftruncateSync(fd, 2100 * 1024 * 1024);
        closeSync(fd);
        expect(statSync(file).size).toBeGreaterThan(2 ** 31);
        const before = counts();
        const started = Date.now();
        const outcome = await small.run({ entry: 'import', dbPath, path: file, options: { kind: sample.kind, format: sample.format } }, 90_000);
        const elapsed = Date.now() - started;
        const context = `${fileName} after ${elapsed} ms: ${JSON.stringify(outcome)}`;
        tally.push(`  2 GB ${sample.kind} ${sample.format}: ${outcome.ok ? 'streamed' : `refused (${outcome.message})`} in ${elapsed} ms`);
        if (outcome.ok) {
          // Only a mailbox may be this big for real (Takeout archives are); it is read in 1 MB pieces.
          expect(sample.format, context).toBe('mbox');
        } else {
          expect(outcome.errorClass, context).toBe('ImportError');
          expect(outcome.message, context).toMatch(new RegExp(`^${fileName.replace(/\./g, '\\.')}(: |, line )`));
          expect(elapsed, context).toBeLessThan(10_000);
          expect(counts(), context).toEqual(before);
        }
        rmSync(file, { force: true });
      }
    } finally {
      await small.close();
    }
  }, 300_000);
});
