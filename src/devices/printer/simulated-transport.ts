import type { ByteTransport } from '../core/transport';
import { TransportListeners } from '../transports/transport-listeners';

/** Something that speaks a device's side of a byte protocol in-process (a simulator). */
export interface DeviceSide {
  receive(chunk: Uint8Array): void;
  onOutput(listener: (bytes: Uint8Array) => void): () => void;
}

/**
 * A ByteTransport wired straight to a simulator in the same process (`--simulate`, unit tests). Bytes are handed
 * over asynchronously, as a real port would, so drivers cannot depend on same-tick answers.
 */
export class InProcessTransport extends TransportListeners implements ByteTransport {
  readonly description = 'simulated';
  private open_ = false;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly device: DeviceSide) {
    super();
  }

  get isOpen(): boolean {
    return this.open_;
  }

  async open(): Promise<void> {
    if (this.open_) return;
    this.open_ = true;
    this.unsubscribe = this.device.onOutput((bytes) => {
      const chunk = Buffer.from(bytes);
      setImmediate(() => {
        if (!this.open_) return;
        this.emitData(chunk);
      });
    });
  }

  async close(): Promise<void> {
    if (!this.open_) return;
    this.open_ = false;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.emitClose();
  }

  async write(data: Uint8Array): Promise<void> {
    if (!this.open_) throw new Error('transport closed');
    const copy = Uint8Array.from(data);
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.device.receive(copy);
  }
}
