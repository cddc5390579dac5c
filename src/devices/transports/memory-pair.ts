import type { ByteTransport } from '../core/transport';

/**
 * Two in-process transports wired back to back: what one writes the other receives, asynchronously and in the
 * chunks written (like a pty). Used for in-process simulators (`--simulate`, unit tests). `unplug()` closes both
 * ends as a pulled cable would, `replug()` lets them open again.
 */
export interface MemoryPair {
  host: MemoryEnd;
  device: MemoryEnd;
  unplug(): void;
  replug(): void;
}

export class MemoryEnd implements ByteTransport {
  peer: MemoryEnd | null = null;
  isOpen = false;
  plugged = true;
  private readonly dataListeners = new Set<(chunk: Buffer) => void>();
  private readonly closeListeners = new Set<(error?: Error) => void>();

  constructor(readonly description: string) {}

  async open(): Promise<void> {
    if (!this.plugged) throw Object.assign(new Error(`${this.description}: no such device`), { code: 'ENOENT' });
    this.isOpen = true;
  }

  async close(): Promise<void> {
    if (!this.isOpen) return;
    this.isOpen = false;
    for (const l of [...this.closeListeners]) l();
  }

  async write(data: Uint8Array): Promise<void> {
    if (!this.isOpen) throw new Error(`${this.description}: port not open`);
    const peer = this.peer;
    const copy = Buffer.from(data);
    // Asynchronous like a real port: a reply never arrives inside the write call.
    setImmediate(() => {
      if (peer?.isOpen && this.plugged) peer.deliver(copy);
    });
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  deliver(chunk: Buffer): void {
    for (const l of [...this.dataListeners]) l(chunk);
  }

  dropWithError(error: Error): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    for (const l of [...this.closeListeners]) l(error);
  }
}

export function createMemoryPair(name = 'simulated'): MemoryPair {
  const host = new MemoryEnd(name);
  const device = new MemoryEnd(`${name} (device side)`);
  host.peer = device;
  device.peer = host;
  return {
    host,
    device,
    unplug: () => {
      host.plugged = false;
      device.plugged = false;
      const gone = Object.assign(new Error('device disconnected'), { code: 'EIO' });
      host.dropWithError(gone);
      device.dropWithError(gone);
    },
    replug: () => {
      host.plugged = true;
      device.plugged = true;
    },
  };
}
