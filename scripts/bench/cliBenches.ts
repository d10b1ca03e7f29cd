// Section 11: the command line measured from outside, as a user runs it: whole processes of the built CLI
// (scripts/tiecheck.mjs → out/cli), less the CLI's own start-up, against whole processes of the baselines,
// each beside the SQLite write floor of the same rows in the same run, and the fixed cost of a command.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeMbox } from '../../shared/demo';
import { mb, progress, repoRoot, runChild, timed, writeChunks, type ChildResult } from './benchEnv';
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

function copyDb(from: string, to: string): void {
  removeDb(to);
  copyFileSync(from, to);
  if (existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${to}-wal`);
}

/** The SQLite write floor of the rows the CLI wrote into `importedDb` (see writeFloor.ts), in a child of the same run. */
async function floorOf(data: BenchData, importedDb: string, beforeDb: string | null): Promise<ChildResult> {
  const floor = await runChild({ task: 'writeFloor', file: importedDb, importedDb, beforeDb, floorDb: join(data.dir, 'cli-write-floor.db') });
  progress(`  its SQLite write floor (${fmt.int(floor.count)} rows, INSERT … SELECT): ${fmt.sec(floor.ms)}`);
  return floor;
}

/**
 * A command's fixed cost on the imported database: `tiecheck invites --json` on a database holding no
 * invitation opens the engine and the file, checks it, answers "[]" and closes. Once as users mostly run
 * it (the file as the last command left it: the clean-close stamp spares the soundness check), and once
 * with the stamp removed, as after a crash or a change from outside (the check runs: integrity_check up
 * to 64 MB, quick_check above; see electron/engine/db/integrity.ts).
 */
function fixedCost(db: string): { stamped: Timed; checked: Timed } {
  const argv = () => [node, LAUNCHER, 'invites', '--db', db, '--json'];
  const stamped = bestOf(5, 'tiecheck invites (stamped)', argv);
  const checked = bestOf(3, 'tiecheck invites (checked)', () => {
    rmSync(`${db}.checked`, { force: true });
    return argv();
  });
  return { stamped, checked };
}

/** An informational row: a command's fixed cost, with the file as the last command left it and with the check forced. */
function fixedRow(what: string, cost: { stamped: Timed; checked: Timed }, help: Timed): BenchRow {
  return {
    section: SECTION,
    name: `  fixed cost of a command (${what}): tiecheck invites --json`,
    measured: `${fmt.sec(cost.stamped.ms)} (cpu ${fmt.sec(cost.stamped.cpuMs)})`,
    baseline: `tiecheck --help ${fmt.sec(help.ms)}`,
    ratio: cost.stamped.ms / help.ms,
    cpuRatio: cost.stamped.cpuMs / Math.max(1, help.cpuMs),
    goal: '—',
    pass: null,
    note: `open the engine and the database, answer [] (no invitations), close; best of 5, the file as the last command left it (its clean-close stamp spares the soundness check); with the stamp removed, as after a crash or an outside change, the check runs: ${fmt.sec(cost.checked.ms)} (cpu ${fmt.sec(cost.checked.cpuMs)}), best of 3`,
    raw: { stamped: cost.stamped, checked: cost.checked },
  };
}

/** An informational row: the write floor of the rows a CLI command wrote, against that command's baseline and goal. */
function floorRow(floor: ChildResult, work: number, base: Timed, baseName: string, goal: number): BenchRow {
  const floorX = floor.ms / base.ms;
  return {
    section: SECTION,
    name: `  SQLite write floor of those rows (${fmt.int(floor.count)})`,
    measured: fmt.sec(floor.ms),
    baseline: `${baseName} ${fmt.sec(base.ms)}`,
    ratio: floorX,
    cpuRatio: floor.cpuMs / Math.max(1, base.cpuMs),
    goal: '—',
    pass: null,
    note: `storing the rows alone (INSERT … SELECT into the database as it was before, one transaction, in a child of the same run); the goal ≤ ${goal}× ${baseName} allows ≤ ${fmt.ratio(goal / floorX)} this floor${floorX >= goal ? ', under 1×: no import that stores these rows can meet it' : ''}; the CLI's work took ${fmt.ratio(work / floor.ms)} it`,
    raw: { floor },
  };
}

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
  const importFloor = await floorOf(data, dbPath, null);
  const fixed = fixedCost(dbPath);
  const beforeLog = join(data.dir, 'cli-before-log.db');
  copyDb(dbPath, beforeLog);

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
  const logFloor = await floorOf(data, dbPath, beforeLog);
  removeDb(beforeLog);
  const fixedBig = fixedCost(dbPath);

  const audit = bestOf(2, 'tiecheck audit --json', () => [node, LAUNCHER, 'audit', '--db', dbPath, '--as-of', data.settings.asOf, '--json']);
  const persons = (JSON.parse(audit.stdout) as { summary: { persons: number } }).summary.persons;
  const read = bestOf(3, 'full read of every table', () => fullReadArgv(dbPath));
  removeDb(dbPath);

  // The reading: the CLI's time less its own start-up (node, the launcher and the bundle's entry, as
  // `tiecheck --help` measures them) against the whole baseline process, start-up included.
  const work = (t: Timed) => Math.max(1, t.ms - help.ms);
  const workCpu = (t: Timed) => Math.max(1, t.cpuMs - help.cpuMs);
  const ratioImport = work(imp) / parse.ms;
  const ratioMbox = work(log) / grep.ms;
  const ratioAudit = work(audit) / read.ms;
  const sizeMb = mb(written.value);
  const whole = (a: Timed, b: Timed) => `whole process to whole process ${fmt.ratio(a.ms / b.ms)}; both less Node's start-up (node -e 0, ${fmt.sec(nodeStart.ms)}) ${fmt.ratio(Math.max(1, a.ms - nodeStart.ms) / Math.max(1, b.ms - nodeStart.ms))}`;
  return [
    {
      section: SECTION,
      name: 'tiecheck --help (built CLI, whole process)',
      measured: `${fmt.sec(help.ms)} (cpu ${fmt.sec(help.cpuMs)})`,
      baseline: `node -e 0 ${fmt.sec(nodeStart.ms)} (cpu ${fmt.sec(nodeStart.cpuMs)})`,
      ratio: null,
      goal: '< 200 ms',
      pass: help.ms < 200,
      note: `node scripts/tiecheck.mjs (freshness check + bundle); node out/cli/index.js alone ${fmt.sec(helpBundle.ms)}; npm run -s tiecheck -- --help ${fmt.sec(helpNpm.ms)} (npm adds ${fmt.sec(helpNpm.ms - help.ms)}); under tsx as before ${fmt.sec(helpTsx.ms)}`,
      raw: { nodeStart, help, helpBundle, helpNpm, helpTsx },
    },
    fixedRow(`${fmt.int(added)} persons`, fixed, help),
    fixedRow(`the same after the mbox`, fixedBig, help),
    {
      section: SECTION,
      name: `tiecheck import, ${fmt.int(added)} LinkedIn rows, from outside`,
      measured: `${fmt.sec(work(imp))} (whole ${fmt.sec(imp.ms)}) = ${fmt.ratio(work(imp) / importFloor.ms)} its floor`,
      baseline: `papaparse process ${fmt.sec(parse.ms)}`,
      ratio: ratioImport,
      cpuRatio: workCpu(imp) / parse.cpuMs,
      goal: '≤ 3×',
      pass: ratioImport <= 3,
      note: `the CLI less its start-up (tiecheck --help, ${fmt.sec(help.ms)}) vs the whole papaparse process (node -e: readFileSync + Papa.parse); best of 2 imports into a fresh db, 3 parses; ${whole(imp, parse)}; the write floor row below says what the goal allows`,
      raw: { import: imp.ms, importCpu: imp.cpuMs, papaparse: parse.ms, papaparseCpu: parse.cpuMs, floor: importFloor },
    },
    floorRow(importFloor, work(imp), parse, 'papaparse process', 3),
    {
      section: SECTION,
      name: `tiecheck log mbox (${sizeMb.toFixed(0)} MB), from outside`,
      measured: `${fmt.sec(work(log))} (whole ${fmt.sec(log.ms)}) = ${fmt.ratio(work(log) / logFloor.ms)} its floor`,
      baseline: `grep -c ${fmt.sec(grep.ms)}`,
      ratio: ratioMbox,
      cpuRatio: workCpu(log) / Math.max(1, grep.cpuMs),
      goal: '≤ 8×',
      pass: ratioMbox <= 8,
      note: `into the db of the import above; the CLI less its start-up vs the whole grep process (grep on a one-line file takes ${fmt.sec(grepStart.ms)}); one run of the CLI, best of 3 greps; whole process to whole process ${fmt.ratio(log.ms / grep.ms)}; the write floor row below says what the goal allows`,
      raw: { log: log.ms, logCpu: log.cpuMs, grep: grep.ms, grepCpu: grep.cpuMs, grepStart: grepStart.ms, floor: logFloor },
    },
    floorRow(logFloor, work(log), grep, 'grep -c', 8),
    {
      section: SECTION,
      name: `tiecheck audit --json (${fmt.int(persons)} persons), from outside`,
      measured: `${fmt.sec(work(audit))} (whole ${fmt.sec(audit.ms)})`,
      baseline: `full read of every table ${fmt.sec(read.ms)}`,
      ratio: ratioAudit,
      cpuRatio: workCpu(audit) / read.cpuMs,
      goal: '≤ 2×',
      pass: ratioAudit <= 2,
      note: `the db after the import and the mbox above; the CLI less its start-up vs the whole reading process (node -e: SELECT * of every table through better-sqlite3's iterate(), ${fmt.int(Number(read.stdout))} rows); best of 2 audits, 3 reads; ${whole(audit, read)}; the file as the last command left it, so no soundness check (after a crash or an outside change it adds what the fixed-cost rows above show)`,
      raw: { audit: audit.ms, auditCpu: audit.cpuMs, read: read.ms, readCpu: read.cpuMs, rowsRead: Number(read.stdout) },
    },
  ];
}
