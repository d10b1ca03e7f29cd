// The heavy database (30,000 persons, ~1,000,000 participants) shared by sections 6–8 and the browser sections 9–10: kept after 6–8, or built once here.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeLinkedInMessagesCsv, writeMbox } from '../../shared/demo';
import { mb, progress, runChild, timed, writeChunks } from './benchEnv';
import { removeDb, type BenchData } from './benchData';
import { heavyNetwork } from './bigNetwork';
import { fmt } from './resultTable';

/** Where databaseBenches.ts puts it (and leaves it when `settings.keep` is set). */
const heavyDbPath = (data: BenchData): string => join(data.dir, 'heavy.db');
const heavyRecordFiles = (data: BenchData): string[] => [join(data.dir, 'heavy-messages.csv'), join(data.dir, 'heavy.mbox')];

/**
 * Runs sections 6–8 so that their database outlives them (they delete it unless BENCH_KEEP=1), for the browser sections
 * to reuse instead of importing a million participants twice. The record files they leave behind go at once.
 */
export async function keepingHeavyDb<T>(data: BenchData, run: () => Promise<T>): Promise<T> {
  const keep = data.settings.keep;
  data.settings.keep = true;
  try {
    return await run();
  } finally {
    data.settings.keep = keep;
    if (!keep) for (const file of heavyRecordFiles(data)) rmSync(file, { force: true });
  }
}

export interface HeavyRecordFiles {
  /** The LinkedIn messages.csv and the mbox, in that order. */
  files: string[];
  copies: number;
  messages: number;
  participants: number;
  bytes: number;
  ms: number;
}

/**
 * Generates the heavy network's records and writes them to files. The network (~400,000 messages as objects) lives only
 * in here: held by the bench process through sections 6–8, it slowed every collection of the audit's garbage there.
 */
export async function writeHeavyRecordFiles(data: BenchData): Promise<HeavyRecordFiles> {
  const target = Math.round(Number(process.env.BENCH_PARTICIPANTS ?? 1_000_000 * data.settings.scale));
  const heavy = heavyNetwork(data.network(), target);
  const files = heavyRecordFiles(data);
  const written = await timed(async () => (await writeChunks(files[0], writeLinkedInMessagesCsv(heavy.net))) + (await writeChunks(files[1], writeMbox(heavy.net))));
  return { files, copies: heavy.copies, messages: heavy.messages, participants: heavy.participants, bytes: written.value, ms: written.ms };
}

/** The heavy database: the one sections 6–8 left, or a new one built the same way when they did not run. */
export async function heavyDb(data: BenchData): Promise<{ path: string; built: boolean }> {
  const path = heavyDbPath(data);
  if (existsSync(path)) return { path, built: false };
  progress('[9-10] building the heavy database (sections 6–8 did not run)');
  const { files, copies, participants, bytes, ms } = await writeHeavyRecordFiles(data);
  progress(`  threads ×${copies}, ${fmt.int(participants)} participants; wrote messages.csv + mbox (${mb(bytes).toFixed(0)} MB) in ${fmt.sec(ms)}`);
  await data.freshConnectionsDb(path);
  for (const file of files) {
    const r = await runChild({ task: 'import', dbPath: path, file, kind: 'interactions', me: data.me() });
    progress(`  imported ${file.split('/').pop()}: ${fmt.sec(r.ms)}`);
    if (!data.settings.keep) rmSync(file, { force: true });
  }
  return { path, built: true };
}

export function dropHeavyDb(data: BenchData): void {
  if (!data.settings.keep) removeDb(heavyDbPath(data));
}
