// The `app://tiecheck/` protocol that serves the built renderer (not file://), with the strict CSP on every response.
import { net, protocol } from 'electron';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export const APP_SCHEME = 'app';
export const APP_HOST = 'tiecheck';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The same policy `serve` sends (electron/serve/staticFiles.ts); a test keeps the two equal. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; frame-src blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Must run before the app is ready. Not a protocol the OS hands to us: the app is never a default protocol client. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

const securityHeaders = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

function refusal(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders } });
}

/** The file under `root` that an app:// URL names, or null when the URL is foreign, malformed or would leave `root`. */
export function resolveAppFile(root: string, rawUrl: string): string | null {
  let url: URL;
  let wanted: string;
  try {
    url = new URL(rawUrl);
    wanted = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || wanted.includes('\0')) return null;
  const base = resolve(root);
  const file = resolve(join(base, wanted));
  return file !== base && file.startsWith(base + sep) ? file : null;
}

export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Method not allowed');
    const file = resolveAppFile(rendererDir, request.url);
    if (file === null) return refusal(404, 'Not found');
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(securityHeaders)) headers.set(name, value);
    return new Response(response.body, { status: response.status, headers });
  });
}
