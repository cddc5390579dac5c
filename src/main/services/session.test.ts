import { DeviceManager } from '../../devices/manager/device-manager';
import { DriverRegistry } from '../../devices/manager/registry';
import { silentLog } from '../../devices/core/device-log';
import { sampleResident } from '../../shared/samples/residents';
import { KioskError } from '../../shared/contract/errors';
import { EventBus } from '../event-bus';
import { createMemoryLogger } from '../logging/logger';
import { ResidentSessionService } from './session';

function setup() {
  const { logger } = createMemoryLogger();
  const events = new EventBus(logger);
  const seen: Array<{ event: string; data: unknown }> = [];
  events.subscribe((event, data) => seen.push({ event, data }));
  const audit: Array<{ action: string; subject: string }> = [];
  const devices = new DeviceManager(new DriverRegistry(), { devices: [], simulate: false, log: silentLog });
  const session = new ResidentSessionService({
    devices,
    events,
    log: logger,
    now: () => new Date('2026-11-29T10:00:00'),
    idleTimeoutSeconds: 75,
    idleCountdownSeconds: 20,
    audit: (e) => audit.push(e),
  });
  return { session, seen, audit };
}

describe('ResidentSessionService', () => {
  afterEach(() => jest.useRealTimers());

  it('identifies from a clerk-typed number after the GB 11643 check, audits it masked', () => {
    const { session, audit } = setup();
    const r = sampleResident(0);
    expect(session.identifyTyped(r.idNumber, r.name, 'clerk-1', 'cardUnreadable')).toMatchObject({ maskedName: '王*国', source: 'typedByClerk' });
    expect(session.current()).toMatchObject({ idNumber: r.idNumber, sex: 'male', birthDate: '1968-03-12', typedReason: 'cardUnreadable' });
    expect(audit[0]).toMatchObject({ action: 'session.identify', operatorId: 'clerk-1', subject: '1401**********' + r.idNumber.slice(-4), detail: { source: 'typedByClerk', reason: 'cardUnreadable' } });
    const bad = r.idNumber.slice(0, 17) + (r.idNumber.endsWith('1') ? '2' : '1');
    expect(() => session.identifyTyped(bad, undefined, null, 'cardNotBrought')).toThrow(KioskError);
    session.close();
  });

  it('says the reader is not configured when there is none', async () => {
    const { session } = setup();
    await expect(session.identifyFromCard('idCard')).rejects.toMatchObject({ code: 'device_not_configured' });
  });

  it('warns after the idle timeout, ends after the countdown, and a touch restarts the clock (doubled in elder mode)', () => {
    jest.useFakeTimers();
    const { session, seen } = setup();
    session.identifyTyped(sampleResident(1).idNumber, sampleResident(1).name, null, 'readerFault');
    jest.advanceTimersByTime(74_000);
    expect(seen.some((e) => e.event === 'session.expiring')).toBe(false);
    expect(session.touch(true)).toEqual({ active: true, idleSeconds: 150 });
    jest.advanceTimersByTime(149_000);
    expect(seen.some((e) => e.event === 'session.expiring')).toBe(false);
    jest.advanceTimersByTime(1_000);
    expect(seen.filter((e) => e.event === 'session.expiring').map((e) => e.data)).toEqual([{ secondsLeft: 40 }]);
    jest.advanceTimersByTime(40_000);
    expect(session.current()).toBeNull();
    expect(seen.at(-1)).toEqual({ event: 'session.changed', data: { state: 'none', reason: 'idle' } });
    expect(session.touch()).toEqual({ active: false, idleSeconds: 0 });
  });
});
