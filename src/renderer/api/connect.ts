import { KioskClient } from '../../shared/contract/client';
import { IpcCarrier } from './ipc-carrier';
import { WebSocketCarrier } from '../../shared/contract/ws-carrier';

export interface Connected {
  client: KioskClient;
  onConnectionChange(listener: (connected: boolean) => void): () => void;
}

/**
 * Picks the carrier: Electron's preload bridge when present, otherwise the browser host's socket. The host swapped
 * the launch link for an HttpOnly cookie before this page loaded, so the page never sees a credential.
 */
export function connectToCore(): Connected {
  if (window.kiosk) {
    return { client: new KioskClient(new IpcCarrier(window.kiosk)), onConnectionChange: () => () => undefined };
  }
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const carrier = new WebSocketCarrier(`${scheme}//${window.location.host}/api`, { open: (url) => new WebSocket(url) });
  return { client: new KioskClient(carrier), onConnectionChange: (l) => carrier.onConnectionChange(l) };
}
