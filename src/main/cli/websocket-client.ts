import WebSocket from 'ws';
import { KioskClient } from '../../shared/contract/client';
import { WebSocketCarrier, type WebSocketLike } from '../../shared/contract/ws-carrier';

/**
 * The typed KioskClient over the browser host's WebSocket, for tools on the kiosk machine (kioskctl, test
 * harnesses): authenticated with the launch token as `Authorization: Bearer`, no reconnect. Resolves once the
 * socket is open; a refused connection rejects with the HTTP status in its message.
 */
export async function openWebSocketClient(origin: string, token: string): Promise<{ client: KioskClient; carrier: WebSocketCarrier; close(): void }> {
  const apiUrl = `${origin.replace(/^http/, 'ws')}/api`;
  const carrier = new WebSocketCarrier(apiUrl, {
    open: (url) => new WebSocket(url, { headers: { authorization: `Bearer ${token}` } }) as unknown as WebSocketLike,
    reconnect: false,
  });
  await carrier.opened();
  const client = new KioskClient(carrier);
  return {
    client,
    carrier,
    close: () => {
      client.close();
      carrier.close();
    },
  };
}
