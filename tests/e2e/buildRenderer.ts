// Global setup of the end-to-end suite: builds the UI that `serve` shows, so `npm test` needs no manual step.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export default function buildRenderer(): void {
  const root = resolve(import.meta.dirname, '../..');
  const result = spawnSync(process.execPath, [resolve(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    // vitest sets NODE_ENV=test, which would bundle React's slow development build into the UI.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('building the renderer for the end-to-end tests failed');
}
