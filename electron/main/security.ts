// Hardening of every window and session: no navigation, no new windows, no permissions, no webviews,
// nothing fetched from outside, and `https:` links handed to the system browser only after validation.
import { app, session, shell, type Session, type WebContents } from 'electron';
import { APP_ORIGIN } from './appProtocol';

/** The app's own pages: app://tiecheck/… (the trailing slash keeps out app://tiecheck.evil/). */
export function isAppUrl(raw: string): boolean {
  return raw.startsWith(`${APP_ORIGIN}/`);
}

/** What the system browser may be asked to open: absolute https: URLs without credentials. */
export function isSafeExternalUrl(raw: string): boolean {
  if (typeof raw !== 'string' || raw.length > 2048) return false;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** Requests a window may make: its own files and in-memory objects (blob:, data: never touch a network); everything else is cancelled. */
export function isAllowedRequest(raw: string, packaged: boolean): boolean {
  if (isAppUrl(raw) || raw.startsWith('blob:') || raw.startsWith('data:')) return true;
  return !packaged && raw.startsWith('devtools://');
}

export function hardenSession(ses: Session, packaged: boolean): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  ses.setSpellCheckerEnabled(false);
  // The dictionary downloader is the one fetch the spellchecker makes on its own; point it nowhere.
  ses.setSpellCheckerDictionaryDownloadURL(`${APP_ORIGIN}/no-dictionaries/`);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, packaged) }));
  // app:// responses carry this header from the protocol handler already; this repeats it for any response
  // that does not come from there, and keeps one literal for electronegativity's CSP check to evaluate.
  ses.webRequest.onHeadersReceived((details, callback) =>
    callback({
      // electronegativity's one remark is script-src 'self' ("problematic if you host JSONP, Angular or user uploads"): app:// serves only the built bundle.
      responseHeaders: { // eng-disable CSP_GLOBAL_CHECK -- see the line above
        ...details.responseHeaders,
        'Content-Security-Policy': [
          "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; frame-src blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ],
      },
    }),
  );
}

/** Every session the app has now and any it creates later (there are none today; this keeps it so). */
export function hardenSessions(packaged: boolean): void {
  hardenSession(session.defaultSession, packaged);
  app.on('session-created', (ses) => hardenSession(ses, packaged));
}

export function hardenWebContents(contents: WebContents): void {
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => stayHome(event, url));
  contents.on('will-redirect', (event, url) => stayHome(event, url));
  // Sub-frames navigate through this one only (will-navigate is the main frame's).
  contents.on('will-frame-navigate', (event) => stayHome(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK -- only https: URLs without credentials pass isSafeExternalUrl (tested)
    return { action: 'deny' };
  });
}

/** Must run before any window exists, so that no web contents escape the hardening. */
export function installGlobalHardening(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
