import { KioskError } from '../../shared/contract/errors';
import { TransportListeners } from './transport-listeners';
import type { ByteTransport } from '../core/transport';

export interface LinkEvent {
  up: boolean;
  /** Why it is down: the OS error code when known (ENOENT = port missing, EACCES, EIO = unplugged...). */
  reason?: string;
}

export interface ReconnectOptions {
  /** First retry delay; doubles on every failure up to maxDelayMs. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Keeps a port open: opens it, and after it fails to open or goes away (cable pulled, USB reset) opens it again with
 * exponential backoff, for as long as it runs. Listeners for data stay attached across reopenings, so a driver
 * subscribes once. `onLink` says when the port came and went, which drivers turn into online/offline status.
 */
export class ReconnectingTransport extends TransportListeners implements ByteTransport {
  private port: ByteTransport | null = null;
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private attempt = 0;
  /** null until the first attempt, so the first failure is reported too. */
  private linkUp: boolean | null = null;
  private readonly linkListeners = new Set<(event: LinkEvent) => void>();
  private readonly minDelayMs: number;
  private readonly maxDelayMs: number;

  constructor(
    private readonly makePort: () => ByteTransport,
    readonly description: string,
    options: ReconnectOptions = {},
  ) {
    super();
    this.minDelayMs = options.minDelayMs ?? 250;
    // Capped at 1.5 s so a device plugged back in is seen within 2 s however long it was away (issue 10).
    this.maxDelayMs = options.maxDelayMs ?? 1500;
    if (this.minDelayMs <= 0 || this.maxDelayMs < this.minDelayMs) throw new RangeError('ReconnectingTransport: need 0 < minDelayMs <= maxDelayMs');
  }

  get isOpen(): boolean {
    return this.linkUp === true && (this.port?.isOpen ?? false);
  }

  /** Starts keeping the port open. Resolves after the first attempt, whether it worked or not (never throws). */
  async open(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.tryOpen();
  }

  async close(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const port = this.port;
    this.port = null;
    if (port?.isOpen) await port.close().catch(() => undefined);
    this.setLink({ up: false, reason: 'closed' });
  }

  async write(data: Uint8Array): Promise<void> {
    if (!this.port || !this.isOpen) throw new KioskError('device_offline', { details: { port: this.description } });
    await this.port.write(data);
  }

  onLink(listener: (event: LinkEvent) => void): () => void {
    this.linkListeners.add(listener);
    return () => this.linkListeners.delete(listener);
  }

  private async tryOpen(): Promise<void> {
    if (!this.running) return;
    const port = this.makePort();
    try {
      await port.open();
    } catch (error) {
      this.setLink({ up: false, reason: errorCode(error) });
      this.scheduleRetry();
      return;
    }
    if (!this.running) {
      await port.close().catch(() => undefined);
      return;
    }
    this.port = port;
    this.attempt = 0;
    // A port object may be reused for the next opening (in-process simulators): unhook when it closes.
    const offData = port.onData((chunk) => {
      if (this.port === port) this.emitData(chunk);
    });
    const offClose = port.onClose((error) => {
      offData();
      offClose();
      if (this.port !== port) return;
      this.port = null;
      this.emitClose(error);
      this.setLink({ up: false, reason: error ? errorCode(error) : 'closed' });
      this.scheduleRetry();
    });
    this.setLink({ up: true });
  }

  private scheduleRetry(): void {
    if (!this.running || this.timer) return;
    const delay = Math.min(this.maxDelayMs, this.minDelayMs * 2 ** this.attempt);
    this.attempt += 1;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.tryOpen();
    }, delay);
    this.timer.unref?.();
  }

  private setLink(event: LinkEvent): void {
    if (!event.up && this.linkUp === false) {
      // Stay quiet while retries keep failing for the same reason.
      return;
    }
    this.linkUp = event.up;
    for (const l of [...this.linkListeners]) l(event);
  }
}

function errorCode(error: unknown): string {
  if (error && typeof error === 'object') {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string') {
      if (/no such file|cannot find|not found/i.test(message)) return 'ENOENT';
      if (/permission|access denied/i.test(message)) return 'EACCES';
    }
  }
  return 'unknown';
}
