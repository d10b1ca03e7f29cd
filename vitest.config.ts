// Unit and integration tests: shared/ logic and the engine on real SQLite files. End-to-end runs separately.
import { defineConfig } from 'vitest/config';

const reportDir = process.env.TIECHECK_TEST_REPORT;

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: reportDir ? ['default', ['json', { outputFile: `${reportDir}/vitest-unit.json` }]] : ['default'],
  },
});
