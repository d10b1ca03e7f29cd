// Serves the built renderer from one folder: no path traversal, no listing, a strict CSP on every page.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The same policy the Electron window sets: nothing but the app's own files and its own API. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; frame-src blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/** Resolves a URL path inside `root`, or null when it would leave it. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const target = resolve(base, normalize(`.${sep}${decoded}`));
  if (target !== base && !target.startsWith(base + sep)) return null;
  return target;
}

export function serveStatic(root: string, urlPath: string, res: ServerResponse): void {
  const wanted = urlPath === '/' ? '/index.html' : urlPath;
  let file = resolveStaticPath(root, wanted);
  // Client-side routes fall back to the app shell; files that do not exist under assets/ are 404.
  if (file && (!existsSync(file) || !statSync(file).isFile())) file = wanted.startsWith('/assets/') ? null : join(root, 'index.html');
  if (!file || !existsSync(file)) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders() });
    res.end(existsSync(join(root, 'index.html')) ? 'Not found' : 'The UI is not built yet: run `npm run build:renderer`, then start again.');
    return;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': extname(file) === '.html' ? 'no-store' : 'max-age=3600',
    ...securityHeaders(),
  });
  createReadStream(file).pipe(res);
}
