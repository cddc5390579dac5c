import WebSocket from 'ws';
import { KioskClient, type ClientCarrier } from '../../src/shared/contract/client';
import { KioskError } from '../../src/shared/contract/errors';

export interface NodeKioskConnection {
  readonly client: KioskClient;
  /** Settles when the socket is gone (the host closed it or died). */
  readonly closed: Promise<void>;
  isClosed(): boolean;
  close(): void;
}

/**
 * The typed client a screen uses, over the browser host's WebSocket from Node (`kioskUrl` is the launch URL the host
 * writes to DATA-DIR/launch-url; the `ws` package stands in for the
 * browser's WebSocket). Calls in flight when the socket drops answer with a retryable `unauthenticated` error, as
 * the renderer's carrier does; `isClosed()` tells a lost host from a refused call.
 */
export function connectKiosk(kioskUrl: string): Promise<NodeKioskConnection> {
  const url = new URL(kioskUrl);
  // A tool, not a browser: the launch token goes as a bearer header (the host refuses an Origin alone).
  const ws = new WebSocket(`ws://${url.host}/api`, { headers: { authorization: `Bearer ${url.searchParams.get('token') ?? ''}` } });
  const pending = new Map<number, (answer: { result: unknown } | { error: unknown }) => void>();
  const listeners = new Set<(event: string, data: unknown) => void>();
  let nextId = 1;
  let closed = false;
  const lost = () => new KioskError('unauthenticated', { retryable: true }).toPayload();
  const closedPromise = new Promise<void>((resolve) =>
    ws.once('close', () => {
      closed = true;
      for (const [, answer] of pending) answer({ error: lost() });
      pending.clear();
      resolve();
    }),
  );
  ws.on('error', () => undefined); // a killed host shows as 'close'
  ws.on('message', (raw) => {
    const message = JSON.parse(raw.toString()) as { id?: number; event?: string; data?: unknown; result?: unknown; error?: unknown };
    if (typeof message.event === 'string') {
      for (const l of listeners) l(message.event, message.data);
      return;
    }
    const answer = pending.get(message.id ?? -1);
    if (!answer) return;
    pending.delete(message.id!);
    answer('error' in message ? { error: message.error } : { result: message.result });
  });
  const carrier: ClientCarrier = {
    call: (method, params) =>
      new Promise((resolve) => {
        if (closed) return resolve({ error: lost() });
        const id = nextId++;
        pending.set(id, resolve);
        ws.send(JSON.stringify({ id, method, params }));
      }),
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ client: new KioskClient(carrier), closed: closedPromise, isClosed: () => closed, close: () => ws.close() }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('close', () => reject(new Error('socket closed before it opened')));
  });
}
