import { demoSiteConfig } from '../../src/main/config/load-site-config';
import { createKioskCore, type KioskCore } from '../../src/main/core';
import { newConnection } from '../../src/main/dispatcher';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { tempDir } from '../support/core-harness';

/** The simulated A4 queue of a simulated demonstration point: print items print, and a switched-off queue says so. */
describe('simulated A4 document printer', () => {
  let core: KioskCore;
  const caller = newConnection('internal');
  const call = (method: string, params: unknown) => core.dispatcher.dispatch(caller, method, params);

  beforeAll(async () => {
    const config = demoSiteConfig();
    config.site.level = 'demonstration';
    config.devices.push({ id: 'doc-printer', kind: 'documentPrinter', transport: { type: 'simulated' }, options: {} });
    core = await createKioskCore({ config, dataDir: tempDir('kiosk-a4-'), simulate: true, log: createMemoryLogger().logger, appVersion: 'test' });
    // Printing documents is for an identified resident (or a clerk): resident 0's sample card on the reader.
    await call('dev.idCard.insert', { residentIndex: 0 });
    expect(await call('session.identify', { source: 'idCard' })).toHaveProperty('result');
  });
  afterAll(() => core.close());

  it('is online and takes a printed notification as a PDF', async () => {
    const devices = (await call('devices.list', {})) as { result: { devices: Array<{ kind: string; state: string }> } };
    expect(devices.result.devices.find((d) => d.kind === 'documentPrinter')?.state).toBe('online');
    const printed = await call('print.document', { kind: 'notification', itemCode: 'INS-09', language: 'zh-CN' });
    expect(printed).toMatchObject({ result: { destination: 'simulated:doc-printer', pages: expect.any(Number) } });
    expect(await call('dev.documentPrinter.jobs', { clear: true })).toMatchObject({ result: { jobs: [{ title: 'notification INS-09', isPdf: true }] } });
  });

  it('reports a switched-off queue to the tiles and refuses to print with device_offline', async () => {
    const changed = new Promise<unknown>((resolve) => core.events.subscribe((e, d) => e === 'device.changed' && (d as { kind: string }).kind === 'documentPrinter' && resolve(d)));
    await call('dev.documentPrinter.online', { online: false });
    expect(await changed).toMatchObject({ state: 'offline', detailKey: 'printers:documentPrinter.disabled' });
    expect(await call('print.document', { kind: 'notification', itemCode: 'INS-09' })).toMatchObject({ error: { code: 'device_offline' } });
    await call('dev.documentPrinter.online', { online: true });
    expect((await call('print.document', { kind: 'notification', itemCode: 'INS-09' })) as object).toHaveProperty('result');
  });
});
