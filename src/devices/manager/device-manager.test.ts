import type { DeviceConfig } from '../../shared/config/site-config';
import { silentLog } from '../core/device-log';
import { DeviceManager } from './device-manager';
import { createDefaultRegistry } from './default-registry';
import { DriverRegistry } from './registry';
import { idCardReaderRegistration } from '../id-card/registration';
import { until } from '../../../test/support/until';

describe('DriverRegistry', () => {
  it('refuses a second registration of a kind and an empty transport list', () => {
    const registry = new DriverRegistry().register(idCardReaderRegistration);
    expect(() => registry.register(idCardReaderRegistration)).toThrow(/already registered/);
    expect(() => new DriverRegistry().register({ ...idCardReaderRegistration, transports: [] })).toThrow(/transports is empty/);
  });
});

describe('DeviceManager', () => {
  const managers: DeviceManager[] = [];
  afterEach(async () => {
    for (const m of managers.splice(0)) await m.stop();
  });
  const make = (devices: DeviceConfig[], simulate: boolean) => {
    const m = new DeviceManager(createDefaultRegistry(), { devices, simulate, log: silentLog, reconnect: { minDelayMs: 20, maxDelayMs: 100 } });
    managers.push(m);
    return m;
  };

  it('shows devices it cannot drive as notConfigured with the reason, and still starts', async () => {
    const m = make(
      [
        { id: 'cam', kind: 'documentCamera', transport: { type: 'media' }, options: {} },
        { id: 'idr', kind: 'idCardReader', transport: { type: 'hid', vendorId: 1, productId: 2 }, options: {} },
        { id: 'idr2', kind: 'idCardReader', transport: { type: 'serial', path: '/dev/null-x', baudRate: 115200 }, options: { pollIntervalMs: 'fast' } },
      ],
      false,
    );
    await m.start();
    const byId = Object.fromEntries(m.list().map((s) => [s.id, s]));
    expect(byId.idr).toMatchObject({ state: 'notConfigured', detailKey: 'card-readers:detail.transportUnsupported' });
    expect(byId.idr2).toMatchObject({ state: 'notConfigured', detailKey: 'card-readers:detail.badOptions' });
    // The document camera is driven by the screen (getUserMedia): the core shows it online, video only.
    expect(byId.cam).toMatchObject({ state: 'online', media: 'notApplicable', simulated: false, detailKey: 'cameras:camera.videoOnly' });
    expect(() => m.driver('idr')).toThrow(expect.objectContaining({ code: 'device_not_configured' }));
    expect(() => m.status('nope')).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(await m.selfTest('idr')).toMatchObject({ ok: false, steps: [{ name: 'driver', ok: false }] });
  });

  it('reports a serial port that does not exist as offline (port missing) without throwing', async () => {
    const m = make([{ id: 'idr', kind: 'idCardReader', transport: { type: 'serial', path: '/dev/ttyDOES-NOT-EXIST', baudRate: 115200 }, options: {} }], false);
    await m.start();
    await until(() => m.status('idr').detailKey === 'card-readers:detail.portGone');
    expect(m.status('idr')).toMatchObject({ state: 'offline', detailParams: { reason: expect.any(String) } });
    const test = await m.selfTest('idr');
    expect(test.ok).toBe(false);
    expect(test.steps[0]).toMatchObject({ name: 'port', ok: false });
  });

  it('under --simulate moves serial readers to their simulators and adds the missing kinds', async () => {
    const m = make([{ id: 'front-id', kind: 'idCardReader', transport: { type: 'serial', path: '/dev/ttyUSB9', baudRate: 115200 }, options: {} }], true);
    const changes: string[] = [];
    m.onStatus((s) => changes.push(`${s.id}:${s.state}`));
    await m.start();
    expect(m.list().map((s) => s.id)).toEqual(expect.arrayContaining(['front-id', 'ss-card']));
    expect(m.list().find((s) => s.id === 'id-card')).toBeUndefined(); // the config already has an ID card reader
    await until(() => m.status('front-id').state === 'online' && m.status('ss-card').state === 'online');
    expect(changes).toEqual(expect.arrayContaining(['front-id:online', 'ss-card:online']));
    const sim = m.simulatorOfKind('idCardReader');
    expect(sim?.id).toBe('front-id');
    sim!.control.insert(0);
    const reader = m.firstOfKind('idCardReader')!;
    await until(() => reader.cardPresent());
    expect((await m.selfTest('front-id')).ok).toBe(true);
    expect(m.frames('front-id').length).toBeGreaterThan(0);
  });

  it('hands out a driver as its kind\'s interface, and refuses one asked for as another kind', async () => {
    const m = make([], true);
    await m.start();
    expect(m.driverOf('id-card', 'idCardReader').kind).toBe('idCardReader');
    expect(() => m.driverOf('id-card', 'receiptPrinter')).toThrow(expect.objectContaining({ code: 'device_not_configured' }));
    expect(m.firstOfKind('documentPrinter')?.destination).toMatch(/^simulated:/);
    expect(m.simulatorControl('id-card', 'receiptPrinter')).toBeUndefined();
    expect(m.simulatorControl('id-card', 'idCardReader')).toBeDefined();
  });

  it('--simulate covers the A4 queue: a PDF printed through the device interface lands in the simulated queue', async () => {
    const m = make([], true);
    await m.start();
    const a4 = m.firstOfKind('documentPrinter')!;
    await a4.printPdf(Buffer.from('%PDF-1.7 test'), 'test');
    const queue = m.simulatorOfKind('documentPrinter')!.control;
    expect(queue.jobs.map((j) => j.title)).toEqual(['test']);
    queue.setOnline(false);
    await expect(a4.printPdf(Buffer.from('%PDF-1.7 x'), 'x')).rejects.toMatchObject({ code: 'device_offline' });
  });
});
