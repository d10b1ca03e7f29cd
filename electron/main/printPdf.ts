// The desktop app's PDF: Electron's own printToPDF on a hidden, sandboxed window holding the report HTML.
import { BrowserWindow } from 'electron';

export async function printHtmlToPdf(html: string): Promise<Buffer> {
  const win = new BrowserWindow({
    show: false,
    // The same lock-down as the app window (checklist); no preload, no script, nothing to click.
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      spellcheck: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      devTools: false,
    },
  });
  try {
    // The report is self-contained (inline CSS and SVG, no script): a data URL needs nothing else.
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    win.destroy();
  }
}
