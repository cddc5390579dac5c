import type { ClientCarrier } from '../../shared/contract/client';
import { IpcCarrier } from './ipc-carrier';
import { WebSocketCarrier } from '../../shared/contract/ws-carrier';

export interface CoreConnection {
  /** The typed `KioskClient` goes on top of it; the page's entry asks over it before the client's module has loaded. */
  carrier: ClientCarrier;
  onConnectionChange(listener: (connected: boolean) => void): () => void;
}

/**
 * Picks the carrier: Electron's preload bridge when present, otherwise the browser host's socket (opened at once).
 * The host swapped the launch link for an HttpOnly cookie before this page loaded, so the page never sees a
 * credential. This module stays out of the contract's schemas, so the page's entry can run it early (main.tsx).
 */
export function connectToCore(): CoreConnection {
  if (window.kiosk) return { carrier: new IpcCarrier(window.kiosk), onConnectionChange: () => () => undefined };
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const carrier = new WebSocketCarrier(`${scheme}//${window.location.host}/api`, { open: (url) => new WebSocket(url) });
  return { carrier, onConnectionChange: (l) => carrier.onConnectionChange(l) };
}
