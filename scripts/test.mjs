// `npm test`: unit and integration tests, then the end-to-end tests in headless Chromium; both always
// run. Without a Chromium the end-to-end suite is skipped with a one-line note (CI installs one).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const vitest = ['node_modules/vitest/vitest.mjs', 'run'];
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const extra = process.argv.slice(2);
let failed = spawnSync(process.execPath, [...vitest, ...extra], { stdio: 'inherit' }).status !== 0;
if (existsSync(chromium)) {
  failed = spawnSync(process.execPath, [...vitest, '--config', 'vitest.e2e.config.ts', ...extra], { stdio: 'inherit' }).status !== 0 || failed;
} else {
  console.log(`\nEnd-to-end tests skipped: no Chromium at ${chromium} (install it: apt-get install chromium).`);
}
process.exit(failed ? 1 : 0);
