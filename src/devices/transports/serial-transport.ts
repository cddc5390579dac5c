import { SerialPort } from 'serialport';
import type { ByteTransport } from '../core/transport';

export interface SerialOptions {
  path: string;
  baudRate: number;
}

/** A serial port (8N1) through node-serialport. One instance = one opening; ReconnectingTransport makes new ones. */
export class SerialTransport implements ByteTransport {
  readonly description: string;
  private readonly port: SerialPort;
  private readonly closeListeners = new Set<(error?: Error) => void>();

  constructor(options: SerialOptions) {
    this.description = `serial ${options.path} @${options.baudRate}`;
    this.port = new SerialPort({ path: options.path, baudRate: options.baudRate, dataBits: 8, parity: 'none', stopBits: 1, autoOpen: false });
    this.port.on('close', (error?: Error) => {
      for (const l of [...this.closeListeners]) l(error ?? undefined);
    });
    // Errors after open arrive here; a closing follows, which is what drivers act on.
    this.port.on('error', () => undefined);
  }

  get isOpen(): boolean {
    return this.port.isOpen;
  }

  open(): Promise<void> {
    return new Promise((resolve, reject) => this.port.open((error) => (error ? reject(error) : resolve())));
  }

  close(): Promise<void> {
    if (!this.port.isOpen) return Promise.resolve();
    return new Promise((resolve) => this.port.close(() => resolve()));
  }

  write(data: Uint8Array): Promise<void> {
    // node-serialport queues a write on a closed port until it opens: for a port that was unplugged that is never,
    // and bytes kept back (print data carries names) must not go out to whatever is plugged in later. Refuse at once.
    if (!this.port.isOpen) return Promise.reject(new Error(`${this.description} is not open`));
    return new Promise((resolve, reject) => {
      this.port.write(Buffer.from(data), (error) => {
        if (error) return reject(error);
        this.port.drain((drainError) => (drainError ? reject(drainError) : resolve()));
      });
    });
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    this.port.on('data', listener);
    return () => this.port.off('data', listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }
}
