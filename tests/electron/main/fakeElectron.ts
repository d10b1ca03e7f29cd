// A stand-in for the `electron` module (the binary cannot run here): it records what main and preload register,
// so that tests can call the real handlers with the events Electron would send.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Handler = (...args: never[]) => unknown;

/** The event object Electron passes to will-navigate & co.: only preventDefault matters to us. */
export interface FakeNavigationEvent {
  url: string;
  isMainFrame: boolean;
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function navigationEvent(url: string, isMainFrame = true): FakeNavigationEvent {
  return {
    url,
    isMainFrame,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export class FakeSession {
  permissionRequest: Handler | null = null;
  permissionCheck: Handler | null = null;
  devicePermission: Handler | null = null;
  displayMedia: Handler | null = null;
  spellCheckerEnabled = true;
  dictionaryUrl: string | null = null;
  proxyCalls = 0;
  beforeRequest: ((details: { url: string }, cb: (r: { cancel?: boolean }) => void) => void) | null = null;
  headersReceived: ((details: { url: string; responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders?: Record<string, string[]> }) => void) => void) | null = null;
  setPermissionRequestHandler = (h: Handler) => void (this.permissionRequest = h);
  setPermissionCheckHandler = (h: Handler) => void (this.permissionCheck = h);
  setDevicePermissionHandler = (h: Handler) => void (this.devicePermission = h);
  setDisplayMediaRequestHandler = (h: Handler) => void (this.displayMedia = h);
  setSpellCheckerEnabled = (on: boolean) => void (this.spellCheckerEnabled = on);
  setSpellCheckerDictionaryDownloadURL = (url: string) => void (this.dictionaryUrl = url);
  setProxy = () => {
    this.proxyCalls++;
    return Promise.resolve();
  };
  webRequest = {
    onBeforeRequest: (h: FakeSession['beforeRequest']) => void (this.beforeRequest = h),
    onHeadersReceived: (h: FakeSession['headersReceived']) => void (this.headersReceived = h),
  };
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  mainFrame = { url: 'app://tiecheck/index.html' };
  sent: unknown[][] = [];
  setWindowOpenHandler(h: FakeWebContents['windowOpenHandler']) {
    this.windowOpenHandler = h;
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  printToPDF() {
    return Promise.resolve(Buffer.from('%PDF-1.7'));
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  static getAllWindows = () => FakeBrowserWindow.created;
  webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
    // As Electron does: a new window's web contents are announced before anything loads in them.
    fake.app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  loadFile(path: string) {
    this.loadedUrl = `file://${path}`;
    return Promise.resolve();
  }
  destroyed = false;
  destroy() {
    this.destroyed = true;
  }
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  sandboxEnabled = false;
  defaultProtocolClients: string[] = [];
  private ready!: () => void;
  private readyPromise = new Promise<void>((resolve) => (this.ready = resolve));
  enableSandbox = () => void (this.sandboxEnabled = true);
  whenReady = () => this.readyPromise;
  /** What Electron does once it has started: resolves whenReady(). */
  becomeReady = () => this.ready();
  requestSingleInstanceLock = () => true;
  setAsDefaultProtocolClient = (scheme: string) => {
    this.defaultProtocolClients.push(scheme);
    return true;
  };
  getPath = vi.fn(() => '/tmp/tiecheck-fake-user-data');
  getAppPath = () => '/tmp/tiecheck-fake-app';
  quit = vi.fn();
}

export const fake = {
  app: new FakeApp(),
  defaultSession: new FakeSession(),
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  fetched: [] as string[],
  openedExternally: [] as string[],
  ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  exposed: new Map<string, unknown>(),
  rendererInvokes: [] as unknown[][],
  rendererListeners: new Map<string, ((...args: unknown[]) => void)[]>(),
  pathForFile: (_file: unknown) => '',
};

export const electron = {
  app: fake.app,
  BrowserWindow: FakeBrowserWindow,
  Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) },
  session: { defaultSession: fake.defaultSession },
  shell: {
    openExternal: (url: string) => {
      fake.openedExternally.push(url);
      return Promise.resolve();
    },
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privilegedSchemes.push(...schemes),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => fake.protocolHandlers.set(scheme, handler),
  },
  net: {
    fetch: (url: string) => {
      fake.fetched.push(url);
      return Promise.resolve(new Response('<!doctype html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    },
  },
  ipcMain: { handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => fake.ipcHandlers.set(channel, handler) },
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      fake.rendererInvokes.push(args);
      return Promise.resolve({ ok: true, value: { fileRef: 'ref-1' } });
    },
    on: (channel: string, listener: (...args: unknown[]) => void) => fake.rendererListeners.set(channel, [...(fake.rendererListeners.get(channel) ?? []), listener]),
    removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
      fake.rendererListeners.set(
        channel,
        (fake.rendererListeners.get(channel) ?? []).filter((l) => l !== listener),
      ),
  },
  webUtils: { getPathForFile: (file: unknown) => fake.pathForFile(file) },
};

export default electron;
