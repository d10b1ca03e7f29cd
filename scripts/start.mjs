// `npm start`: build, then open the desktop app; where the Electron binary cannot be had, say so in
// one line and serve the same UI in the browser instead.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSqliteForElectron, electronBinary, installElectron } from './electronRuntime.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;
const electronVite = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
const tiecheck = join(root, 'scripts', 'tiecheck.mjs');

function run(args, opts = {}) {
  return spawnSync(node, args, { cwd: root, stdio: opts.quiet ? 'pipe' : 'inherit', encoding: 'utf8', env: process.env });
}

function serveInBrowser(reason) {
  console.log(`Electron is not available here (${reason}); serving the same UI in your browser instead.`);
  // The built command line, which builds the UI first when it is missing or older than its sources.
  const child = spawn(node, [tiecheck, 'serve', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

const electron = process.env.TIECHECK_NO_ELECTRON ? { ok: false, reason: 'TIECHECK_NO_ELECTRON is set' } : installElectron();
if (!electron.ok) {
  serveInBrowser(electron.reason);
} else {
  const binding = buildSqliteForElectron();
  if (!binding) {
    serveInBrowser('better-sqlite3 could not be built for Electron');
  } else if (run([electronVite, 'build']).status !== 0) {
    process.exit(1);
  } else {
    const child = spawn(electronBinary(), [root], { cwd: root, stdio: 'inherit', env: { ...process.env, TIECHECK_SQLITE_BINDING: binding } });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
