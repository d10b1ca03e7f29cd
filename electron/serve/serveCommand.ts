// `tiecheck serve` (and `npm start` without Electron): open the engine and the browser door, print its URL.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../engine/createEngine';
import { flag, UsageError, allowOnly, type ParsedArgs } from '../cli/cliArgs';
import { startBrowserDoor } from './httpServer';

/** The built renderer: out/renderer at the project root, wherever this module runs from. */
export function rendererRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'out', 'renderer');
    if (existsSync(join(dir, 'package.json'))) return candidate;
    dir = dirname(dir);
  }
  return resolve('out', 'renderer');
}

export async function serveCommand(dbPath: string, args: ParsedArgs): Promise<number> {
  allowOnly(args, ['db', 'port']);
  const portText = flag(args, 'port') ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a number from 0 to 65535, got "${portText}"`);
  const ctx = createEngine({ dbPath, door: 'browser', importInWorker: true });
  const root = rendererRoot();
  const door = await startBrowserDoor(ctx, { port, staticRoot: root });
  if (!existsSync(join(root, 'index.html'))) process.stderr.write('note: the UI is not built yet (npm run build:renderer); the API works.\n');
  process.stdout.write(`Tiecheck is serving ${dbPath}\nOpen ${door.url}\n`);
  // The dashboard's first request is today's audit: start on it while the browser opens.
  setImmediate(() => {
    try {
      ctx.audits.get(ctx.db);
    } catch {
      // The dashboard's own request will report whatever went wrong.
    }
  });
  const stop = () => {
    door.close().finally(() => {
      ctx.db.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise<number>(() => {});
}
