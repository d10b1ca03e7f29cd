// Child process of the bench: runs one measured task (an importFile, or a baseline parse or scan) and prints its time, CPU and peak RSS as JSON.
import { closeSync, createReadStream, openSync, readFileSync, readSync } from 'node:fs';
import Papa from 'papaparse';
import ICAL from 'ical.js';
import { createEngine } from '../../electron/engine/createEngine';
import { importFile } from '../../electron/engine/imports/importFile';
import { importArchives } from '../../electron/engine/archives/importArchive';
import { parsesInWorker } from '../../electron/engine/imports/parseBesideWrites';
import { addMe } from '../../electron/engine/store/settingsStore';
import type { ChildProgress, ChildResult, ChildTask } from './benchEnv';
import { prepareBindFloor, prepareWriteFloor } from './writeFloor';

type Measured = Omit<ChildResult, 'ms' | 'cpuMs' | 'maxRssKb'>;

async function measure(work: () => Promise<Measured> | Measured): Promise<ChildResult> {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const out = await work();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS, ...out };
}

/**
 * CPU time of this process's main thread alone (Linux /proc, 10 ms ticks; NaN elsewhere): with the
 * parsing in a worker thread it is the import's critical path, what the wall time approaches when a
 * second core is free.
 */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Imports as `tiecheck import|log`: a single file, or (importArchive) every record file inside an archive. */
async function runImport(req: Extract<ChildTask, { task: 'import' | 'importArchive' }>): Promise<ChildResult> {
  // Where the file is parsed (imports/parseBesideWrites.ts): forced when the bench compares the two ways.
  if (req.parseIn) process.env.TIECHECK_PARSE_IN = req.parseIn;
  const ctx = createEngine({ dbPath: req.dbPath, door: 'browser' });
  if (req.me?.length) addMe(ctx.db, req.me);
  let parsePeakRssKb = 0;
  let parsePeakHeapKb = 0;
  let lastSample = 0;
  let lastReport = 0;
  const start = performance.now();
  const onProgress = (bytes: number, totalBytes: number, rows: number): void => {
    const t = performance.now();
    if (t - lastSample < 200) return;
    lastSample = t;
    const m = process.memoryUsage();
    parsePeakRssKb = Math.max(parsePeakRssKb, Math.round(m.rss / 1024));
    parsePeakHeapKb = Math.max(parsePeakHeapKb, Math.round(m.heapUsed / 1024));
    if (t - lastReport < 2000) return;
    lastReport = t;
    // Where the import has got to, for a parent that may have to stop it (see ChildTimeout).
    const progress: ChildProgress = { ms: t - start, bytes, totalBytes, rows, rssKb: Math.round(m.rss / 1024) };
    process.stdout.write(JSON.stringify({ progress }) + '\n');
  };
  const main0 = mainThreadCpuMs();
  const result = await measure(async () => {
    if (req.task === 'importArchive') {
      const { summaries } = await importArchives(ctx.db, [req.file], { only: 'records', onProgress: (bytes, total, _file, done) => onProgress(bytes, total, done) });
      const sum = (key: 'added' | 'updated' | 'skipped') => summaries.reduce((n, s) => n + s[key], 0);
      return { count: sum('added') + sum('updated') + sum('skipped'), added: sum('added'), skipped: sum('skipped'), format: summaries.map((s) => s.format).join(','), warnings: summaries.flatMap((s) => s.warnings).slice(0, 5) };
    }
    const parsedIn = parsesInWorker(req.file) ? 'worker' : 'thread';
    const summary = await importFile(ctx.db, req.file, { kind: req.kind, format: req.format, onProgress });
    return { count: summary.added + summary.updated + summary.skipped, added: summary.added, skipped: summary.skipped, format: summary.format, warnings: summary.warnings.slice(0, 5), parsedIn };
  });
  result.mainThreadCpuMs = mainThreadCpuMs() - main0;
  result.parsePeakRssKb = parsePeakRssKb;
  result.parsePeakHeapKb = parsePeakHeapKb;
  const count = (table: string): number => (ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  result.rows = {
    interactions: count('interactions'),
    participants: count('participants'),
    contacts: count('contacts'),
    persons: count('persons'),
    connections: count('connections'),
    identities: count('identities'),
  };
  ctx.db.close();
  return result;
}

/** A bare papaparse parse of the file: whole text at once, or streamed row by row (for files too big to hold). */
function runPapaparse(file: string, stream: boolean): Promise<ChildResult> {
  return measure(() => {
    if (!stream) return { count: Papa.parse<string[]>(readFileSync(file, 'utf8'), { skipEmptyLines: true }).data.length };
    return new Promise<Measured>((resolve, reject) => {
      let count = 0;
      Papa.parse<string[]>(createReadStream(file, { encoding: 'utf8' }) as unknown as File, {
        skipEmptyLines: true,
        step: () => void count++,
        complete: () => resolve({ count }),
        error: (err: Error) => reject(err),
      });
    });
  });
}

/** A bare ical.js parse of the whole calendar, counting its VEVENTs. */
function runIcalParse(file: string): Promise<ChildResult> {
  return measure(() => {
    const root = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
    return { count: root.getAllSubcomponents('vevent').length };
  });
}

/** Reads the file in 1 MiB chunks and counts lines that start with "From ": the floor of any streaming mbox reader in Node. */
function runLineScan(file: string): Promise<ChildResult> {
  return measure(() => {
    const fd = openSync(file, 'r');
    const buf = Buffer.alloc(1 << 20);
    const needle = Buffer.from('\nFrom ');
    let count = 0;
    let first = true;
    let tail = Buffer.alloc(0);
    try {
      for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) {
        const chunk = Buffer.concat([tail, buf.subarray(0, n)]);
        if (first && chunk.subarray(0, 5).toString('latin1') === 'From ') count++;
        first = false;
        for (let i = chunk.indexOf(needle); i !== -1; i = chunk.indexOf(needle, i + 1)) count++;
        tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - needle.length + 1)));
      }
    } finally {
      closeSync(fd);
    }
    return { count };
  });
}

/** Storing the rows an import wrote, and nothing else: by INSERT … SELECT, or bound from JS arrays (see writeFloor.ts). */
async function runWriteFloor(req: Extract<ChildTask, { task: 'writeFloor' | 'bindFloor' }>): Promise<ChildResult> {
  if (req.task === 'writeFloor') {
    const { write } = prepareWriteFloor(req);
    return measure(() => ({ count: write() }));
  }
  // Its clock runs only while it binds and commits (it reads its rows a stretch at a time in between).
  const { write } = prepareBindFloor(req);
  const whole = await measure(() => ({ count: 0 }));
  return { ...whole, ...write(), maxRssKb: process.resourceUsage().maxRSS };
}

async function main(): Promise<void> {
  const req = JSON.parse(process.argv[2] ?? '{}') as ChildTask;
  const result =
    req.task === 'import' || req.task === 'importArchive' ? await runImport(req)
    : req.task === 'papaparse' ? await runPapaparse(req.file, req.stream)
    : req.task === 'icalParse' ? await runIcalParse(req.file)
    : req.task === 'writeFloor' || req.task === 'bindFloor' ? await runWriteFloor(req)
    : await runLineScan(req.file);
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((err: unknown) => {
  process.stdout.write(JSON.stringify({ error: err instanceof Error ? `${err.message}\n${err.stack}` : String(err) }) + '\n');
  process.exit(1);
});
