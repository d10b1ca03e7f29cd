// fast-check over every importer format and both entries (import, preview): random and mangled bytes give a clean result or one ImportError, within 5 s each, with nothing half-written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../electron/engine/db/openDatabase';
import { importFile } from '../../../electron/engine/imports/importFile';
import { SAMPLES, type FormatSample } from './hostileCorpus';
import { ImportRunner } from './importRunner';

const INPUT_TIMEOUT_MS = 5_000;
const RUNS = Number(process.env.TIECHECK_FUZZ_RUNS ?? 40);
let dir: string;
let dbPath: string;
let reader: Database.Database;
let runner: ImportRunner;
let fileNo = 0;

/** Words each format's reader keys on, so that random input reaches past the first checks. */
const TOKENS = [
  '"', '""', ',', ';', '\t', '\n', '\r\n', '\r', ' ', '\u0000', '\uFEFF', 'é', '🚀', '\\', '=', ':', '<', '>', '/>', '&amp;', '&#0;', '&x;',
  'First Name', 'Last Name', 'URL', 'Email Address', 'Connected On', 'Name', 'E-mail 1 - Value', 'CONVERSATION ID', 'FROM', 'TO', 'DATE', 'CONTENT',
  'Sent At', 'Direction', 'INCOMING', 'From ', 'From: a@b.c', 'To: x@y.z', 'Subject: =?UTF-8?B?w6k=?=', 'Date: Mon, 1 Jan 2024 10:00:00 +0000', 'References: <a@b>',
  'BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'END:VEVENT', 'END:VCALENDAR', 'DTSTART:20240101T100000Z', 'RRULE:FREQ=SECONDLY;COUNT=999999999', 'ATTENDEE;PARTSTAT=ACCEPTED:mailto:a@b.c',
  'BEGIN:VCARD', 'END:VCARD', 'FN:', 'N:;;;;', '<calls count="1">', '<call number="1" duration="5" date="1706290307000" type="1" contact_name="A" />', '</calls>',
  '{', '}', '[', ']', '"friends_v2":', '"participants":', '"messages":', '"sender_name":', '"timestamp_ms":', '1e999', 'null', '2024-01-01', '12 Jan 2019', '99/99/99',
];

function counts(): Record<string, number> {
  const tables = reader.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (reader.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

function inputs(sample: FormatSample): fc.Arbitrary<Buffer> {
  const base = Buffer.from(sample.text);
  return fc.oneof(
    fc.uint8Array({ maxLength: 4096 }).map((a) => Buffer.from(a)),
    fc.array(fc.constantFrom(...TOKENS), { maxLength: 300 }).map((t) => Buffer.from(t.join(''))),
    fc.record({ at: fc.nat(), drop: fc.nat({ max: 400 }), junk: fc.uint8Array({ maxLength: 300 }) }).map(({ at, drop, junk }) => {
      const cut = at % (base.length + 1);
      return Buffer.concat([base.subarray(0, cut), Buffer.from(junk), base.subarray(Math.min(base.length, cut + drop))]);
    }),
    fc.record({ at: fc.nat(), words: fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }) }).map(({ at, words }) => {
      const cut = at % (base.length + 1);
      return Buffer.concat([base.subarray(0, cut), Buffer.from(words.join('')), base.subarray(cut)]);
    }),
  );
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tiecheck-fuzz-'));
  dbPath = join(dir, 'fuzz.db');
  const db = openDatabase(dbPath);
  const good = join(dir, 'good.csv');
  writeFileSync(good, SAMPLES[0].text);
  await importFile(db, good, { kind: 'connections', format: 'linkedin' });
  db.close();
  reader = new Database(dbPath, { readonly: true });
  runner = new ImportRunner();
}, 60_000);

afterAll(async () => {
  await runner.close();
  reader.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(SAMPLES.map((s) => [`${s.kind} ${s.format}`, s] as const))('%s', (_label, sample) => {
  it.each(['import', 'preview'] as const)('%s: any bytes give a clean result or one ImportError, in time, writing nothing on failure', async (entry) => {
    await fc.assert(
      fc.asyncProperty(inputs(sample), fc.boolean(), async (bytes, auto) => {
        const fileName = `fuzz-${++fileNo}.${sample.ext}`;
        const file = join(dir, fileName);
        writeFileSync(file, bytes);
        const before = counts();
        const outcome = await runner.run({ entry, dbPath, path: file, options: { kind: sample.kind, format: auto ? undefined : sample.format } }, INPUT_TIMEOUT_MS);
        rmSync(file, { force: true });
        if (outcome.ok) return;
        const context = `${fileName} (${auto ? 'auto' : sample.format}): ${outcome.errorClass}: ${outcome.message}`;
        expect(outcome.errorClass, context).toBe('ImportError');
        expect(outcome.message.startsWith(`${fileName}: `) || outcome.message.startsWith(`${fileName}, line `), context).toBe(true);
        expect(outcome.message, context).not.toContain('\n');
        expect(counts(), context).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
