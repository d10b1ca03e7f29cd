// The browser door's UI as a first run meets it: builds out/renderer with Vite when it is missing or older
// than renderer/ and shared/, for `tiecheck serve` and `npm start` without Electron.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './cliBundle.mjs';

/** The newest modification time under the given folders (files only). */
function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) return;
    if (!st.isDirectory()) newest = Math.max(newest, st.mtimeMs);
    else for (const name of readdirSync(path)) visit(join(path, name));
  };
  for (const path of paths) visit(path);
  return newest;
}

/** Why out/renderer must be built ('missing', 'stale'), or null when it is up to date. */
export function uiBuildReason(root = projectRoot) {
  const index = statSync(join(root, 'out', 'renderer', 'index.html'), { throwIfNoEntry: false });
  if (!index) return 'missing';
  const sources = ['renderer', 'shared', 'vite.renderer.config.ts'].map((p) => join(root, p));
  return newestMtime(sources) > index.mtimeMs ? 'stale' : null;
}

/** Runs `vite build --config vite.renderer.config.ts`, its warnings on stderr; true when it succeeded. */
export function buildUi(root = projectRoot) {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    // A test runner's NODE_ENV=test would bundle React's slow development build into the UI.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return result.status === 0;
}

/** Builds the UI when it needs it, saying so in one line on stderr first (it takes some seconds). */
export function ensureUi(root = projectRoot) {
  const reason = uiBuildReason(root);
  if (!reason) return true;
  process.stderr.write(`note: building the UI first (out/renderer is ${reason === 'missing' ? 'missing' : 'older than renderer/ or shared/'}); this takes a few seconds.\n`);
  return buildUi(root);
}
