// `npm test`: unit and integration tests, then the end-to-end tests in headless Chromium; both always run.
import { spawnSync } from 'node:child_process';

const vitest = ['node_modules/vitest/vitest.mjs', 'run'];
const suites = [[], ['--config', 'vitest.e2e.config.ts']];
let failed = false;
for (const extra of suites) {
  const result = spawnSync(process.execPath, [...vitest, ...extra, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
