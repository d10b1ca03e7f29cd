// The one app window and the web preferences every item of Electron's security checklist asks for.
import { BrowserWindow } from 'electron';
import { APP_ORIGIN } from './appProtocol';

export function createMainWindow(preloadPath: string, packaged: boolean): BrowserWindow {
  // One literal object, so that electronegativity can read every preference where the window is made.
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Tiecheck',
    show: false,
    webPreferences: {
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK -- our own bridge: three functions over two fixed IPC channels, no Electron or Node object (tests/electron/main/securityChecklist.test.ts)
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
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
