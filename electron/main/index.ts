// The desktop app's lifecycle: one hardened window over the engine, the UI served from app://tiecheck/.
import { app, BrowserWindow, Menu } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../engine/createEngine';
import { registerIpc } from './ipc';
import { APP_ORIGIN, registerAppScheme, serveAppProtocol } from './appProtocol';
import { hardenSessions, installGlobalHardening } from './security';
import type { EngineContext } from '../engine/context';

registerAppScheme();
installGlobalHardening();
app.enableSandbox();

let ctx: EngineContext | null = null;
let mainWindow: BrowserWindow | null = null;

/** The start script rebuilds better-sqlite3 for Electron's ABI into its own folder; use it when present. */
function electronSqliteBinding(): string | undefined {
  const candidate = process.env.TIECHECK_SQLITE_BINDING ?? join(app.getAppPath(), '.electron-abi', 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Tiecheck',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

app.whenReady().then(() => {
  hardenSessions();
  serveAppProtocol(join(import.meta.dirname, '../renderer'));
  ctx = createEngine({ dbPath: join(app.getPath('userData'), 'tiecheck.db'), door: 'electron', nativeBinding: electronSqliteBinding(), importInWorker: true });
  ctx.emit = (event, payload) => mainWindow?.webContents.send('tiecheck:event', event, payload);
  registerIpc(ctx);
  Menu.setApplicationMenu(Menu.buildFromTemplate([{ role: 'fileMenu' }, { role: 'editMenu' }, { role: 'viewMenu' }, { role: 'windowMenu' }]));
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  ctx?.db.close();
  if (process.platform !== 'darwin') app.quit();
});
