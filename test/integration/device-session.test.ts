import { startTestCore } from '../support/core-harness';
import type { KioskCore } from '../../src/main/core';
import type { Connection } from '../../src/main/dispatcher';
import { sampleResident } from '../../src/shared/samples/residents';
import { maskIdNumber } from '../../src/shared/domain/mask';

/**
 * The whole path under --simulate: the developer panel's dev.* methods put a sample card in the embedded simulator,
 * the driver notices it, the core's session reads it and knows the resident; removal is noticed.
 */
describe('card readers and the resident session in the core (simulated devices)', () => {
  let core: KioskCore;
  let logLines: () => string[];
  let conn: Connection;
  const seen: Array<{ event: string; data: unknown }> = [];

  beforeAll(async () => {
    ({ core, logLines } = await startTestCore());
    conn = core.newConnection('internal');
    core.events.subscribe((event, data) => seen.push({ event, data }));
  });
  afterAll(async () => {
    await core.close();
  });

  const call = async (method: string, params: unknown = {}) => core.dispatcher.dispatch(conn, method, params);
  const ok = async (method: string, params: unknown = {}) => {
    const outcome = await call(method, params);
    if ('error' in outcome) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
    return outcome.result as Record<string, unknown>;
  };
  const errorCode = async (method: string, params: unknown = {}) => {
    const outcome = await call(method, params);
    return 'error' in outcome ? outcome.error.code : 'no error';
  };
  const waitFor = async (predicate: () => boolean, ms = 4000) => {
    const deadline = Date.now() + ms;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const eventCount = (event: string, kind?: string) => seen.filter((e) => e.event === event && (!kind || (e.data as { kind?: string }).kind === kind)).length;

  it('lists both simulated readers online', async () => {
    const list = async () => ((await ok('devices.list')).devices as Array<{ id: string; kind: string; state: string; simulated: boolean }>);
    let devices = await list();
    const deadline = Date.now() + 3000;
    while (devices.filter((d) => d.kind.endsWith('CardReader') && d.state === 'online').length < 2 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      devices = await list();
    }
    expect(devices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'id-reader', kind: 'idCardReader', state: 'online', simulated: true }),
        expect.objectContaining({ id: 'ssc-reader', kind: 'socialSecurityCardReader', state: 'online', simulated: true }),
      ]),
    );
  });

  it('identifies the resident from an inserted sample ID card and notices its removal', async () => {
    const inserted = eventCount('card.inserted', 'idCard');
    await ok('dev.idCard.insert', { residentIndex: 0 });
    await waitFor(() => eventCount('card.inserted', 'idCard') === inserted + 1);
    const summary = await ok('session.identify', { source: 'idCard' });
    const r = sampleResident(0);
    expect(summary).toEqual({ maskedName: '王*国', maskedIdNumber: maskIdNumber(r.idNumber), source: 'idCard' });
    expect(await ok('session.current')).toEqual(summary);
    expect((await ok('system.caller')).roles).toContain('resident');
    // Another screen or tool on the same machine (a second socket) does not get the resident's role.
    const other = core.newConnection('ws');
    expect(await core.dispatcher.dispatch(other, 'system.caller', {})).toEqual({ result: { roles: ['public'] } });
    expect(await core.dispatcher.dispatch(other, 'applications.mine', {})).toMatchObject({ error: { code: 'forbidden' } });
    expect(seen.some((e) => e.event === 'session.changed' && (e.data as { state: string }).state === 'identified')).toBe(true);
    const removed = eventCount('card.removed', 'idCard');
    await ok('dev.idCard.remove');
    await waitFor(() => eventCount('card.removed', 'idCard') === removed + 1);
    // Lifting an ID card off the reader does not end the visit; the screen ends it.
    expect(await ok('session.current')).toEqual(summary);
    expect(await ok('session.end', { reason: 'finished' })).toEqual({ ended: true });
    expect((await call('session.current')) as unknown).toEqual({ result: null });
    expect((await ok('system.caller')).roles).not.toContain('resident');
  });

  it('refuses an expired ID card, a foreign permanent resident card and an empty reader with typed errors', async () => {
    await ok('dev.idCard.insert', { residentIndex: 2 });
    expect(await errorCode('session.identify', { source: 'idCard' })).toBe('card_expired');
    await ok('dev.idCard.insert', { residentIndex: 7 });
    expect(await errorCode('session.identify', { source: 'idCard' })).toBe('card_unsupported');
    await ok('dev.idCard.remove');
    expect(await errorCode('session.identify', { source: 'idCard' })).toBe('card_absent');
    await ok('dev.idCard.insert', { residentIndex: 1 }); // valid 长期
    expect(await ok('session.identify', { source: 'idCard' })).toMatchObject({ source: 'idCard' });
    await ok('dev.idCard.remove');
    await ok('session.end', { reason: 'finished' });
  });

  it('answers with a device error while the reader is silent and works again after', async () => {
    await ok('dev.idCard.insert', { residentIndex: 0 });
    await ok('dev.idCard.fault', { fault: 'silence' });
    expect(['device_timeout', 'device_offline']).toContain(await errorCode('session.identify', { source: 'idCard' }));
    await ok('dev.idCard.fault', { fault: null });
    let code = await errorCode('session.identify', { source: 'idCard' });
    for (let i = 0; i < 40 && code !== 'no error'; i += 1) {
      // After a run of unanswered polls the reader may be offline for a moment: it comes back by itself.
      await new Promise((r) => setTimeout(r, 100));
      code = await errorCode('session.identify', { source: 'idCard' });
    }
    expect(code).toBe('no error');
    await ok('dev.idCard.remove');
    await ok('session.end', { reason: 'finished' });
  });

  it('identifies from the social security card and ends the session when the card is pulled; its PIN needs the holder', async () => {
    await ok('dev.ssCard.insert', { residentIndex: 3 });
    await waitFor(() => eventCount('card.inserted', 'socialSecurityCard') >= 1);
    expect(await errorCode('socialSecurityCard.verifyPin', { pin: '112233' })).toBe('forbidden'); // no session yet
    expect(await ok('session.identify', { source: 'socialSecurityCard' })).toMatchObject({ maskedName: '张*娜', source: 'socialSecurityCard' });
    // The card alone does not prove its holder (risk class card): no PIN operation on it.
    expect(await errorCode('socialSecurityCard.verifyPin', { pin: '112233' })).toBe('identity_insufficient');
    await ok('dev.ssCard.remove');
    await waitFor(() => seen.some((e) => e.event === 'session.changed' && (e.data as { reason?: string }).reason === 'cardRemoved'));
    expect((await call('session.current')) as unknown).toEqual({ result: null });

    // The holder: ID card on the reader and a live face; then the same person's card takes its PIN.
    await ok('dev.idCard.insert', { residentIndex: 3 });
    await ok('session.identify', { source: 'idCard' });
    await ok('face.capture', { purpose: 'certification' });
    await ok('dev.ssCard.insert', { residentIndex: 3 });
    expect(await ok('socialSecurityCard.verifyPin', { pin: '000000' })).toEqual({ outcome: 'pinWrong', triesLeft: 2 });
    expect(await ok('socialSecurityCard.verifyPin', { pin: '112233' })).toEqual({ outcome: 'ok' });
    await ok('dev.ssCard.fault', { fault: null, pinTries: 0 });
    expect(await ok('socialSecurityCard.verifyPin', { pin: '112233' })).toEqual({ outcome: 'pinBlocked' });
    await ok('dev.ssCard.remove');
    await ok('dev.idCard.remove');
    await ok('session.end', { reason: 'finished' });
  });

  it('refuses an expired social security card and a foreign resident\'s card', async () => {
    await ok('dev.ssCard.insert', { residentIndex: 1 });
    expect(await errorCode('session.identify', { source: 'socialSecurityCard' })).toBe('card_expired');
    await ok('dev.ssCard.insert', { residentIndex: 7 });
    expect(await errorCode('session.identify', { source: 'socialSecurityCard' })).toBe('card_unsupported');
    await ok('dev.ssCard.remove');
  });

  it('never logs a sample resident unmasked', () => {
    const text = logLines().join('\n');
    for (const index of [0, 1, 3]) {
      const r = sampleResident(index);
      expect(text).not.toContain(r.idNumber);
      expect(text).not.toContain(r.name);
    }
    expect(text).toContain('resident identified');
  });
});
