// The one app window and the web preferences every item of Electron's security checklist asks for.
import { BrowserWindow, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';
import { APP_ORIGIN } from './appProtocol';

/** Kept apart from the window so that a test can read exactly what the window is given. */
export function windowWebPreferences(preloadPath: string, packaged: boolean): WebPreferences {
  return {
    preload: preloadPath, // eng-disable PRELOAD_JS_CHECK -- our own bridge; it exposes three functions over two fixed IPC channels, no Electron or Node object (tests/electron/main/securityChecklist.test.ts)
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableWebSQL: false,
    // Middle-click would ask for a new window; the open handler denies it anyway, this stops it earlier.
    disableBlinkFeatures: 'Auxclick',
    spellcheck: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Developer tools only while developing: a packaged build has no console to paste code into.
    devTools: !packaged,
  };
}

export function mainWindowOptions(preloadPath: string, packaged: boolean): BrowserWindowConstructorOptions {
  return { width: 1280, height: 860, title: 'Tiecheck', show: false, webPreferences: windowWebPreferences(preloadPath, packaged) };
}

export function createMainWindow(preloadPath: string, packaged: boolean): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath, packaged));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
