import fs from 'node:fs';
import path from 'node:path';
import { demoSiteConfig } from '../../src/main/config/load-site-config';
import { createKioskCore, type KioskCore } from '../../src/main/core';
import type { Connection } from '../../src/main/dispatcher';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { startPrinterPtyRig, type PrinterPtyRig } from '../fixtures/printer-pty-rig';
import { tempDir } from '../support/core-harness';
import { until } from '../support/until';

jest.setTimeout(60_000);

/**
 * A technician moves the receipt printer from one serial port to another (two socat pty pairs, the printer simulator
 * in another process on each): the site config is saved atomically with the previous version kept, the device is
 * reopened without restarting the core, and the test page comes out of the new port.
 */
describe('assigning a device to a port', () => {
  let core: KioskCore;
  let technician: Connection;
  let first: PrinterPtyRig;
  let second: PrinterPtyRig;
  let configFile: string;
  const call = (method: string, params: unknown) => core.dispatcher.dispatch(technician, method, params);
  const printerState = async () => {
    const outcome = await call('devices.detail', { deviceId: 'receipt-printer' });
    return 'result' in outcome ? (outcome.result as { status: { state: string } }).status.state : 'error';
  };

  beforeAll(async () => {
    [first, second] = await Promise.all([startPrinterPtyRig(), startPrinterPtyRig()]);
    const dir = tempDir('kiosk-assign-');
    const config = demoSiteConfig();
    config.devices = config.devices.map((d) => (d.kind === 'receiptPrinter' ? { ...d, transport: { type: 'serial' as const, path: first.hostPath, baudRate: 115200 } } : d));
    configFile = path.join(dir, 'site.json');
    fs.writeFileSync(configFile, JSON.stringify({ ...config, devices: config.devices.map(({ options, ...d }) => ({ ...d, ...(Object.keys(options).length ? { options } : {}) })) }, null, 2));
    core = await createKioskCore({ config, dataDir: path.join(dir, 'data'), simulate: false, log: createMemoryLogger().logger, appVersion: 't', configFile });
    technician = core.newConnection('internal');
    technician.staff = { id: 'tech-1', displayName: 'T', roles: ['technician'] };
  });
  afterAll(async () => {
    await core?.close();
    await Promise.all([first?.close(), second?.close()]);
  });

  it('saves, keeps the previous config, reopens the printer on the new port and prints there', async () => {
    await until(async () => (await printerState()) === 'online');
    const before = fs.readFileSync(configFile, 'utf8');
    const moved = await call('devices.assign', { deviceId: 'receipt-printer', transport: { type: 'serial', path: second.hostPath, baudRate: 115200 } });
    expect(moved).toMatchObject({ result: { savedTo: configFile, previousKeptAt: `${configFile}.previous` } });
    expect(fs.readFileSync(`${configFile}.previous`, 'utf8')).toBe(before);
    const saved = JSON.parse(fs.readFileSync(configFile, 'utf8')) as { devices: Array<{ id: string; transport: { path?: string } }> };
    expect(saved.devices.find((d) => d.id === 'receipt-printer')?.transport.path).toBe(second.hostPath);
    expect((fs.statSync(configFile).mode & 0o777).toString(8)).toBe('600');

    await until(async () => (await printerState()) === 'online');
    const detail = await call('devices.detail', { deviceId: 'receipt-printer' });
    expect(detail).toMatchObject({ result: { transport: { type: 'serial', path: second.hostPath, baudRate: 115200 } } });
    await Promise.all([first.command('clear'), second.command('clear')]);
    const test = await call('devices.test', { deviceId: 'receipt-printer' });
    expect(test).toMatchObject({ result: { ok: true, lines: [{ key: 'test.printJob' }] } });
    await until(async () => String((await second.command('dump')).transcript).length > 0);
    expect(String((await first.command('dump')).transcript)).toBe('');
  });

  it('a config that does not validate is refused and the file and the running device stay as they were', async () => {
    const before = fs.readFileSync(configFile, 'utf8');
    const refused = await call('devices.assign', { deviceId: 'receipt-printer', transport: { type: 'serial', path: '', baudRate: 115200 } });
    expect(refused).toMatchObject({ error: { code: 'invalid_params' } });
    const wrongKind = await call('devices.assign', { deviceId: 'receipt-printer', transport: { type: 'media' } });
    expect(wrongKind).toMatchObject({ error: { code: 'invalid_params', details: { issues: [{ path: 'transport.type' }] } } });
    expect(fs.readFileSync(configFile, 'utf8')).toBe(before);
    expect(['online', 'busy']).toContain(await printerState());
  });

  it('a port with nothing on it shows the device offline, and the previous working config is on disk beside it', async () => {
    const working = fs.readFileSync(configFile, 'utf8');
    const moved = await call('devices.assign', { deviceId: 'receipt-printer', transport: { type: 'serial', path: '/dev/ttyNOPE9', baudRate: 115200 } });
    expect(moved).toMatchObject({ result: { status: { state: 'offline' } } });
    expect(fs.readFileSync(`${configFile}.previous`, 'utf8')).toBe(working);
    const counters = await call('devices.detail', { deviceId: 'receipt-printer' });
    expect(counters).toMatchObject({ result: { counters: { lastError: { state: 'offline' } } } });
  });
});
