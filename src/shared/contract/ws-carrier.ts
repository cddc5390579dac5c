import type { ClientCarrier } from './client';
import { KioskError } from './kiosk-error';

/** What the carrier needs of a WebSocket: the browser's and the `ws` package's both have it. */
// Handlers take `never` so that both sockets' own event types fit; the carrier reads only `data` and `message`.
export interface WebSocketLike {
  onopen: ((event: never) => void) | null;
  onmessage: ((event: never) => void) | null;
  onclose: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
  send(text: string): void;
  close(): void;
}

export interface WebSocketCarrierOptions {
  /** Opens the socket: `new WebSocket(url)` on a screen (the session cookie authenticates it); `ws` with a bearer header in Node. */
  open: (url: string) => WebSocketLike;
  /**
   * A screen reconnects with backoff when the host restarts (true); a tool (kioskctl, a test) fails instead: calls
   * waiting or made after the socket closed or could not open fail with a retryable `unauthenticated`.
   */
  reconnect?: boolean;
}

type Pending = { resolve: (answer: { result: unknown } | { error: unknown }) => void };

/**
 * The browser-host carrier: one WebSocket to /api under the typed KioskClient, the same for the renderer, kioskctl and
 * the e2e tests. Requests are `{id, method, params}`, answers `{id, result}` or `{id, error}`, pushed events
 * `{event, data}`.
 */
export class WebSocketCarrier implements ClientCarrier {
  private socket: WebSocketLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly eventListeners = new Set<(event: string, data: unknown) => void>();
  private readonly stateListeners = new Set<(connected: boolean) => void>();
  private retryMs = 250;
  private ready: Promise<void>;
  private markReady: () => void = () => undefined;
  private markFailed: (error: Error) => void = () => undefined;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly options: WebSocketCarrierOptions,
  ) {
    this.ready = this.readyPromise();
    this.connect();
  }

  /** Resolves once the socket is open (a tool waits for it to report a refused connection before calling). */
  opened(): Promise<void> {
    return this.ready;
  }

  private readyPromise(): Promise<void> {
    const ready = new Promise<void>((resolve, reject) => {
      this.markReady = resolve;
      this.markFailed = reject;
    });
    ready.catch(() => undefined); // a tool that never calls must not crash on an unhandled rejection
    return ready;
  }

  private connect(): void {
    const socket = this.options.open(this.url);
    this.socket = socket;
    let wasOpen = false;
    socket.onopen = () => {
      wasOpen = true;
      this.retryMs = 250;
      this.markReady();
      this.stateListeners.forEach((l) => l(true));
    };
    socket.onmessage = (message: { data: unknown }) => this.receive(String(message.data));
    socket.onerror = (event: unknown) => {
      if (!wasOpen && this.options.reconnect === false) this.markFailed(new Error(describeSocketError(event)));
    };
    socket.onclose = () => {
      for (const [, p] of this.pending) p.resolve({ error: new KioskError('unauthenticated', { retryable: true }).toPayload() });
      this.pending.clear();
      this.stateListeners.forEach((l) => l(false));
      if (this.options.reconnect === false || this.closed) {
        this.markFailed(new Error('the kiosk closed the connection'));
        this.ready = Promise.reject(new Error('the kiosk closed the connection'));
        this.ready.catch(() => undefined);
        return;
      }
      // Calls made while the socket was down wait on `ready` until a socket opens: a socket that never opened (refused,
      // the core still starting) leaves it pending for the next try, and only one that was open starts a new one.
      if (wasOpen) this.ready = this.readyPromise();
      setTimeout(() => this.connect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 5000);
    };
  }

  private receive(text: string): void {
    let message: { id?: unknown; event?: unknown; data?: unknown; result?: unknown; error?: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return;
    }
    if (typeof message.event === 'string') {
      this.eventListeners.forEach((l) => l(message.event as string, message.data));
      return;
    }
    if (typeof message.id !== 'number') return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    pending.resolve('error' in message ? { error: message.error } : { result: message.result });
  }

  async call(method: string, params: unknown): Promise<{ result: unknown } | { error: unknown }> {
    await this.ready;
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve });
      this.socket?.send(JSON.stringify({ id, method, params }));
    });
  }

  onEvent(listener: (event: string, data: unknown) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onConnectionChange(listener: (connected: boolean) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Closes for good (no reconnect). */
  close(): void {
    this.closed = true;
    this.socket?.close();
  }
}

function describeSocketError(event: unknown): string {
  const message = (event as { message?: unknown; error?: { message?: unknown } } | null)?.message ?? (event as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof message === 'string' && message ? `the kiosk refused the connection (${message})` : 'the kiosk refused the connection';
}
