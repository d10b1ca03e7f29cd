// The bridge: exposes `window.tiecheck` (invoke, on, stageFile) and nothing else of Electron or Node.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { TiecheckBridge } from '../../shared/api/bridge';
import type { Envelope } from '../../shared/api/contract';

const bridge: TiecheckBridge = {
  invoke: (channel, request) => ipcRenderer.invoke('tiecheck:invoke', String(channel), request) as Promise<Envelope<unknown>>,
  on: (event, listener) => {
    const handler = (_e: Electron.IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on('tiecheck:event', handler);
    return () => ipcRenderer.removeListener('tiecheck:event', handler);
  },
  stageFile: async (file) => {
    const path = webUtils.getPathForFile(file as File);
    const envelope = (await ipcRenderer.invoke('tiecheck:stage', path, (file as File).name)) as Envelope<{ fileRef: string }>;
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.value.fileRef;
  },
};

contextBridge.exposeInMainWorld('tiecheck', bridge);
