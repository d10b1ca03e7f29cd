// Electron's security checklist, checked on the real main and preload modules with a fake `electron`
// (the binary cannot run here): window preferences, session and web-contents handlers, IPC senders,
// the app:// protocol, the preload bridge. docs/security.md maps each checklist item to these tests.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fake, FakeBrowserWindow, FakeWebContents, navigationEvent } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electron);

const APP = 'app://tiecheck';
let userData: string;

beforeAll(async () => {
  userData = mkdtempSync(join(tmpdir(), 'tiecheck-main-'));
  fake.app.getPath.mockReturnValue(userData);
  // The real lifecycle module, started as Electron would start it, over a real engine in a temp folder.
  await import('../../../electron/main/index');
  fake.app.becomeReady();
  await fake.app.whenReady();
  await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1));
});
afterAll(() => {
  fake.app.emit('will-quit');
  rmSync(userData, { recursive: true, force: true });
});

const window = () => FakeBrowserWindow.created[0];
const prefs = () => window().options.webPreferences as Record<string, unknown>;

describe('the window (checklist 2, 3, 4, 6, 8, 9, 10, 11, 20)', () => {
  it('isolates the renderer: sandbox, context isolation, no Node anywhere', () => {
    expect(fake.app.sandboxEnabled).toBe(true);
    expect(prefs()).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false });
  });

  it('keeps the web platform strict: web security on, no insecure content, no experimental or extra Blink features, no webview', () => {
    expect(prefs()).toMatchObject({ webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false, webviewTag: false, enableWebSQL: false, disableBlinkFeatures: 'Auxclick' });
    expect(prefs()).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs()).not.toHaveProperty('enableRemoteModule');
  });

  it('turns off the spellchecker and drag-and-drop navigation; devtools only when not packaged', async () => {
    expect(prefs()).toMatchObject({ spellcheck: false, navigateOnDragDrop: false, devTools: true });
    const { createMainWindow } = await import('../../../electron/main/mainWindow');
    const packaged = createMainWindow('/x/preload.cjs', true);
    expect((packaged.webContents as unknown as FakeWebContents).windowOpenHandler).not.toBeNull();
    expect(((packaged as unknown as FakeBrowserWindow).options.webPreferences as Record<string, unknown>).devTools).toBe(false);
    FakeBrowserWindow.created.pop();
  });

  it('prints PDFs in a window as locked down, without script, and destroys it', async () => {
    const { printHtmlToPdf } = await import('../../../electron/main/printPdf');
    const pdf = await printHtmlToPdf('<!doctype html><p>report</p>');
    const printer = FakeBrowserWindow.created.pop()!;
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(printer.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, devTools: false });
    expect(printer.options.webPreferences).not.toHaveProperty('preload');
    expect(printer.loadedUrl).toMatch(/^data:text\/html/);
    expect(printer.destroyed).toBe(true);
  });

  it('loads the UI from app://tiecheck/, never file://, with our own preload only', () => {
    expect(window().loadedUrl).toBe(`${APP}/index.html`);
    expect(String(prefs().preload)).toMatch(/electron[/\\]preload[/\\]index\.cjs$/);
  });
});

describe('the session (checklist 5, 7, background requests)', () => {
  const ses = fake.defaultSession;

  it('denies every permission request and check, devices and screen capture included', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      ses.permissionRequest!(...([{}, permission, callback] as never[]));
      expect(callback).toHaveBeenCalledWith(false);
      expect(ses.permissionCheck!(...([{}, permission, 'app://tiecheck'] as never[]))).toBe(false);
    }
    expect(ses.devicePermission!(...([{ deviceType: 'usb' }] as never[]))).toBe(false);
    const media = vi.fn();
    ses.displayMedia!(...([{}, media] as never[]));
    expect(media).toHaveBeenCalledWith({});
  });

  it('has the spellchecker off and its dictionary downloader pointed at nothing', () => {
    expect(ses.spellCheckerEnabled).toBe(false);
    expect(ses.dictionaryUrl?.startsWith(`${APP}/`)).toBe(true);
    expect(ses.proxyCalls).toBe(0);
  });

  it('cancels every request that is not the app’s own', () => {
    const cancelled = (url: string) => {
      let result: { cancel?: boolean } = {};
      ses.beforeRequest!({ url }, (r) => (result = r));
      return result.cancel;
    };
    for (const url of [`${APP}/index.html`, `${APP}/assets/index-abc.js`, `blob:${APP}/1f1e-22`, 'data:image/png;base64,AAAA']) expect(cancelled(url)).toBe(false);
    for (const url of ['https://www.linkedin.com/in/x', 'http://127.0.0.1:8080/', 'ws://example.com/', 'file:///etc/passwd', 'app://tiecheck.evil/x', 'app://other/index.html', 'chrome-extension://abc/x']) {
      expect(cancelled(url)).toBe(true);
    }
  });

  it('sets a Content-Security-Policy that starts from default-src none, the same as app:// and serve send', async () => {
    let headers: Record<string, string[]> = {};
    ses.headersReceived!({ url: `${APP}/index.html`, responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (headers = r.responseHeaders!));
    const csp = headers['Content-Security-Policy'][0];
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(csp.split(';')[0].trim()).toBe("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
    const { CONTENT_SECURITY_POLICY } = await import('../../../electron/main/appProtocol');
    const serve = await import('../../../electron/serve/staticFiles');
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(serve.CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY);
  });

  it('hardens any session created later the same way', async () => {
    const { FakeSession } = await import('./fakeElectron');
    const later = new FakeSession();
    fake.app.emit('session-created', later);
    expect(later.spellCheckerEnabled).toBe(false);
    const callback = vi.fn();
    later.permissionRequest!(...([{}, 'media', callback] as never[]));
    expect(callback).toHaveBeenCalledWith(false);
  });
});

describe('navigation and new windows (checklist 13, 14, 15)', () => {
  const contents = () => window().webContents;
  const prevented = (name: string, url: string, mainFrame = true) => {
    const event = navigationEvent(url, mainFrame);
    contents().emit(name, event, url);
    return event.defaultPrevented;
  };

  it('hardens every web contents, including ones created later', () => {
    const other = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, other);
    expect(other.windowOpenHandler).not.toBeNull();
    expect(other.listenerCount('will-navigate')).toBe(1);
    expect(other.listenerCount('will-frame-navigate')).toBe(1);
  });

  it('lets the app move between its own pages and nowhere else, in any frame', () => {
    for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      expect(prevented(name, `${APP}/index.html#/people`)).toBe(false);
      for (const url of ['https://evil.example/', 'http://127.0.0.1:1234/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://tiecheck.evil/', 'data:text/html,<script>1</script>', 'about:blank']) {
        expect(prevented(name, url)).toBe(true);
        expect(prevented(name, url, false)).toBe(true);
      }
    }
  });

  it('refuses to attach a webview', () => {
    const event = navigationEvent('');
    contents().emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('opens no window; hands only clean https: links to the system browser', () => {
    fake.openedExternally.length = 0;
    const open = (url: string) => contents().windowOpenHandler!({ url });
    expect(open('https://www.linkedin.com/in/renee-dubois')).toEqual({ action: 'deny' });
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'http://example.com/', 'https://user:pw@example.com/', 'https://user@example.com/', 'data:text/html,x', 'smb://host/share', 'ms-msdt:/id', `${APP}/index.html`, 'not a url']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(fake.openedExternally).toEqual(['https://www.linkedin.com/in/renee-dubois']);
  });

  it('isSafeExternalUrl accepts only https without credentials', async () => {
    const { isSafeExternalUrl } = await import('../../../electron/main/security');
    expect(isSafeExternalUrl('https://example.com/a?b#c')).toBe(true);
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'file:///C:/x', 'http://example.com', 'https://a:b@example.com', 'https://', '//example.com', '', `https://example.com/${'a'.repeat(3000)}`]) {
      expect(isSafeExternalUrl(url)).toBe(false);
    }
  });
});

describe('IPC (checklist 17)', () => {
  const topFrame = { url: `${APP}/index.html` };
  const sender = { mainFrame: topFrame };
  const invoke = (event: unknown, ...args: unknown[]) => fake.ipcHandlers.get('tiecheck:invoke')!(event, ...args);

  it('answers the app’s own top frame, validated by the contract', async () => {
    const ok = (await invoke({ sender, senderFrame: topFrame }, 'app:info', {})) as { ok: boolean; value: { door: string } };
    expect(ok).toMatchObject({ ok: true, value: { door: 'electron' } });
    const bad = (await invoke({ sender, senderFrame: topFrame }, 'audit:get', { asOf: 'yesterday', extra: 1 })) as { ok: boolean; error: { code: string } };
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('refuses a sub-frame, a foreign page, a destroyed frame and a non-string channel', async () => {
    const forbidden = { ok: false, error: { code: 'forbidden' } };
    const subFrame = { url: `${APP}/index.html` };
    expect(await invoke({ sender, senderFrame: subFrame }, 'app:info', {})).toMatchObject(forbidden);
    for (const url of ['https://evil.example/', 'file:///index.html', 'app://tiecheck.evil/index.html', 'about:blank']) {
      const frame = { url };
      expect(await invoke({ sender: { mainFrame: frame }, senderFrame: frame }, 'app:info', {})).toMatchObject(forbidden);
    }
    expect(await invoke({ sender, senderFrame: null }, 'app:info', {})).toMatchObject(forbidden);
    expect(await invoke({ sender, senderFrame: topFrame }, { toString: () => 'app:info' }, {})).toMatchObject(forbidden);
  });

  it('stages only a real file or folder (an unzipped export), and only for the app’s frame', async () => {
    const stage = (event: unknown, ...args: unknown[]) => fake.ipcHandlers.get('tiecheck:stage')!(event, ...args);
    expect(await stage({ sender, senderFrame: { url: 'https://evil.example/' } }, __filename, 'x')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await stage({ sender, senderFrame: topFrame }, userData, 'dir')).toMatchObject({ ok: true });
    expect(await stage({ sender, senderFrame: topFrame }, `${userData}/no-such-thing`, 'gone')).toMatchObject({ ok: false });
    expect(await stage({ sender, senderFrame: topFrame }, '', 'empty')).toMatchObject({ ok: false });
    expect(await stage({ sender, senderFrame: topFrame }, __filename, 'me.ts')).toMatchObject({ ok: true });
  });

  it('registers no other IPC channel', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(['tiecheck:invoke', 'tiecheck:stage']);
  });
});

describe('the app:// protocol (checklist 18)', () => {
  const handle = (url: string, method = 'GET') => fake.protocolHandlers.get('app')!(new Request(url, { method }));

  it('is registered as a standard, secure scheme, and the app is no default protocol client', () => {
    expect(fake.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(fake.app.defaultProtocolClients).toEqual([]);
  });

  it('serves files under out/renderer with the CSP and nosniff', async () => {
    fake.fetched.length = 0;
    const res = await handle(`${APP}/index.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Security-Policy')).toMatch(/^default-src 'none'/);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(fake.fetched).toHaveLength(1);
    expect(fake.fetched[0]).toMatch(/^file:\/\/.*\/electron\/renderer\/index\.html$/);
  });

  it('refuses traversal, foreign hosts, NUL bytes, malformed escapes and writes', async () => {
    fake.fetched.length = 0;
    for (const url of [`${APP}/../../etc/passwd`, `${APP}/%2e%2e/%2e%2e/etc/passwd`, `${APP}/assets/..%2f..%2f..%2fetc%2fpasswd`, `${APP}/%2e%2e%5c%2e%2e%5cwindows`, 'app://evil/index.html', `${APP}/index.html%00.png`, `${APP}/%E0%A4%A`]) {
      const res = await handle(url);
      const leaked = fake.fetched.some((f) => !/\/electron\/renderer\//.test(f));
      expect(leaked, url).toBe(false);
      if (res.status !== 404) expect(fake.fetched.at(-1), url).toMatch(/\/electron\/renderer\//);
    }
    expect((await handle(`${APP}/index.html`, 'POST')).status).toBe(405);
  });

  it('resolveAppFile keeps every path inside the folder', async () => {
    const { resolveAppFile } = await import('../../../electron/main/appProtocol');
    const root = '/srv/ui';
    expect(resolveAppFile(root, `${APP}/`)).toBe('/srv/ui/index.html');
    expect(resolveAppFile(root, `${APP}/assets/a.js`)).toBe('/srv/ui/assets/a.js');
    // The URL parser folds dot segments before we see them: these stay inside.
    expect(resolveAppFile(root, `${APP}/%2e%2e/secret`)).toBe('/srv/ui/secret');
    expect(resolveAppFile(root, `${APP}/../../etc/passwd`)).toBe('/srv/ui/etc/passwd');
    for (const url of [`${APP}/a/%2e%2e%2f%2e%2e%2fsecret`, `${APP}/..%2F..%2Fetc%2Fpasswd`, 'app://tiecheck.evil/a', `${APP}/a%00`, `${APP}/%`, 'https://tiecheck/a']) expect(resolveAppFile(root, url)).toBeNull();
  });
});

describe('the preload bridge (checklist 20)', () => {
  beforeAll(async () => {
    await import('../../../electron/preload/index');
  });

  it('exposes exactly window.tiecheck with three functions and no Electron object', () => {
    expect([...fake.exposed.keys()]).toEqual(['tiecheck']);
    const bridge = fake.exposed.get('tiecheck') as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on', 'stageFile']);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('sends every call over the one fixed channel, whatever the page asks for', async () => {
    const bridge = fake.exposed.get('tiecheck') as { invoke(channel: unknown, request: unknown): Promise<unknown> };
    fake.rendererInvokes.length = 0;
    await bridge.invoke('tiecheck:stage', { path: '/etc/passwd' });
    await bridge.invoke({ toString: () => 'x' }, {});
    expect(fake.rendererInvokes.map((args) => args[0])).toEqual(['tiecheck:invoke', 'tiecheck:invoke']);
    expect(fake.rendererInvokes.map((args) => typeof args[1])).toEqual(['string', 'string']);
  });

  it('hands listeners the payload only, never the IPC event (which carries the sender)', () => {
    const bridge = fake.exposed.get('tiecheck') as { on(event: string, l: (...a: unknown[]) => void): () => void };
    const listener = vi.fn();
    const off = bridge.on('import:progress', listener);
    for (const l of fake.rendererListeners.get('tiecheck:event') ?? []) l({ sender: 'ipc-event' }, 'import:progress', { rows: 3 });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ rows: 3 });
    off();
    expect(fake.rendererListeners.get('tiecheck:event')).toEqual([]);
  });

  it('stages only files the user picked: a path the page cannot choose', async () => {
    const bridge = fake.exposed.get('tiecheck') as { stageFile(file: unknown): Promise<string> };
    fake.rendererInvokes.length = 0;
    fake.pathForFile = () => '/home/me/Connections.csv';
    await expect(bridge.stageFile({ name: 'Connections.csv' })).resolves.toBe('ref-1');
    expect(fake.rendererInvokes[0]).toEqual(['tiecheck:stage', '/home/me/Connections.csv', 'Connections.csv']);
  });
});
