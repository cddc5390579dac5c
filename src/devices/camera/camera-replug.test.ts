import { EventEmitter } from 'node:events';
import { silentLog } from '../core/device-log';
import { createDefaultRegistry } from '../manager/default-registry';
import { DeviceManager } from '../manager/device-manager';

/**
 * A stand-in for node-hid at its lowest layer: there is no /dev/uhid on this machine, so no virtual HID device can be
 * plugged in. It behaves as node-hid does when a device is pulled: the open handle emits 'error' (the read fails)
 * and the device leaves `devicesAsync()`; plugged back in, it is listed again and opens by its path.
 */
class FakeHidBus {
  plugged = true;
  opens = 0;
  written: number[][] = [];
  handle: (EventEmitter & { write(b: Buffer): Promise<number>; close(): Promise<void> }) | null = null;
  readonly info = { vendorId: 0x1234, productId: 0x5678, path: '/dev/hidraw-camera', serialNumber: 'C1' };

  devicesAsync = async () => (this.plugged ? [this.info] : []);
  open = async (path: string) => {
    if (!this.plugged || path !== this.info.path) throw new Error(`cannot open device with path ${path}`);
    this.opens += 1;
    const handle = Object.assign(new EventEmitter(), {
      write: async (b: Buffer) => {
        if (this.handle !== handle) throw new Error('Cannot write to hid device');
        this.written.push([...b]);
        return b.length;
      },
      close: async () => undefined,
    });
    this.handle = handle;
    return handle;
  };
  unplug(): void {
    this.plugged = false;
    const h = this.handle;
    this.handle = null;
    h?.emit('error', new Error('could not read from HID device'));
  }
  pressButton(): void {
    this.handle?.emit('data', Buffer.from([0x01, 0x01]));
    this.handle?.emit('data', Buffer.from([0x01, 0x00]));
  }
}

const bus = new FakeHidBus();
jest.mock('node-hid', () => ({
  __esModule: true,
  default: {
    devicesAsync: () => bus.devicesAsync(),
    HIDAsync: { open: (path: string) => bus.open(path) },
  },
}));

describe('document camera HID side through the device manager: unplug and replug', () => {
  afterEach(() => jest.useRealTimers());

  it('is offline within 2 s of being pulled and back online within 2 s of being plugged in, without a restart', async () => {
    jest.useFakeTimers();
    // The manager's default reconnect timing: the 2 s bound must hold on what a kiosk runs, not on a test's tuning.
    const m = new DeviceManager(createDefaultRegistry(), {
      devices: [{ id: 'cam', kind: 'documentCamera', transport: { type: 'hid', vendorId: 0x1234, productId: 0x5678 }, options: {} }],
      simulate: false,
      log: silentLog,
    });
    await m.start();
    expect(m.status('cam')).toMatchObject({ state: 'online' });
    const camera = m.driverOf('cam', 'documentCamera');
    let presses = 0;
    camera.onButton(() => presses++);

    bus.unplug();
    await jest.advanceTimersByTimeAsync(2000);
    expect(m.status('cam')).toMatchObject({ state: 'offline', detailKey: 'cameras:camera.hidMissing' });
    expect(await camera.setLight(true)).toBe(false);

    // Away long enough for the retries to back off to their longest delay.
    await jest.advanceTimersByTimeAsync(31_000);
    expect(m.status('cam').state).toBe('offline');

    bus.plugged = true;
    await jest.advanceTimersByTimeAsync(2000);
    expect(m.status('cam')).toMatchObject({ state: 'online' });
    expect(m.status('cam').detailKey).toBeUndefined();
    expect(bus.opens).toBe(2);

    // Working again, not only called online: the light switches and the button is heard.
    expect(await camera.setLight(true)).toBe(true);
    expect(bus.written.at(-1)).toEqual([0x02, 0x01]);
    bus.pressButton();
    expect(presses).toBe(1);
    expect((await m.selfTest('cam')).ok).toBe(true);
    await m.stop();
  });
});
