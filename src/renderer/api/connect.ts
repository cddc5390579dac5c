import { KioskClient } from '../../shared/contract/client';
import { IpcCarrier } from './ipc-carrier';
import { WebSocketCarrier } from './ws-carrier';

export interface Connected {
  client: KioskClient;
  onConnectionChange(listener: (connected: boolean) => void): () => void;
}

/**
 * Picks the carrier: Electron's preload bridge when present, otherwise the browser host's socket with the
 * launch token from the URL (which is then removed from the address bar).
 */
export function connectToCore(): Connected {
  if (window.kiosk) {
    return { client: new KioskClient(new IpcCarrier(window.kiosk)), onConnectionChange: () => () => undefined };
  }
  const params = new URLSearchParams(window.location.search);
  const token = params.get('token') ?? sessionStorage.getItem('kiosk.token') ?? '';
  // Keep the token for reloads of this tab only; never in localStorage.
  sessionStorage.setItem('kiosk.token', token);
  if (params.has('token')) window.history.replaceState(null, '', window.location.pathname);
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const carrier = new WebSocketCarrier(`${scheme}//${window.location.host}/api?token=${encodeURIComponent(token)}`);
  return { client: new KioskClient(carrier), onConnectionChange: (l) => carrier.onConnectionChange(l) };
}
