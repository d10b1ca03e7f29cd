// Binds the contract to the engine over IPC: every sender is checked to be the app's own top frame,
// every request is validated by the contract before a handler sees it.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { existsSync, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { EngineContext } from '../engine/context';
import { invoke } from '../engine/handlers';
import { isAppUrl } from './security';

/** Only the app's own top frame may call: not a sub-frame, not a page that got navigated elsewhere. */
export function trustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return !!frame && frame === event.sender.mainFrame && isAppUrl(frame.url);
}

const refused = { ok: false as const, error: { code: 'forbidden' as const, message: 'refused: not the app window' } };

export function registerIpc(ctx: EngineContext): void {
  ipcMain.handle('tiecheck:invoke', (event, channel: unknown, request: unknown) => {
    if (!trustedSender(event) || typeof channel !== 'string') return refused;
    return invoke(ctx, channel, request);
  });
  ipcMain.handle('tiecheck:stage', (event, path: unknown, name: unknown) => {
    if (!trustedSender(event)) return refused;
    // A folder is staged too: the archive calls read an unzipped export as they read a zip.
    if (typeof path !== 'string' || path === '' || !existsSync(path) || !(statSync(path).isFile() || statSync(path).isDirectory())) {
      return { ok: false, error: { code: 'invalid_request', message: 'that is not a readable file or folder' } };
    }
    const fileRef = randomUUID();
    ctx.staged.set(fileRef, { path, name: typeof name === 'string' ? name.slice(0, 200) : path, temporary: false });
    return { ok: true, value: { fileRef } };
  });
}
