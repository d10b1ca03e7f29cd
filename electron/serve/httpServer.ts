// The browser door (SPEC §9): the contract's calls as POST /api/<channel>, events as server-sent events,
// uploads as raw bodies, the built UI as static files — on 127.0.0.1 only, behind a session token.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { EngineContext } from '../engine/context';
import { invoke } from '../engine/handlers';
import { securityHeaders, serveStatic } from './staticFiles';

const MAX_JSON_BODY = 16 * 1024 * 1024;

export interface BrowserDoor {
  server: Server;
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...securityHeaders() });
  res.end(JSON.stringify(body));
}

function sameSecret(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function tokenOf(req: IncomingMessage, url: URL): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  const header = req.headers['x-tiecheck-token'];
  if (typeof header === 'string') return header;
  // EventSource cannot send headers, so the event stream alone may carry the token in its URL.
  return url.pathname === '/api/events' ? url.searchParams.get('token') : null;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_JSON_BODY) throw new Error('request body too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text.trim() === '' ? {} : JSON.parse(text);
}

export function startBrowserDoor(ctx: EngineContext, opts: { port: number; staticRoot: string }): Promise<BrowserDoor> {
  const token = randomBytes(24).toString('base64url');
  const uploadDir = mkdtempSync(join(tmpdir(), 'tiecheck-uploads-'));
  const listeners = new Set<ServerResponse>();
  let port = opts.port;

  ctx.emit = (event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of listeners) res.write(frame);
  };

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const isApi = url.pathname === '/api' || url.pathname.startsWith('/api/');
    if (isApi && !sameSecret(tokenOf(req, url), token)) return sendJson(res, 401, { ok: false, error: { code: 'forbidden', message: 'missing or wrong session token' } });
    if (!allowedHosts().has(req.headers.host ?? '')) return sendJson(res, 421, { ok: false, error: { code: 'forbidden', message: 'wrong Host' } });
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: 'cross-origin requests are refused' } });
    }
    if (!isApi) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { ok: false, error: { code: 'forbidden', message: 'method not allowed' } });
      return serveStatic(opts.staticRoot, url.pathname, res);
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', ...securityHeaders() });
      res.write(': connected\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'forbidden', message: 'use POST' } });
    if (url.pathname === '/api/upload') {
      const name = basename(url.searchParams.get('name') ?? 'upload').slice(0, 200) || 'upload';
      const ref = randomUUID();
      const path = join(uploadDir, ref);
      await pipeline(req, createWriteStream(path));
      ctx.staged.set(ref, { path, name, temporary: true });
      return sendJson(res, 200, { ok: true, value: { fileRef: ref } });
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, { ok: false, error: { code: 'invalid_request', message: 'send JSON' } });
    }
    let body: unknown;
    try {
      body = await readJson(req);
    } catch (err) {
      return sendJson(res, 400, { ok: false, error: { code: 'invalid_request', message: err instanceof Error ? err.message : 'bad JSON' } });
    }
    const envelope = await invoke(ctx, decodeURIComponent(url.pathname.slice('/api/'.length)), body);
    sendJson(res, envelope.ok ? 200 : envelope.error.code === 'internal' ? 500 : 400, envelope);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: err instanceof Error ? err.message : 'error' } });
      else res.end();
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : opts.port;
      resolvePromise({
        server,
        url: `http://127.0.0.1:${port}/?token=${token}`,
        token,
        port,
        close: () =>
          new Promise<void>((done) => {
            for (const res of listeners) res.end();
            server.close(() => {
              rmSync(uploadDir, { recursive: true, force: true });
              done();
            });
            server.closeAllConnections();
          }),
      });
    });
  });
}
