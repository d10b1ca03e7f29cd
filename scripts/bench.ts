// `npm run bench`: generates large data sets with the project's own generator, measures the engine beside baselines
// run on the same machine in the same run, prints a table of goals (reported, never enforced) and writes bench-data/results.json.
import { execSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { childLauncher, dataDir, makeRunDir, progress, readSettings } from './bench/benchEnv';
import { prepareChildLauncher } from './bench/childBundle';
import { BenchData } from './bench/benchData';
import { benchCalendar, benchConnections, benchGenericCsv, benchMbox } from './bench/importBenches';
import { benchAccuracy } from './bench/accuracyBench';
import { benchDatabase } from './bench/databaseBenches';
import { benchBrowser } from './bench/browserBenches';
import { benchCli } from './bench/cliBenches';
import { benchArchiveMbox } from './bench/archiveBench';
import { dropHeavyDb, keepingHeavyDb } from './bench/heavyDatabase';
import { fmt, renderResults, summaryLine, type BenchRow } from './bench/resultTable';

const SECTIONS: { ids: number[]; title: string; run: (data: BenchData) => Promise<BenchRow[]> }[] = [
  { ids: [1], title: 'LinkedIn connections import', run: benchConnections },
  { ids: [2], title: 'generic CSV of 1,000,000 rows', run: benchGenericCsv },
  { ids: [3], title: 'mbox', run: benchMbox },
  { ids: [4], title: 'calendar', run: benchCalendar },
  { ids: [6, 7, 8], title: 'linking, audit and tagging on a heavy database', run: benchDatabase },
  { ids: [9, 10], title: 'dashboard and people table in headless Chromium', run: benchBrowser },
  { ids: [11], title: 'the command line from outside', run: benchCli },
  { ids: [12], title: 'mbox read straight from a zip', run: benchArchiveMbox },
];

/** benchEnv's BENCH_ONLY knows sections 1–8; the browser sections, the CLI's (11) and the zipped mbox (12) join here (run by default, or when named). */
function addBrowserSections(only: Set<number>): void {
  const named = process.env.BENCH_ONLY?.split(',').map((s) => Number(s.trim()));
  for (const id of [9, 10, 11, 12]) if (!named || named.includes(id)) only.add(id);
}

function gitCommit(): string {
  try {
    return execSync('git rev-parse --short HEAD', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

async function main(): Promise<void> {
  const settings = readSettings();
  addBrowserSections(settings.only);
  const dir = makeRunDir();
  const data = new BenchData(settings, dir);
  const started = performance.now();
  const launcher = await prepareChildLauncher();
  progress(`child processes run ${launcher.describe}`);
  const loadBefore = load();
  progress(`settings ${JSON.stringify({ ...settings, only: [...settings.only] })}; data in ${dir}; load average ${loadBefore}`);
  const rows: BenchRow[] = [];
  let accuracyDetail = '';
  const crashed = (ids: number[], title: string, err: unknown): BenchRow => {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    progress(`section ${ids.join(',')} (${title}) failed: ${err instanceof Error ? err.stack : message}`);
    return { section: ids[0], name: `${title}: CRASHED`, measured: message.slice(0, 120), baseline: '—', ratio: null, goal: 'runs', pass: false, raw: { error: String(err) } };
  };
  const plan = [...SECTIONS.slice(0, 4), { ids: [5], title: 'accuracy', run: null }, ...SECTIONS.slice(4)];
  // The browser sections reuse the heavy database of sections 6–8 rather than building a second one.
  const browserToo = settings.only.has(9) || settings.only.has(10);
  try {
    for (const section of plan) {
      if (!section.ids.some((id) => settings.only.has(id))) continue;
      try {
        const run = section.run;
        if (run && section.ids.includes(6) && browserToo) rows.push(...(await keepingHeavyDb(data, () => run(data))).filter((r) => settings.only.has(r.section)));
        else if (run) rows.push(...(await run(data)).filter((r) => settings.only.has(r.section)));
        else {
          const accuracy = await benchAccuracy(data);
          rows.push(...accuracy.rows);
          accuracyDetail = accuracy.detail;
        }
      } catch (err) {
        rows.push(crashed(section.ids, section.title, err));
      }
    }
  } finally {
    dropHeavyDb(data);
    if (!settings.keep) rmSync(dir, { recursive: true, force: true });
  }

  const totalMs = performance.now() - started;
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`;
  const header = [
    `Tiecheck bench @ ${gitCommit()} — ${new Date().toISOString()}`,
    `machine: ${machine}; load average before ${loadBefore}, after ${load()}`,
    `settings: BENCH_SCALE=${settings.scale} BENCH_MBOX_MB=${settings.mboxMb} seed ${settings.seed} asOf ${settings.asOf}; total ${fmt.sec(totalMs)}`,
    `import children ran ${childLauncher().describe}`,
    'ratio = measured ÷ baseline in wall time (what the goals are judged on); cpu ratio = the same in CPU time, less disturbed by',
    'other load on a shared machine; times are the best of the runs noted; goals are reported, not enforced.',
  ].join('\n');
  process.stdout.write(`${header}\n\n${renderResults(rows)}\n\n${accuracyDetail ? accuracyDetail + '\n\n' : ''}${summaryLine(rows)}\n`);

  mkdirSync(dataDir, { recursive: true });
  const resultsPath = join(dataDir, 'results.json');
  writeFileSync(
    resultsPath,
    JSON.stringify({ commit: gitCommit(), at: new Date().toISOString(), machine, children: childLauncher().describe, loadBefore, loadAfter: load(), settings: { ...settings, only: [...settings.only] }, totalMs, rows }, null, 2),
  );
  progress(`wrote ${resultsPath}`);
}

main().catch((err: unknown) => {
  progress(`bench failed: ${err instanceof Error ? err.stack : String(err)}`);
  process.exitCode = 0;
});
