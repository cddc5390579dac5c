import type { ClientCarrier } from '../../shared/contract/client';
import { KioskError } from '../../shared/contract/errors';

type Pending = { resolve: (answer: { result: unknown } | { error: unknown }) => void };

/**
 * The browser-host carrier on the screen side: one WebSocket to /api (the session cookie authenticates it), reconnecting with
 * backoff if the host restarts. Calls made while disconnected fail at once with a retryable error.
 */
export class WebSocketCarrier implements ClientCarrier {
  private socket: WebSocket | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly eventListeners = new Set<(event: string, data: unknown) => void>();
  private readonly stateListeners = new Set<(connected: boolean) => void>();
  private retryMs = 250;
  private ready: Promise<void>;
  private markReady: () => void = () => undefined;

  constructor(private readonly url: string) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this.connect();
  }

  private connect(): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.retryMs = 250;
      this.markReady();
      this.stateListeners.forEach((l) => l(true));
    };
    socket.onmessage = (message) => this.receive(String(message.data));
    socket.onclose = () => {
      for (const [, p] of this.pending) p.resolve({ error: new KioskError('unauthenticated', { retryable: true }).toPayload() });
      this.pending.clear();
      this.stateListeners.forEach((l) => l(false));
      this.ready = new Promise((resolve) => (this.markReady = resolve));
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
}
