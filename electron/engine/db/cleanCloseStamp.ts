// The clean-close stamp beside a database (`<file>.checked`): what the file looked like when Tiecheck
// last closed it, after a sound check, so that the next open can skip the deep check (0.1–0.6 s on a
// large network, paid by every CLI call) when nothing has touched the file since.
import { existsSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';

/**
 * A stamp stands in for the deep check at most this long: a file nobody changed still gets one a
 * day, for damage that changes no metadata (a failing disk).
 */
export const STAMP_MAX_AGE_MS = 24 * 60 * 60 * 1000;

interface Stamp {
  v: 1;
  dev: string;
  ino: string;
  size: string;
  mtimeNs: string;
  /** When the deep check this stamp carries forward ran (ms since the epoch). */
  checkedAt: number;
}

export const stampPath = (file: string): string => `${file}.checked`;

type Identity = Omit<Stamp, 'v' | 'checkedAt'>;

function identityOf(file: string): Identity | null {
  try {
    const st = statSync(file, { bigint: true });
    return { dev: String(st.dev), ino: String(st.ino), size: String(st.size), mtimeNs: String(st.mtimeNs) };
  } catch {
    return null;
  }
}

function readStamp(file: string): Stamp | null {
  try {
    const stamp = JSON.parse(readFileSync(stampPath(file), 'utf8')) as Stamp;
    return stamp && stamp.v === 1 && typeof stamp.checkedAt === 'number' ? stamp : null;
  } catch {
    return null;
  }
}

/**
 * A log beside the file means another connection has it open, or the last one did not close
 * cleanly (a crash, a kill): the file is then checked whatever the stamp says.
 */
function logBeside(file: string): boolean {
  return existsSync(`${file}-wal`) || existsSync(`${file}-journal`);
}

/**
 * When the deep check last ran, if the file is exactly as Tiecheck left it at a clean close less
 * than STAMP_MAX_AGE_MS after that check; null when the file must be checked now.
 */
export function stampedCheck(file: string, now = Date.now()): number | null {
  const stamp = readStamp(file);
  if (!stamp || logBeside(file)) return null;
  if (stamp.checkedAt > now || now - stamp.checkedAt > STAMP_MAX_AGE_MS) return null;
  const id = identityOf(file);
  if (!id || id.dev !== stamp.dev || id.ino !== stamp.ino || id.size !== stamp.size || id.mtimeNs !== stamp.mtimeNs) return null;
  return stamp.checkedAt;
}

/**
 * After the last connection closed cleanly (no log left beside the file): pins the file's mtime to
 * a fine-grained now and records it. A file system stamps a later write with its own clock, coarse
 * (a few ms: one tick); pinned to a time between ticks, the file shows any later write, even one in
 * the same tick, which its own timestamp alone would hide. File systems that keep no sub-millisecond
 * times (FAT, HFS+) get no stamp: their files are checked at every open, as before.
 */
export function stampCleanClose(file: string, checkedAt: number): void {
  try {
    if (logBeside(file)) return;
    const st = statSync(file);
    utimesSync(file, st.atime, (performance.timeOrigin + performance.now()) / 1000);
    const id = identityOf(file);
    if (!id || BigInt(id.mtimeNs) % 1_000_000n === 0n) {
      rmSync(stampPath(file), { force: true });
      return;
    }
    const stamp: Stamp = { v: 1, ...id, checkedAt };
    const temp = `${stampPath(file)}.${process.pid}`;
    writeFileSync(temp, JSON.stringify(stamp));
    renameSync(temp, stampPath(file));
  } catch {
    // No stamp: the next open runs the deep check.
    try {
      rmSync(stampPath(file), { force: true });
    } catch {
      // A stamp that stays describes the file as it was; it vouches for nothing once the file changed.
    }
  }
}
