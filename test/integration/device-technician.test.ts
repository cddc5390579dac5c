import { SerialPort } from 'serialport';
import type { Connection } from '../../src/main/dispatcher';
import type { KioskCore } from '../../src/main/core';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { startTestCore } from '../support/core-harness';

jest.setTimeout(30_000);

/** The technician's device methods and face.cancel through the real core under --simulate (issue 16 item 11). */
describe('technician device methods and face.cancel', () => {
  let core: KioskCore;
  let technician: Connection;
  let clerk: Connection;
  let screen: Connection;
  const call = (c: Connection, method: string, params: unknown = {}) => core.dispatcher.dispatch(c, method, params);
  const ok = async <T>(c: Connection, method: string, params: unknown = {}): Promise<T> => {
    const outcome = await call(c, method, params);
    if ('error' in outcome) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
    return outcome.result as T;
  };

  beforeAll(async () => {
    ({ core } = await startTestCore());
    technician = core.newConnection('internal');
    technician.staff = { id: 'tech-1', displayName: 'T', roles: ['technician'] };
    clerk = core.newConnection('internal');
    clerk.staff = { id: 'clerk-1', displayName: 'C', roles: ['clerk'] };
    screen = core.newConnection('internal');
  });
  afterAll(async () => core?.close());

  type SelfTest = { ok: boolean; steps: Array<{ name: string; ok: boolean }> };

  it('devices.selfTest passes on a healthy reader and names the failing step when the reader is silent', async () => {
    const healthy = await ok<SelfTest>(technician, 'devices.selfTest', { deviceId: 'id-reader' });
    expect(healthy.ok).toBe(true);
    expect(healthy.steps.length).toBeGreaterThan(1);
    expect(healthy.steps.every((s) => s.ok)).toBe(true);
    await ok(screen, 'dev.idCard.fault', { fault: 'silence' });
    try {
      const silent = await ok<SelfTest>(technician, 'devices.selfTest', { deviceId: 'id-reader' });
      expect(silent.ok).toBe(false);
      expect(silent.steps.filter((s) => !s.ok).length).toBeGreaterThan(0);
    } finally {
      await ok(screen, 'dev.idCard.fault', { fault: null });
    }
    expect(await call(technician, 'devices.selfTest', { deviceId: 'no-such-device' })).toMatchObject({ error: { code: 'not_found' } });
    expect(await call(clerk, 'devices.selfTest', { deviceId: 'id-reader' })).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('devices.frames shows the reader traffic of a card read, newest last, with the personal payload elided', async () => {
    const resident = SAMPLE_RESIDENTS[0]!;
    await ok(screen, 'dev.idCard.insert', { residentIndex: 0 });
    await ok(screen, 'session.identify', { source: 'idCard' });
    await ok(screen, 'session.end', { reason: 'finished' });
    await ok(screen, 'dev.idCard.remove');
    const { frames } = await ok<{ frames: Array<Record<string, unknown>> }>(technician, 'devices.frames', { deviceId: 'id-reader', limit: 200 });
    expect(frames.length).toBeGreaterThan(2);
    expect(frames.some((f) => f.direction === 'tx') && frames.some((f) => f.direction === 'rx')).toBe(true);
    const times = frames.map((f) => String(f.at));
    expect(times).toEqual([...times].sort()); // newest last
    const text = JSON.stringify(frames);
    expect(text).not.toContain(resident.idNumber);
    expect(text).not.toContain(resident.name);
    expect(text).not.toContain(Buffer.from(resident.name, 'utf16le').toString('hex'));
    const { frames: last } = await ok<{ frames: unknown[] }>(technician, 'devices.frames', { deviceId: 'id-reader', limit: 2 });
    expect(last).toEqual(frames.slice(-2));
    expect(await call(screen, 'devices.frames', { deviceId: 'id-reader' })).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('devices.ports lists what it found and what it could not look at, for technicians only', async () => {
    const listing = await ok<{ ports: Array<{ type: string; path: string }>; problems: Array<{ source: string; message: string }> }>(technician, 'devices.ports');
    for (const p of listing.ports) expect(p.path.length).toBeGreaterThan(0);
    // Every serial port the OS lists is there (none dropped, none invented); a source that fails says why.
    const serial = await SerialPort.list().then((l) => l.map((p) => p.path).sort(), () => null);
    if (serial) expect(listing.ports.filter((p) => p.type === 'serial').map((p) => p.path).sort()).toEqual(serial);
    else expect(listing.problems).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'serial', message: expect.stringMatching(/.+/) })]));
    for (const p of listing.problems) expect(p.message.length).toBeGreaterThan(0);
    expect(await call(screen, 'devices.ports')).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('face.cancel stops a running capture (the capture answers cancelled) and says false when nothing runs', async () => {
    expect(await ok(screen, 'face.cancel')).toEqual({ cancelled: false });
    const capture = call(clerk, 'face.capture', { purpose: 'certification' });
    // Wait for the capture to be running (its first progress event), not for a time.
    await new Promise<void>((resolve) => {
      const off = core.events.subscribe((event) => {
        if (event === 'face.progress') {
          off();
          resolve();
        }
      });
    });
    expect(await ok(screen, 'face.cancel')).toEqual({ cancelled: true });
    const outcome = await capture;
    expect(outcome).toEqual({ error: expect.objectContaining({ code: 'cancelled', messageKey: 'errors:cancelled' }) });
    expect(await ok(screen, 'face.cancel')).toEqual({ cancelled: false });
  });
});
