// End-to-end tests: the built UI in headless Chromium against `tiecheck serve`, one file at a time
// (the renderer is built first by the global setup).
import { defineConfig } from 'vitest/config';

const reportDir = process.env.TIECHECK_TEST_REPORT;

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/buildRenderer.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
    reporters: reportDir ? ['default', ['json', { outputFile: `${reportDir}/vitest-e2e.json` }]] : ['default'],
  },
});
