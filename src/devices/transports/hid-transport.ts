import HID from 'node-hid';
import { TransportListeners } from './transport-listeners';
import type { ByteTransport } from '../core/transport';

export interface HidOptions {
  vendorId: number;
  productId: number;
  serialNumber?: string;
}

export function hidId(vendorId: number, productId: number): string {
  return `${vendorId.toString(16).padStart(4, '0')}:${productId.toString(16).padStart(4, '0')}`;
}

/**
 * A HID device through node-hid (async API). Writes are whole output reports: the first byte is the report id
 * (0x00 when the device uses none), as node-hid expects; the model profile's codec builds them.
 */
export class HidTransport extends TransportListeners implements ByteTransport {
  readonly description: string;
  private device: HID.HIDAsync | null = null;

  constructor(private readonly options: HidOptions) {
    super();
    this.description = `hid ${hidId(options.vendorId, options.productId)}${options.serialNumber ? ` #${options.serialNumber}` : ''}`;
  }

  get isOpen(): boolean {
    return this.device !== null;
  }

  async open(): Promise<void> {
    const found = (await HID.devicesAsync()).find(
      (d) =>
        d.vendorId === this.options.vendorId &&
        d.productId === this.options.productId &&
        (this.options.serialNumber === undefined || d.serialNumber === this.options.serialNumber),
    );
    if (!found?.path) throw Object.assign(new Error(`${this.description}: not connected`), { code: 'ENOENT' });
    const device = await HID.HIDAsync.open(found.path);
    device.on('data', (chunk: Buffer) => {
      this.emitData(chunk);
    });
    device.on('error', (error: Error) => this.drop(error));
    this.device = device;
  }

  async close(): Promise<void> {
    const device = this.device;
    if (!device) return;
    this.device = null;
    await device.close().catch(() => undefined);
    this.emitClose();
  }

  async write(data: Uint8Array): Promise<void> {
    if (!this.device) throw new Error(`${this.description}: not open`);
    await this.device.write(Buffer.from(data));
  }

  private drop(error: Error): void {
    const device = this.device;
    if (!device) return;
    this.device = null;
    void device.close().catch(() => undefined);
    this.emitClose(Object.assign(error, { code: 'EIO' }));
  }
}
