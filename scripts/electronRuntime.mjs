// What running the desktop app from a checkout needs: the Electron binary (fetched on demand, since install
// scripts skip it) and better-sqlite3 built for Electron's ABI beside node_modules. Used by `npm start` and
// the Electron smoke test.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Why there is no Electron binary to run (null when there is one). */
export function electronMissingReason(root = projectRoot) {
  const dir = join(root, 'node_modules', 'electron');
  if (!existsSync(join(dir, 'package.json'))) return 'the electron package is not installed';
  if (!existsSync(join(dir, 'dist'))) return 'no Electron binary: node_modules/electron/dist is missing (node node_modules/electron/install.js fetches it)';
  if (!existsSync(join(dir, 'path.txt'))) return 'no Electron binary: node_modules/electron/path.txt is missing (node node_modules/electron/install.js fetches it)';
  const binary = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim());
  return existsSync(binary) ? null : `no Electron binary at ${binary}`;
}

export function electronBinary(root = projectRoot) {
  if (electronMissingReason(root)) return null;
  const dir = join(root, 'node_modules', 'electron');
  return join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim());
}

/** Fetches the Electron binary the way electron's own install script does (skipped by allowScripts at install time). */
export function installElectron(root = projectRoot) {
  if (electronBinary(root)) return { ok: true };
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], { cwd: root, stdio: 'pipe', encoding: 'utf8' });
  const lines = `${result.stderr ?? ''}\n${result.stdout ?? ''}`.split('\n').map((l) => l.trim()).filter(Boolean);
  const reason = lines.find((l) => /ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|^\w*Error:/.test(l) && !l.startsWith('at ')) ?? lines[0] ?? `exit ${result.status}`;
  return electronBinary(root) ? { ok: true } : { ok: false, reason };
}

/** better-sqlite3 for Electron's ABI, kept in .electron-abi/ so that `npm test` (system Node) keeps its own build; null when it cannot be had. */
export function buildSqliteForElectron(root = projectRoot) {
  const target = join(root, '.electron-abi', 'better_sqlite3.node');
  if (existsSync(target)) return target;
  const require = createRequire(join(root, 'package.json'));
  const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const pkgDir = dirname(require.resolve('better-sqlite3/package.json'));
  const prebuild = join(root, 'node_modules', 'prebuild-install', 'bin.js');
  const work = join(root, '.electron-abi', 'work');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(pkgDir, work, { recursive: true });
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  rmSync(built, { force: true });
  let result = spawnSync(process.execPath, [prebuild, '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch], { cwd: work, stdio: 'pipe' });
  if (result.status !== 0 || !existsSync(built)) {
    // No prebuilt binary for this Electron: compile against its headers, as Electron's docs build native modules by hand.
    const gyp = join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    if (!existsSync(gyp)) return null;
    const headers = ['--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'];
    result = spawnSync(process.execPath, [gyp, 'rebuild', '--release', ...headers], { cwd: work, stdio: 'pipe' });
  }
  if (result.status !== 0 || !existsSync(built)) return null;
  copyFileSync(built, target);
  return target;
}
