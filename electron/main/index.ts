// The desktop app's lifecycle: one hardened window over the engine, the UI served from app://tiecheck/.
import { app, BrowserWindow, Menu } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../engine/createEngine';
import { registerIpc } from './ipc';
import { printHtmlToPdf } from './printPdf';
import { registerAppScheme, serveAppProtocol } from './appProtocol';
import { createMainWindow } from './mainWindow';
import { hardenSessions, installGlobalHardening } from './security';
import type { EngineContext } from '../engine/context';

// Before anything else: the scheme must be privileged before ready, and no web contents may be created unhardened.
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

function openWindow(): void {
  mainWindow = createMainWindow(join(import.meta.dirname, '../preload/index.cjs'), app.isPackaged);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

// Two copies on one database file would each think they own it.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  app.whenReady().then(() => {
    hardenSessions(app.isPackaged);
    serveAppProtocol(join(import.meta.dirname, '../renderer'));
    ctx = createEngine({ dbPath: join(app.getPath('userData'), 'tiecheck.db'), door: 'electron', nativeBinding: electronSqliteBinding(), importInWorker: true });
    ctx.emit = (event, payload) => mainWindow?.webContents.send('tiecheck:event', event, payload);
    ctx.printPdf = printHtmlToPdf;
    registerIpc(ctx);
    Menu.setApplicationMenu(Menu.buildFromTemplate([{ role: 'fileMenu' }, { role: 'editMenu' }, { role: 'viewMenu' }, { role: 'windowMenu' }]));
    openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// On macOS the app outlives its windows and `activate` reopens one over the same engine: close the database only on quit.
app.on('will-quit', () => {
  ctx?.db.close();
  ctx = null;
});
