// The browser door over a real database: token, Host and Origin checks, static files without
// traversal, and an upload imported in the worker thread with progress events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { startBrowserDoor, type BrowserDoor } from '../../../electron/serve/httpServer';
import { linkedInConnections, tempWorkspace, type TempWorkspace } from '../../fixtures/tempDb';

let ws: TempWorkspace;
let door: BrowserDoor;
let root: string;

beforeAll(async () => {
  ws = tempWorkspace();
  ws.ctx.importInWorker = true;
  root = join(ws.dir, 'ui');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Tiecheck</title>');
  writeFileSync(join(ws.dir, 'secret.txt'), 'do not serve');
  door = await startBrowserDoor(ws.ctx, { port: 0, staticRoot: root });
});
afterAll(async () => {
  await door.close();
  ws.close();
});

/** A raw request, so that Host and Origin can be set to anything (fetch would not allow it). */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: door.port, method, path, headers: { host: `127.0.0.1:${door.port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const auth = () => ({ authorization: `Bearer ${door.token}`, 'content-type': 'application/json' });

describe('the browser door', () => {
  it('binds to 127.0.0.1 and prints a URL with a token', () => {
    expect(door.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    expect((door.server.address() as { address: string }).address).toBe('127.0.0.1');
  });

  it('answers 401 to /api/ without the token, before anything else', async () => {
    expect((await raw('POST', '/api/app:info', { 'content-type': 'application/json' }, '{}')).status).toBe(401);
    expect((await raw('POST', '/api/app:info', { authorization: 'Bearer wrong', 'content-type': 'application/json' }, '{}')).status).toBe(401);
    expect((await raw('GET', '/api/events', { host: 'evil.example:80' })).status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, and sends no CORS headers', async () => {
    expect((await raw('POST', '/api/app:info', { ...auth(), host: 'evil.example' }, '{}')).status).toBe(421);
    expect((await raw('GET', '/', { host: `attacker.test:${door.port}` })).status).toBe(421);
    const foreign = await raw('POST', '/api/app:info', { ...auth(), origin: 'http://evil.example' }, '{}');
    expect(foreign.status).toBe(403);
    const ok = await raw('POST', '/api/app:info', auth(), '{}');
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { door: 'browser', persons: 0 } });
    expect(Object.keys(ok.headers).some((h) => h.startsWith('access-control-'))).toBe(false);
  });

  it('validates requests against the contract and names unknown calls', async () => {
    const bad = JSON.parse((await raw('POST', '/api/audit:get', auth(), JSON.stringify({ asOf: 'yesterday' }))).body);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const unknown = JSON.parse((await raw('POST', '/api/fs:read', auth(), '{}')).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('serves the UI with a strict CSP and never a file outside its folder', async () => {
    const page = await raw('GET', '/');
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'none'");
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt']) {
      const res = await raw('GET', path);
      expect(res.body).not.toContain('do not serve');
    }
  });

  it('imports an uploaded file in the worker thread, with progress events', async () => {
    const events: string[] = [];
    const stream = await fetch(`http://127.0.0.1:${door.port}/api/events?token=${door.token}`);
    const reader = stream.body!.getReader();
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        events.push(Buffer.from(value).toString('utf8'));
        if (events.join('').includes('"phase":"done"')) break;
      }
    })();
    const csv = linkedInConnections(['Zoë,Ångström,https://www.linkedin.com/in/zoe-a,,Contoso,CTO,03 Mar 2024', 'Bill,Turner,,bill@example.org,Fabrikam,CFO,12 Jan 2019']);
    const upload = JSON.parse((await raw('POST', '/api/upload?name=Connections.csv', { authorization: `Bearer ${door.token}` }, Buffer.from(csv))).body);
    expect(upload.ok).toBe(true);
    const run = JSON.parse((await raw('POST', '/api/import:run', auth(), JSON.stringify({ fileRef: upload.value.fileRef, kind: 'connections' }))).body);
    expect(run).toMatchObject({ ok: true, value: { format: 'linkedin', added: 2 } });
    await reading;
    await reader.cancel();
    expect(events.join('')).toContain('event: import:progress');
    const audit = JSON.parse((await raw('POST', '/api/audit:get', auth(), '{}')).body);
    expect(audit.value.summary.persons).toBe(2);
  });

  it('reports a broken upload as a clear import error and keeps the database as it was', async () => {
    const upload = JSON.parse((await raw('POST', '/api/upload?name=broken.csv', { authorization: `Bearer ${door.token}` }, Buffer.from(linkedInConnections(['A,"B,https://x,,C,D,01 Jan 2020'])))).body);
    const run = JSON.parse((await raw('POST', '/api/import:run', auth(), JSON.stringify({ fileRef: upload.value.fileRef, kind: 'connections' }))).body);
    expect(run).toMatchObject({ ok: false, error: { code: 'import_failed' } });
    expect(run.error.message).toMatch(/^broken\.csv, line 5: /);
    const audit = JSON.parse((await raw('POST', '/api/audit:get', auth(), '{}')).body);
    expect(audit.value.summary.persons).toBe(2);
  });
});
