// Section 11: the command line measured from outside, as a user runs it: whole processes of the built CLI
// (scripts/tiecheck.mjs → out/cli) against whole processes of the baselines, each less the start-up of its
// program doing nothing (`node -e 0`, `grep` on a one-line file).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeMbox } from '../../shared/demo';
import { mb, progress, repoRoot, timed, writeChunks } from './benchEnv';
import { removeDb, type BenchData } from './benchData';
import { fmt, type BenchRow } from './resultTable';

const SECTION = 11;
const LAUNCHER = join(repoRoot, 'scripts', 'tiecheck.mjs');

interface Timed {
  ms: number;
  /** CPU time (user + system) of the process and its children, from bash's `times`. */
  cpuMs: number;
  stdout: string;
}

/** Runs one command to completion through bash, timing it from outside; stdout kept, stderr passed on. */
function timeProcess(argv: string[]): Timed {
  const outFile = join(tmpdir(), `tiecheck-cli-bench-${process.pid}.txt`);
  const start = performance.now();
  const r = spawnSync('bash', ['-c', 'out=$1; shift; "$@" > "$out"; s=$?; times >&2; exit $s', 'cli-bench', outFile, ...argv], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  const stdout = readFileSync(outFile, 'utf8');
  rmSync(outFile, { force: true });
  const errLines = r.stderr.trimEnd().split('\n');
  const children = errLines[errLines.length - 1] ?? '';
  const cpuMs = (children.match(/(\d+)m([\d.]+)s/g) ?? []).reduce((sum, t) => {
    const [, m, s] = /(\d+)m([\d.]+)s/.exec(t)!;
    return sum + (Number(m) * 60 + Number(s)) * 1000;
  }, 0);
  if (r.status !== 0) throw new Error(`${argv.slice(0, 3).join(' ')} … exited ${r.status}: ${errLines.slice(0, -2).join(' ').slice(0, 300)}`);
  return { ms, cpuMs, stdout };
}

function bestOf(times: number, label: string, argv: () => string[]): Timed {
  let best: Timed | null = null;
  for (let i = 0; i < times; i++) {
    const r = timeProcess(argv());
    if (times > 1) progress(`  ${label} run ${i + 1}/${times}: ${fmt.sec(r.ms)} (cpu ${fmt.sec(r.cpuMs)})`);
    if (!best || r.ms < best.ms) best = r;
  }
  return best!;
}

const node = process.execPath;
const less = (t: Timed, startup: Timed): number => Math.max(1, t.ms - startup.ms);
const lessCpu = (t: Timed, startup: Timed): number => Math.max(1, t.cpuMs - startup.cpuMs);

/** A Node process that parses the whole file with papaparse, as the import's baseline. */
const papaparseArgv = (file: string) => [node, '-e', `const P = require('papaparse'); const d = P.parse(require('fs').readFileSync(process.argv[1], 'utf8'), { skipEmptyLines: true }).data; process.stdout.write(String(d.length));`, file];

/** A Node process that reads every row of every table once (row objects, as any JS reader gets them). */
const fullReadArgv = (db: string) => [
  node,
  '-e',
  `const D = require('better-sqlite3'); const db = new D(process.argv[1], { readonly: true }); let n = 0;
   for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all())
     for (const row of db.prepare('SELECT * FROM "' + name.replace(/"/g, '""') + '"').iterate()) n++;
   process.stdout.write(String(n));`,
  db,
];

export async function benchCli(data: BenchData): Promise<BenchRow[]> {
  progress(`[${SECTION}] the command line from outside (built CLI: ${LAUNCHER})`);
  timeProcess([node, LAUNCHER, '--version']); // builds out/cli first if it is stale, untimed
  const nodeStart = bestOf(5, 'node -e 0', () => [node, '-e', '0']);
  const help = bestOf(5, 'tiecheck --help', () => [node, LAUNCHER, '--help']);
  const helpBundle = bestOf(3, 'node out/cli/index.js --help', () => [node, join(repoRoot, 'out', 'cli', 'index.js'), '--help']);
  const helpNpm = bestOf(3, 'npm run -s tiecheck -- --help', () => ['npm', 'run', '-s', 'tiecheck', '--', '--help']);
  const helpTsx = bestOf(2, 'tsx electron/cli/index.ts --help', () => [node, join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, 'electron/cli/index.ts'), '--help']);

  const csv = await data.connectionsCsv();
  const parse = bestOf(3, 'papaparse process', () => papaparseArgv(csv));
  let run = 0;
  const dbPath = join(data.dir, 'cli.db');
  const imp = bestOf(2, 'tiecheck import', () => {
    removeDb(dbPath);
    progress(`  tiecheck import run ${++run}`);
    return [node, LAUNCHER, 'import', '--db', dbPath, '--json', csv];
  });
  const added = (JSON.parse(imp.stdout) as { added: number }).added;

  const mbox = join(data.dir, 'cli.mbox');
  const written = await timed(() => writeChunks(mbox, writeMbox(data.network(), { targetBytes: data.settings.mboxMb * 1024 * 1024 })));
  progress(`  wrote the mbox (${mb(written.value).toFixed(0)} MB) in ${fmt.sec(written.ms)}`);
  const tiny = join(data.dir, 'one-line.mbox');
  writeFileSync(tiny, 'From x\n');
  const grepStart = bestOf(3, 'grep on a one-line file', () => ['grep', '-c', '^From ', tiny]);
  const grep = bestOf(3, 'grep -c', () => ['grep', '-c', '^From ', mbox]);
  const me = data.me().filter((m) => m.kind !== 'name').flatMap((m) => ['--me', m.value]);
  const log = timeProcess([node, LAUNCHER, 'log', '--db', dbPath, ...me, '--json', mbox]);
  progress(`  tiecheck log: ${fmt.sec(log.ms)}`);
  if (!data.settings.keep) rmSync(mbox, { force: true });

  const audit = bestOf(2, 'tiecheck audit --json', () => [node, LAUNCHER, 'audit', '--db', dbPath, '--as-of', data.settings.asOf, '--json']);
  const persons = (JSON.parse(audit.stdout) as { summary: { persons: number } }).summary.persons;
  const read = bestOf(3, 'full read of every table', () => fullReadArgv(dbPath));
  removeDb(dbPath);

  // Figures read "whole process (less start-up)"; the ratios are of the latter.
  const startup = `less start-up (node -e 0: ${fmt.sec(nodeStart.ms)})`;
  const ratioImport = less(imp, nodeStart) / less(parse, nodeStart);
  const ratioMbox = less(log, nodeStart) / less(grep, grepStart);
  const ratioAudit = less(audit, nodeStart) / less(read, nodeStart);
  const sizeMb = mb(written.value);
  return [
    {
      section: SECTION,
      name: 'tiecheck --help (built CLI, whole process)',
      measured: fmt.sec(help.ms),
      baseline: `node -e 0 ${fmt.sec(nodeStart.ms)}`,
      ratio: null,
      goal: '< 200 ms',
      pass: help.ms < 200,
      note: `node scripts/tiecheck.mjs (freshness check + bundle); node out/cli/index.js alone ${fmt.sec(helpBundle.ms)}; npm run -s tiecheck -- --help ${fmt.sec(helpNpm.ms)} (npm adds ${fmt.sec(helpNpm.ms - help.ms)}); under tsx as before ${fmt.sec(helpTsx.ms)}`,
      raw: { nodeStart, help, helpBundle, helpNpm, helpTsx },
    },
    {
      section: SECTION,
      name: `tiecheck import, ${fmt.int(added)} LinkedIn rows, from outside`,
      measured: `${fmt.sec(imp.ms)} (${fmt.sec(less(imp, nodeStart))})`,
      baseline: `papaparse process ${fmt.sec(parse.ms)} (${fmt.sec(less(parse, nodeStart))})`,
      ratio: ratioImport,
      cpuRatio: lessCpu(imp, nodeStart) / lessCpu(parse, nodeStart),
      goal: '≤ 3×',
      pass: ratioImport <= 3,
      note: `each whole process ${startup}; best of 2 imports into a fresh db vs best of 3 parses (readFileSync + Papa.parse)`,
      raw: { import: imp.ms, importCpu: imp.cpuMs, papaparse: parse.ms, papaparseCpu: parse.cpuMs },
    },
    {
      section: SECTION,
      name: `tiecheck log mbox (${sizeMb.toFixed(0)} MB), from outside`,
      measured: `${fmt.sec(log.ms)} (${fmt.sec(less(log, nodeStart))})`,
      baseline: `grep -c ${fmt.sec(grep.ms)} (${fmt.sec(less(grep, grepStart))})`,
      ratio: ratioMbox,
      cpuRatio: lessCpu(log, nodeStart) / lessCpu(grep, grepStart),
      goal: '≤ 8×',
      pass: ratioMbox <= 8,
      note: `into the db of the import above; the CLI ${startup}, grep less grep on a one-line file (${fmt.sec(grepStart.ms)}); one run of the CLI, best of 3 greps`,
      raw: { log: log.ms, logCpu: log.cpuMs, grep: grep.ms, grepCpu: grep.cpuMs, grepStart: grepStart.ms },
    },
    {
      section: SECTION,
      name: `tiecheck audit --json (${fmt.int(persons)} persons), from outside`,
      measured: `${fmt.sec(audit.ms)} (${fmt.sec(less(audit, nodeStart))})`,
      baseline: `full read of every table ${fmt.sec(read.ms)} (${fmt.sec(less(read, nodeStart))})`,
      ratio: ratioAudit,
      cpuRatio: lessCpu(audit, nodeStart) / lessCpu(read, nodeStart),
      goal: '≤ 2×',
      pass: ratioAudit <= 2,
      note: `the db after the import and the mbox above; each whole process ${startup}; the read is SELECT * of every table through better-sqlite3's iterate(), ${fmt.int(Number(read.stdout))} rows; best of 2 audits, 3 reads`,
      raw: { audit: audit.ms, auditCpu: audit.cpuMs, read: read.ms, readCpu: read.cpuMs, rowsRead: Number(read.stdout) },
    },
  ];
}
