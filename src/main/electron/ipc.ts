import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { KioskError } from '../../shared/contract';
import type { KioskCore } from '../core';
import type { Connection } from '../dispatcher';
import { isAppUrl } from './app-origin';

export const INVOKE_CHANNEL = 'kiosk:invoke';
export const EVENT_CHANNEL = 'kiosk:event';

/** Only the app's own main frame may call the core: not a subframe, not a page that navigated elsewhere. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  return frame === event.sender.mainFrame && isAppUrl(frame.url);
}

/**
 * The Electron carrier: one invoke channel to the core's dispatcher and one event channel back. Each window's
 * webContents is one connection (its staff login lives and dies with it).
 */
export function registerIpc(core: KioskCore, ipcMain: IpcMain): { attach(contents: WebContents): void } {
  const connections = new Map<number, Connection>();
  const attached = new Set<WebContents>();

  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, params: unknown) => {
    if (!isTrustedSender(event)) {
      core.log.warn({ url: event.senderFrame?.url.slice(0, 200) ?? null }, 'ipc refused: untrusted sender');
      return { error: new KioskError('unauthenticated').toPayload() };
    }
    if (typeof method !== 'string') return { error: new KioskError('invalid_request', { details: { reason: 'notARequest' } }).toPayload() };
    let connection = connections.get(event.sender.id);
    if (!connection) {
      connection = core.newConnection('ipc');
      connections.set(event.sender.id, connection);
    }
    return core.dispatcher.dispatch(connection, method, params);
  });

  core.events.subscribe((name, data) => {
    for (const contents of attached) if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, data);
  });

  return {
    attach(contents) {
      attached.add(contents);
      const forget = () => {
        const connection = connections.get(contents.id);
        if (connection) core.dropConnection(connection);
        connections.delete(contents.id);
      };
      // A reload (crash recovery, navigation to the start page) starts a fresh connection: no staff login survives it.
      contents.on('did-start-navigation', (_e, _url, _inPlace, isMainFrame) => isMainFrame && forget());
      contents.on('destroyed', () => {
        forget();
        attached.delete(contents);
      });
    },
  };
}
