import type { ByteTransport } from '../core/transport';
import { TransportListeners } from './transport-listeners';

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

export class MemoryEnd extends TransportListeners implements ByteTransport {
  peer: MemoryEnd | null = null;
  isOpen = false;
  plugged = true;

  constructor(readonly description: string) {
    super();
  }

  async open(): Promise<void> {
    if (!this.plugged) throw Object.assign(new Error(`${this.description}: no such device`), { code: 'ENOENT' });
    this.isOpen = true;
  }

  async close(): Promise<void> {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.emitClose();
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

  deliver(chunk: Buffer): void {
    this.emitData(chunk);
  }

  dropWithError(error: Error): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.emitClose(error);
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
