// `npm start`: build, then open the desktop app; where the Electron binary cannot be had, say so in
// one line and serve the same UI in the browser instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, copyFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const node = process.execPath;
const electronVite = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
const tiecheck = join(root, 'scripts', 'tiecheck.mjs');

function run(args, opts = {}) {
  return spawnSync(node, args, { cwd: root, stdio: opts.quiet ? 'pipe' : 'inherit', encoding: 'utf8', env: process.env });
}

function electronBinary() {
  try {
    const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** Fetches the Electron binary the way electron's own install script does (skipped by allowScripts at install time). */
function installElectron() {
  if (electronBinary()) return { ok: true };
  const result = run([join(root, 'node_modules', 'electron', 'install.js')], { quiet: true });
  const lines = `${result.stderr ?? ''}\n${result.stdout ?? ''}`.split('\n').map((l) => l.trim()).filter(Boolean);
  const reason = lines.find((l) => /ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|^\w*Error:/.test(l) && !l.startsWith('at ')) ?? lines[0] ?? `exit ${result.status}`;
  return electronBinary() ? { ok: true } : { ok: false, reason };
}

/** better-sqlite3 for Electron's ABI, kept in .electron-abi/ so that `npm test` (system Node) keeps its own build. */
function buildSqliteForElectron() {
  const target = join(root, '.electron-abi', 'better_sqlite3.node');
  if (existsSync(target)) return target;
  const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const pkgDir = dirname(require.resolve('better-sqlite3/package.json'));
  const prebuild = join(root, 'node_modules', 'prebuild-install', 'bin.js');
  const work = join(root, '.electron-abi', 'work');
  mkdirSync(work, { recursive: true });
  spawnSync('cp', ['-r', `${pkgDir}/.`, work]);
  const result = spawnSync(node, [prebuild, '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch], { cwd: work, stdio: 'pipe' });
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (result.status !== 0 || !existsSync(built)) return null;
  copyFileSync(built, target);
  return target;
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
