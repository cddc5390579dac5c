import { demoSiteConfig } from '../../src/main/config/load-site-config';
import { createKioskCore, type KioskCore } from '../../src/main/core';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { DEV_METHODS } from '../../src/main/services/dev-simulators';
import { methods } from '../../src/shared/contract';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { tempDir } from '../support/core-harness';

jest.setTimeout(30_000);

/**
 * Issue 15 item 3: the developer panel's dev.* methods live in one module and are served only under --simulate. The
 * demo config's devices are simulated even without the flag; still no dev.* method may touch them.
 */
describe('dev.* methods only under --simulate', () => {
  const start = (simulate: boolean) =>
    createKioskCore({ config: demoSiteConfig(), dataDir: tempDir('kiosk-dev-'), simulate, log: createMemoryLogger().logger, appVersion: 't' });
  let core: KioskCore | undefined;
  afterEach(async () => core?.close());

  it('names every dev.* method of the contract', () => {
    expect([...DEV_METHODS].sort()).toEqual(Object.keys(methods).filter((m) => m.startsWith('dev.')).sort());
    expect(DEV_METHODS.length).toBeGreaterThanOrEqual(16);
  });

  it('without --simulate every dev.* method is refused, even on simulated devices', async () => {
    core = await start(false);
    const screen = core.newConnection('internal');
    for (const method of DEV_METHODS) {
      const outcome = await core.dispatcher.dispatch(screen, method, method === 'dev.idCard.insert' || method === 'dev.ssCard.insert' ? { residentIndex: 0 } : {});
      // Params may fail their schema first for some; none may run.
      expect({ method, outcome }).toEqual({ method, outcome: { error: expect.objectContaining({ code: expect.stringMatching(/^(forbidden|invalid_params)$/) }) } });
    }
    expect(await core.dispatcher.dispatch(screen, 'dev.printer.transcript', {})).toMatchObject({ error: { code: 'forbidden', details: { reason: 'notSimulated' } } });
    expect(await core.dispatcher.dispatch(screen, 'dev.face.nextOutcome', { outcome: 'spoof' })).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('under --simulate they drive the simulators', async () => {
    core = await start(true);
    const screen = core.newConnection('internal');
    expect(await core.dispatcher.dispatch(screen, 'dev.printer.transcript', {})).toMatchObject({ result: { paper: expect.any(String) } });
    expect(await core.dispatcher.dispatch(screen, 'dev.face.nextOutcome', { outcome: 'spoof' })).toEqual({ result: { ok: true } });
    expect(await core.dispatcher.dispatch(screen, 'dev.idCard.insert', { residentIndex: 0 })).toEqual({ result: { ok: true } });
  });

  it("dev.ssCard.verifyPin asks the simulated card through its reader: its own PIN verifies, another spends a try", async () => {
    core = await start(true);
    const screen = core.newConnection('internal');
    const pin = SAMPLE_RESIDENTS[0]!.socialSecurityCard.pin;
    const other = pin === '000000' ? '000001' : '000000';
    await core.dispatcher.dispatch(screen, 'dev.ssCard.insert', { residentIndex: 0 });
    expect(await core.dispatcher.dispatch(screen, 'dev.ssCard.verifyPin', { pin: other })).toEqual({ result: { outcome: 'pinWrong', triesLeft: 2 } });
    expect(await core.dispatcher.dispatch(screen, 'dev.cards.state', {})).toMatchObject({ result: { ssCard: { pinTries: 2 } } });
    expect(await core.dispatcher.dispatch(screen, 'dev.ssCard.verifyPin', { pin })).toEqual({ result: { outcome: 'ok' } });
  });
});
