/**
 * The preload's whole surface: `window.kiosk.invoke(method, params)` and `window.kiosk.on(listener)`, over two fixed
 * channels. No raw ipcRenderer, no Node. The main process checks every call against the contract and the role.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

const INVOKE_CHANNEL = 'kiosk:invoke';
const EVENT_CHANNEL = 'kiosk:event';

contextBridge.exposeInMainWorld('kiosk', {
  invoke: (method: string, params: unknown): Promise<unknown> => ipcRenderer.invoke(INVOKE_CHANNEL, String(method), params),
  on: (listener: (event: string, data: unknown) => void): (() => void) => {
    const handler = (_event: IpcRendererEvent, name: string, data: unknown) => listener(name, data);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
});
