import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createKioskCore, type KioskCore } from '../../src/main/core';
import { demoSiteConfig } from '../../src/main/config/load-site-config';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { sampleResident } from '../../src/shared/samples/residents';
import { startPtyPair, startSimulatorProcess, type PtyPair, type SimulatorProcess } from '../../src/devices/simulators/pty-harness';
import { DeviceManager } from '../../src/devices/manager/device-manager';
import { createDefaultRegistry } from '../../src/devices/manager/default-registry';
import { silentLog } from '../../src/devices/core/device-log';
import { until } from '../support/until';

jest.setTimeout(60_000);

/**
 * The real serial transport (node-serialport) on one end of a socat pty pair, the reader simulator in another
 * process on the other end, paced at 115200 baud like the real line.
 */
describe('ID card reader over a pty pair, simulator in another process, through the core', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pty-idcard-'));
  let pty: PtyPair;
  let sim: SimulatorProcess;
  let core: KioskCore;
  const seen: Array<{ event: string; data: unknown }> = [];

  beforeAll(async () => {
    pty = await startPtyPair(dir);
    sim = await startSimulatorProcess('idCard', pty.device);
    const config = demoSiteConfig();
    config.devices = [{ id: 'id-reader', kind: 'idCardReader', transport: { type: 'serial', path: pty.host, baudRate: 115200 }, options: { pollIntervalMs: 100 } }];
    const { logger } = createMemoryLogger('warn');
    core = await createKioskCore({ config, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'pty-core-')), simulate: false, log: logger, appVersion: 'test' });
    core.events.subscribe((event, data) => seen.push({ event, data }));
  });

  afterAll(async () => {
    await core?.close();
    await sim?.stop();
    await pty?.stop();
  });

  const conn = () => core.newConnection('internal');
  const call = (method: string, params: unknown = {}) => core.dispatcher.dispatch(conn(), method, params);
  const state = async () => ((await call('devices.list')) as { result: { devices: Array<{ id: string; state: string }> } }).result.devices.find((d) => d.id === 'id-reader')?.state;

  it('knows the resident after a card is placed, and notices its removal', async () => {
    await until(async () => (await state()) === 'online');
    await sim.send('insert 4');
    await until(() => seen.some((e) => e.event === 'card.inserted'));
    const outcome = await call('session.identify', { source: 'idCard' });
    expect(outcome).toEqual({ result: { maskedName: '欧**强', maskedIdNumber: expect.stringMatching(/^1407\*{10}/), source: 'idCard' } });
    expect((await call('session.current')) as unknown).toEqual(outcome);
    await sim.send('remove');
    await until(() => seen.some((e) => e.event === 'card.removed'));
    // dev.* answers forbidden on a kiosk that is not simulated
    expect(await call('dev.idCard.insert', { residentIndex: 0 })).toMatchObject({ error: { code: 'forbidden' } });
    await call('session.end', { reason: 'finished' });
  });

  it('reads through garbage on the line and reports wrong checksums as a device error', async () => {
    await sim.send('insert 0');
    await sim.send('fault garbage');
    expect(await call('session.identify', { source: 'idCard' })).toMatchObject({ result: { source: 'idCard' } });
    await sim.send('fault wrongChecksum');
    expect(await call('session.identify', { source: 'idCard' })).toMatchObject({ error: { code: 'device_error' } });
    await sim.send('fault none');
    await sim.send('remove');
    await call('session.end', { reason: 'finished' });
  });

  it('goes offline when the line is unplugged and comes back by itself after replug', async () => {
    await until(async () => (await state()) === 'online');
    await sim.stop();
    await pty.stop();
    await until(async () => (await state()) === 'offline');
    const offline = seen.filter((e) => e.event === 'device.changed' && (e.data as { state: string }).state === 'offline').at(-1);
    expect(offline?.data).toMatchObject({ detailKey: 'card-readers:detail.portGone' });
    pty = await startPtyPair(dir);
    sim = await startSimulatorProcess('idCard', pty.device);
    await until(async () => (await state()) === 'online', 20_000);
    await sim.send('insert 5');
    expect(await call('session.identify', { source: 'idCard' })).toMatchObject({ result: { maskedName: '刘*兰' } });
    await call('session.end', { reason: 'finished' });
  });
});

describe('social security card reader over a pty pair, simulator in another process', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pty-sscard-'));
  let pty: PtyPair;
  let sim: SimulatorProcess;
  let manager: DeviceManager;

  beforeAll(async () => {
    pty = await startPtyPair(dir);
    sim = await startSimulatorProcess('ssCard', pty.device);
    manager = new DeviceManager(createDefaultRegistry(), {
      devices: [{ id: 'ssc', kind: 'socialSecurityCardReader', transport: { type: 'serial', path: pty.host, baudRate: 115200 }, options: {} }],
      simulate: false,
      log: silentLog,
    });
    await manager.start();
  });

  afterAll(async () => {
    await manager?.stop();
    await sim?.stop();
    await pty?.stop();
  });

  it('reads the basic information and checks the PIN with retries and blocking', async () => {
    const reader = manager.driverOf('ssc', 'socialSecurityCardReader');
    await until(() => reader.status().state === 'online');
    await sim.send('insert 6');
    const info = await reader.readBasicInfo();
    expect(info).toMatchObject({ name: sampleResident(6).name, socialSecurityNumber: sampleResident(6).idNumber, cardNumber: 'A14078107', specVersion: '3.00' });
    await expect(reader.verifyPin('999999')).resolves.toEqual({ ok: false, outcome: 'pinWrong', triesLeft: 2 });
    await expect(reader.verifyPin(sampleResident(6).socialSecurityCard.pin)).resolves.toEqual({ ok: true });
    await sim.send('pin-tries 0');
    await expect(reader.verifyPin(sampleResident(6).socialSecurityCard.pin)).resolves.toEqual({ ok: false, outcome: 'pinBlocked' });
    await sim.send('remove');
    await expect(reader.readBasicInfo()).rejects.toMatchObject({ code: 'card_absent' });
  });

  it('goes offline when the line is unplugged mid-use and reads again after replug, without a restart', async () => {
    const reader = manager.driverOf('ssc', 'socialSecurityCardReader');
    await until(() => reader.status().state === 'online');
    await sim.send('insert 7');
    await expect(reader.readBasicInfo()).resolves.toMatchObject({ name: sampleResident(7).name });
    // Unplugged with a card in: both ends of the pair close.
    await sim.stop();
    await pty.stop();
    await until(() => reader.status().state === 'offline');
    expect(reader.status().detailKey).toBe('card-readers:detail.portGone');
    await expect(reader.readBasicInfo()).rejects.toMatchObject({ code: expect.stringMatching(/^device_(offline|error|timeout)$/) });
    pty = await startPtyPair(dir);
    sim = await startSimulatorProcess('ssCard', pty.device);
    await until(() => reader.status().state === 'online', 20_000);
    await sim.send('insert 3');
    await expect(reader.readBasicInfo()).resolves.toMatchObject({ name: sampleResident(3).name, socialSecurityNumber: sampleResident(3).idNumber });
  });
});
