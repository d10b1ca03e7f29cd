// A progress bar on standard error, drawn only when it is a terminal (never mixed into --json output).
import { basename } from 'node:path';

export function createProgressBar(file: string) {
  const tty = process.stderr.isTTY === true;
  let drawn = false;
  let last = 0;
  return {
    update: (bytes: number, total: number, rows: number) => {
      if (!tty || Date.now() - last < 100) return;
      last = Date.now();
      const share = total > 0 ? Math.min(1, bytes / total) : 0;
      const width = 30;
      const filled = Math.round(share * width);
      process.stderr.write(`\r${basename(file)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(share * 100)}% ${rows} rows`);
      drawn = true;
    },
    done: () => {
      if (drawn) process.stderr.write('\r\x1b[K');
    },
  };
}
