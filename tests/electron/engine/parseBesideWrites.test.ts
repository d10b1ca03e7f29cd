// Parsing beside the writes changes no import's result: the same files imported with their parsing in a
// worker thread and in-thread leave the same database, row for row (person ids and creation times aside,
// which differ between any two imports), report the same summaries, and fail with the same messages.
import { afterEach, describe, expect, it } from 'vitest';
import { importFile, type ImportFileOptions } from '../../../electron/engine/imports/importFile';
import { generateDemoBundle, generateNetwork, writeMboxText } from '../../../shared/demo';
import { tempWorkspace, type TempWorkspace } from '../../fixtures/tempDb';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importArchives, type ArchiveImportOptions } from '../../../electron/engine/archives/importArchive';
import { openArchive } from '../../../electron/engine/archives/openArchive';
import type { InflateLimits } from '../../../electron/engine/archives/archiveTypes';
import { entryParsesInWorker, startParseWorker, streamConnectionFileBeside } from '../../../electron/engine/imports/parseBesideWrites';
import { once } from 'node:events';
import type { PreparedConnection } from '../../../electron/engine/imports/preparedConnections';
import type { EntryLocator } from '../../../electron/engine/importers/text/byteSource';
import {
  CONNECTIONS_CSV,
  facebookExport,
  linkedinExport,
  patchZipHeaders,
  takeoutExport,
  writeTgz,
  writeZip,
  type ArchiveFile,
} from '../../fixtures/archives/archiveFixtures';
import { gmailMbox } from '../../fixtures/interactions/interactionFixtures';
import { FIXTURE_IMPORTS, dbContents, importSequence, type FileImport } from '../../fixtures/importScenarios';

afterEach(() => {
  delete process.env.TIECHECK_PARSE_IN;
});

describe('parsing in a worker thread', () => {
  it('leaves the same database as parsing in-thread, for every fixture', async () => {
    const thread = await importSequence('thread', FIXTURE_IMPORTS);
    const worker = await importSequence('worker', FIXTURE_IMPORTS);
    expect(thread.db.interactions.length).toBeGreaterThan(20);
    expect(thread.results.filter((r) => (r as { error?: string }).error).length).toBeGreaterThanOrEqual(2);
    expect(worker.results).toEqual(thread.results);
    expect(worker.db).toEqual(thread.db);
  }, 120_000);

  it('leaves the same database for a bench-like network and a mailbox of several MB (many batches, back-pressure)', async () => {
    const bundle = generateDemoBundle({ seed: 11, connections: 400, asOf: '2025-06-30' });
    const big = writeMboxText(generateNetwork({ seed: 12, connections: 400, asOf: '2025-06-30', me: bundle.me }), { targetBytes: 3 * 1024 * 1024 });
    const files: FileImport[] = [
      ...bundle.files.map((f) => ({ name: f.name, content: f.text, options: { kind: /connections/i.test(f.name) ? 'connections' : 'interactions', me: [{ kind: 'email', value: bundle.me.email }] } as ImportFileOptions })),
      { name: 'big.mbox', content: big, options: { kind: 'interactions' } },
    ];
    const thread = await importSequence('thread', files);
    const worker = await importSequence('worker', files);
    expect(thread.db.participants.length).toBeGreaterThan(5000);
    expect(worker.results).toEqual(thread.results);
    expect(worker.db).toEqual(thread.db);
  }, 240_000);

  it('parses large files in the worker by default (32 MB and more from the sources), smaller ones in-thread', async () => {
    const { parsesInWorker } = await import('../../../electron/engine/imports/parseBesideWrites');
    const ws = tempWorkspace();
    try {
      expect(parsesInWorker(ws.write('small.mbox', gmailMbox()))).toBe(false);
      expect(parsesInWorker(ws.write('medium.mbox', Buffer.alloc(4 * 1024 * 1024, 'a')))).toBe(false);
      expect(parsesInWorker(ws.write('big.mbox', Buffer.alloc(32 * 1024 * 1024, 'a')))).toBe(true);
      process.env.TIECHECK_PARSE_IN = 'worker';
      expect(parsesInWorker(ws.write('small2.mbox', gmailMbox()))).toBe(true);
    } finally {
      ws.close();
    }
  });

  it('a cancelled import writes nothing and stops its worker', async () => {
    process.env.TIECHECK_PARSE_IN = 'worker';
    const ws = tempWorkspace();
    try {
      const net = generateNetwork({ seed: 5, connections: 100, asOf: '2025-06-30' });
      const path = ws.write('big.mbox', writeMboxText(net, { targetBytes: 4 * 1024 * 1024 }));
      const controller = new AbortController();
      let batches = 0;
      const promise = importFile(ws.ctx.db, path, {
        kind: 'interactions',
        signal: controller.signal,
        onProgress: () => {
          if (++batches === 3) controller.abort();
        },
      });
      await expect(promise).rejects.toThrow(/cancelled/);
      expect(ws.ctx.db.prepare(`SELECT count(*) AS n FROM interactions`).get()).toEqual({ n: 0 });
    } finally {
      ws.close();
    }
  }, 60_000);
});

describe('a parse worker started before its job', () => {
  it('takes the job it is given later and parses as in-thread; it serves one parse of its kind only', async () => {
    const ws = tempWorkspace();
    try {
      const path = ws.write('Connections.csv', CONNECTIONS_CSV);
      const rowsOf = async (started?: Awaited<ReturnType<typeof startParseWorker>>) => {
        const rows: unknown[] = [];
        // What the writer reads of a row (its raw text and the joiner's other keys serve the file's duplicate check, where it is prepared).
        const asWritten = ({ r, ids, verdict }: PreparedConnection) => ({ r: { ...r, rawRow: undefined }, ids, verdict: 'join' in verdict ? verdict : { key: verdict.key, rowKey: verdict.rowKey } });
        const info = await streamConnectionFileBeside(path, { format: 'linkedin' }, (batch) => rows.push(...batch.map(asWritten)), undefined, started);
        return { rows, info };
      };
      const inThread = await rowsOf(null);
      process.env.TIECHECK_PARSE_IN = 'worker';
      const started = await startParseWorker('connections', path);
      expect(started).not.toBeNull();
      // Its job comes after its start-up, as when an import detects the format meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const inWorker = await rowsOf(started);
      expect(inThread.rows.length).toBeGreaterThan(1);
      expect(inWorker).toEqual(inThread);
      await expect(rowsOf(started)).rejects.toThrow(/cannot parse again/);
      const forMail = await startParseWorker('interactions', path);
      await expect(rowsOf(forMail)).rejects.toThrow(/started for interactions/);
      forMail!.release();
    } finally {
      ws.close();
    }
  }, 60_000);

  it('ends when released without a job (the import failed first), and is null for a file parsed in-thread', async () => {
    const ws = tempWorkspace();
    try {
      const path = ws.write('Connections.csv', CONNECTIONS_CSV);
      expect(await startParseWorker('connections', path)).toBeNull();
      process.env.TIECHECK_PARSE_IN = 'worker';
      const started = (await startParseWorker('connections', path))!;
      const exited = once(started.worker, 'exit');
      started.release();
      await exited;
      expect(started.exitCode).not.toBeNull();
    } finally {
      ws.close();
    }
  }, 60_000);
});

/** A Takeout and a LinkedIn download in one archive, with a mailbox of a few MB (many batches, back-pressure). */
function bigArchiveFiles(): ArchiveFile[] {
  const bundle = generateDemoBundle({ seed: 21, connections: 300, asOf: '2025-06-30' });
  const mbox = writeMboxText(generateNetwork({ seed: 22, connections: 300, asOf: '2025-06-30', me: bundle.me }), { targetBytes: 3 * 1024 * 1024 });
  return [...linkedinExport(), ...takeoutExport(), ...facebookExport(), { name: 'Takeout/Mail/Archived.mbox', content: mbox }];
}

type ArchiveWriter = (path: string, files: ArchiveFile[]) => Promise<string>;
const WRITERS: [string, ArchiveWriter][] = [
  ['zip', writeZip],
  ['tgz', (path, files) => writeTgz(path, files)],
  ['tar', (path, files) => writeTgz(path, files, false)],
];

/** Imports a whole archive in one mode: the summaries (or the error) and every row, and whether anything was written. */
async function importArchiveIn(mode: 'thread' | 'worker', name: string, files: ArchiveFile[], write: ArchiveWriter, opts: ArchiveImportOptions = {}) {
  process.env.TIECHECK_PARSE_IN = mode;
  const ws = tempWorkspace();
  try {
    await importFile(ws.ctx.db, ws.write('Connections.csv', CONNECTIONS_CSV.replace('Jane,Doe', 'Janet,Doe')), { kind: 'connections' });
    const before = JSON.stringify(dbContents(ws.ctx.db));
    const path = await write(join(ws.dir, name), files);
    let outcome: unknown;
    try {
      const result = await importArchives(ws.ctx.db, [path], opts);
      outcome = result.summaries.map((s) => ({ ...s, batchId: s.batchId === null ? null : 'batch' }));
    } catch (err) {
      outcome = { error: err instanceof Error ? `${err.constructor.name}: ${err.message}` : String(err) };
    }
    const db = dbContents(ws.ctx.db);
    return { outcome, db, unchanged: JSON.stringify(db) === before };
  } finally {
    ws.close();
  }
}

/** Imports one entry through importFile; `readHere` lists the entries whose bytes this thread read past their head. */
async function importEntryIn(mode: 'thread' | 'worker', archivePath: string, entryPath: string, ws: TempWorkspace, opts: ImportFileOptions) {
  process.env.TIECHECK_PARSE_IN = mode;
  const readHere: string[] = [];
  const archive = await openArchive(archivePath);
  let summary: unknown = null;
  try {
    await archive.visit(
      (entry) => entry.path === entryPath,
      async (entry, source) => {
        const spied = { ...source, chunks: () => (readHere.push(entry.path), source.chunks()) };
        summary = await importFile(ws.ctx.db, spied, { ...opts, displayName: entry.path.split('/').pop() });
        return 'stop';
      },
    );
  } finally {
    await archive.close();
  }
  return { summary, readHere };
}

describe('archive entries parsed in a worker thread', () => {
  for (const [kind, write] of WRITERS) {
    it(`a ${kind}: the same summaries and database as in-thread, the entry read by the worker alone`, async () => {
      const files = bigArchiveFiles();
      const me = { me: [{ kind: 'email' as const, value: 'owner@example.com' }] };
      const thread = await importArchiveIn('thread', `export.${kind}`, files, write, me);
      const worker = await importArchiveIn('worker', `export.${kind}`, files, write, me);
      expect((thread.outcome as unknown[]).length).toBeGreaterThanOrEqual(8);
      expect(thread.db.participants.length).toBeGreaterThan(3000);
      expect(worker.outcome).toEqual(thread.outcome);
      expect(worker.db).toEqual(thread.db);

      // One entry through importFile: with the worker, this thread reads none of its bytes (a tar's head aside).
      const ws = tempWorkspace();
      try {
        const path = await write(join(ws.dir, `one.${kind}`), files);
        const inWorker = await importEntryIn('worker', path, 'Takeout/Mail/Archived.mbox', ws, { kind: 'interactions' });
        expect(inWorker.readHere).toEqual([]);
        expect((inWorker.summary as { added: number }).added).toBeGreaterThan(1000);
        const connections = await importEntryIn('worker', path, 'Connections.csv', ws, { kind: 'connections' });
        expect(connections.readHere).toEqual([]);
        const inThread = await importEntryIn('thread', path, 'Takeout/Mail/Archived.mbox', ws, { kind: 'interactions' });
        expect(inThread.readHere).toEqual(['Takeout/Mail/Archived.mbox']);
        expect((inThread.summary as { added: number }).added).toBe(0);
      } finally {
        ws.close();
      }
    }, 240_000);
  }

  /** Hostile entries refused the same way whichever thread parses them, with nothing written. */
  const HOSTILE: { name: string; write: ArchiveWriter; files: () => ArchiveFile[]; edit?: (buf: Buffer) => Buffer; expected: RegExp; limits?: InflateLimits }[] = [
    {
      name: 'damaged.zip',
      write: writeZip,
      files: () => [{ name: 'Connections.csv', content: CONNECTIONS_CSV }, { name: 'Mail/all.mbox', content: gmailMbox().repeat(40) }],
      // The deflated data of the mailbox, past its local header, overwritten: it fails while inflating.
      edit: (buf) => {
        const at = buf.indexOf('Mail/all.mbox') + 'Mail/all.mbox'.length + 200;
        return Buffer.from(buf).fill(0xff, at, at + 64);
      },
      expected: /^ArchiveError: damaged\.zip › Mail\/all\.mbox(, line \d+)?: (the entry is damaged \(.*\)|.+)$/,
    },
    {
      name: 'liar.zip',
      write: writeZip,
      files: () => [{ name: 'Connections.csv', content: CONNECTIONS_CSV }, { name: 'Mail/all.mbox', content: Buffer.alloc(20 * 1024 * 1024, 0x41) }],
      // Its headers declare 5,000 bytes: the bomb is caught on the bytes inflated, in whichever thread reads them.
      edit: (buf) =>
        patchZipHeaders(buf, (header, at, kind) => {
          const nameLength = header.readUInt16LE(at + (kind === 'local' ? 26 : 28));
          const start = at + (kind === 'local' ? 30 : 46);
          if (header.toString('latin1', start, start + nameLength) === 'Mail/all.mbox') header.writeUInt32LE(5000, at + (kind === 'local' ? 22 : 24));
        }),
      expected: /^ArchiveError: liar\.zip › Mail\/all\.mbox: refused as a zip bomb/,
    },
    {
      // A tgz is inflated whole by the survey, so its damage is caught there; a mailbox broken deep inside fails in the parse.
      name: 'broken.tgz',
      write: (path, files) => writeTgz(path, files),
      files: () => [...takeoutExport(), { name: 'Takeout/Mail/late.mbox', content: `${gmailMbox().repeat(20)}\n\nFrom a@example.com Mon Jan 1 00:00:00 2024\nSubject: cut here` }],
      expected: /^ArchiveError: broken\.tgz › Takeout\/Mail\/late\.mbox, line \d{3,}: the file ends in the middle of a message header \(truncated\?\)$/,
    },
    {
      name: 'bomb.tgz',
      write: (path, files) => writeTgz(path, files),
      files: () => [{ name: 'Connections.csv', content: CONNECTIONS_CSV }, { name: 'Takeout/Mail/all.mbox', content: Buffer.alloc(3 * 1024 * 1024, 0x41) }],
      limits: { ratio: 20, floorBytes: 1024 * 1024 },
      expected: /^ArchiveError: bomb\.tgz( › [^:]+)?: refused as a gzip bomb: it inflates past 20 times its own size/,
    },
    {
      name: 'cut.tgz',
      write: (path, files) => writeTgz(path, files),
      files: () => [...takeoutExport().slice(0, 3), { name: 'Takeout/Mail/all.mbox', content: gmailMbox().repeat(500) }],
      edit: (buf) => buf.subarray(0, Math.floor(buf.length * 0.8)),
      expected: /^ArchiveError: cut\.tgz › Takeout\/Mail\/all\.mbox: the archive is damaged or cut short inside this file \(unexpected end of file\)$/,
    },
    {
      name: 'broken.zip',
      write: writeZip,
      files: () => [...linkedinExport(), { name: 'Takeout/Mail/broken.mbox', content: 'From a@example.com Mon Jan 1 00:00:00 2024\nSubject: cut here' }],
      expected: /^ArchiveError: broken\.zip › Takeout\/Mail\/broken\.mbox, line 2: the file ends in the middle of a message header \(truncated\?\)$/,
    },
  ];
  for (const hostile of HOSTILE) {
    it(`${hostile.name}: the same one-line error either way, nothing written`, async () => {
      const write: ArchiveWriter = async (path, files) => {
        await hostile.write(path, files);
        if (hostile.edit) writeFileSync(path, hostile.edit(readFileSync(path)));
        return path;
      };
      const thread = await importArchiveIn('thread', hostile.name, hostile.files(), write, { limits: hostile.limits });
      const worker = await importArchiveIn('worker', hostile.name, hostile.files(), write, { limits: hostile.limits });
      expect((thread.outcome as { error: string }).error).toMatch(hostile.expected);
      expect(worker.outcome).toEqual(thread.outcome);
      expect(thread.unchanged).toBe(true);
      expect(worker.unchanged).toBe(true);
    }, 120_000);
  }

  it('a cancelled archive import writes nothing and stops its worker', async () => {
    process.env.TIECHECK_PARSE_IN = 'worker';
    const ws = tempWorkspace();
    try {
      const path = await writeZip(join(ws.dir, 'takeout.zip'), bigArchiveFiles());
      const controller = new AbortController();
      let calls = 0;
      const promise = importArchives(ws.ctx.db, [path], {
        signal: controller.signal,
        onProgress: (_bytes, _total, file) => {
          if (file.endsWith('Archived.mbox') && ++calls === 3) controller.abort();
        },
      });
      await expect(promise).rejects.toThrow(/cancelled/);
      expect(calls).toBeGreaterThanOrEqual(3);
      expect(ws.ctx.db.prepare(`SELECT count(*) AS n FROM import_batches`).get()).toEqual({ n: 0 });
    } finally {
      ws.close();
    }
  }, 60_000);

  it('large entries go to the worker by their inflated size, unless reopening the archive costs more than parsing them', async () => {
    const zip: EntryLocator = { kind: 'zip', archive: '/x.zip', archiveName: 'x.zip', entry: 'a.mbox', index: 0, limits: { ratio: 100, floorBytes: 1 }, before: 4096 };
    expect(entryParsesInWorker(zip, 4 * 1024 * 1024)).toBe(false);
    expect(entryParsesInWorker(zip, 32 * 1024 * 1024)).toBe(true);
    // A zip of 50,000 photos is listed again in seconds: a 32 MB mailbox in it is parsed in-thread.
    expect(entryParsesInWorker({ ...zip, before: 50_000 * 4096 }, 32 * 1024 * 1024)).toBe(false);
    const tar: EntryLocator = { ...zip, kind: 'tar', archive: '/x.tgz', before: 10 * 1024 * 1024 };
    expect(entryParsesInWorker(tar, 64 * 1024 * 1024)).toBe(true);
    expect(entryParsesInWorker({ ...tar, before: 100 * 1024 * 1024 }, 64 * 1024 * 1024)).toBe(false);
    process.env.TIECHECK_PARSE_IN = 'worker';
    expect(entryParsesInWorker({ ...tar, before: 100 * 1024 * 1024 }, 10)).toBe(true);
    delete process.env.TIECHECK_PARSE_IN;

    // The costs the readers state: a zip by its entries, a tar by the bytes before the entry.
    const ws = tempWorkspace();
    try {
      const files = [...linkedinExport(), ...takeoutExport()];
      for (const path of [await writeZip(join(ws.dir, 'a.zip'), files), await writeTgz(join(ws.dir, 'a.tar'), files, false)]) {
        const seen: EntryLocator[] = [];
        const archive = await openArchive(path);
        await archive.visit(
          () => true,
          async (_entry, source) => void seen.push(source.locator!),
        );
        await archive.close();
        expect(seen.map((l) => l.index)).toEqual(files.map((_f, i) => i));
        expect(seen.map((l) => l.entry)).toEqual(files.map((f) => f.name));
        if (path.endsWith('.zip')) expect(new Set(seen.map((l) => l.before))).toEqual(new Set([files.length * 4096]));
        // Counted as the tar stream passes (read ahead by up to a chunk): never less than the entry's offset, never past the archive.
        else for (let i = 1; i < seen.length; i++) expect(seen[i].before).toBeGreaterThanOrEqual(Math.max(seen[i - 1].before, 512 * (i + 1)));
        if (!path.endsWith('.zip')) expect(seen[seen.length - 1].before).toBeLessThanOrEqual(statSync(path).size);
      }
    } finally {
      ws.close();
    }
  });
});
