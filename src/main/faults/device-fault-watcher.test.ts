import type { DeviceStatus } from '../../shared/domain/devices';
import { DeviceFaultWatcher, inOfficeHours } from './device-fault-watcher';

const HOURS = [{ days: [1, 2, 3, 4, 5], open: '08:30', close: '17:30' }];

function rig(start: Date) {
  let clock = start.getTime();
  const listeners = new Set<(s: DeviceStatus) => void>();
  const opened: Array<{ deviceId: string; summary: string }> = [];
  const status = (state: DeviceStatus['state'], detailKey?: string): DeviceStatus => ({
    id: 'receipt-printer',
    kind: 'receiptPrinter',
    state,
    media: 'unknown',
    simulated: true,
    since: new Date(clock).toISOString(),
    ...(detailKey ? { detailKey } : {}),
  });
  const watcher = new DeviceFaultWatcher({
    devices: { list: () => [], onStatus: (l) => (listeners.add(l), () => listeners.delete(l)) },
    openFault: (deviceId, summary) => opened.push({ deviceId, summary }),
    tickets: () => opened.map((o) => ({ deviceId: o.deviceId, state: 'open' })),
    officeHours: () => HOURS,
    afterMinutes: 15,
    now: () => new Date(clock),
  });
  watcher.start();
  return {
    watcher,
    opened,
    emit: (state: DeviceStatus['state'], detailKey?: string) => listeners.forEach((l) => l(status(state, detailKey))),
    advance: (minutes: number) => (clock += minutes * 60_000),
  };
}

describe('DeviceFaultWatcher', () => {
  afterEach(() => jest.useRealTimers());

  it('opens one ticket when a device stays out of order past the configured minutes in office hours', () => {
    const r = rig(new Date(2026, 10, 30, 10, 0)); // a Monday, 10:00
    r.emit('hardwareError', 'printers:printer.coverOpen');
    r.advance(14);
    expect(r.watcher.check()).toEqual([]);
    r.advance(1);
    expect(r.watcher.check()).toEqual(['receipt-printer']);
    expect(r.opened[0]!.summary).toMatch(/^Automatic: receiptPrinter receipt-printer hardwareError since .* \(printers:printer\.coverOpen\)$/);
    r.advance(30);
    expect(r.watcher.check()).toEqual([]); // it already has a ticket that is not closed
    r.watcher.stop();
  });

  it('a device back in order before the time opens nothing; an outage that changes kind keeps its first clock', () => {
    const r = rig(new Date(2026, 10, 30, 9, 0));
    r.emit('offline');
    r.advance(10);
    r.emit('online');
    r.advance(10);
    expect(r.watcher.check()).toEqual([]);
    r.emit('offline');
    r.advance(10);
    r.emit('hardwareError');
    r.advance(5);
    expect(r.watcher.check()).toEqual(['receipt-printer']);
    r.watcher.stop();
  });

  it('waits for office hours: nothing at night or at the weekend, the ticket comes when the point opens', () => {
    const r = rig(new Date(2026, 10, 28, 20, 0)); // Saturday evening
    r.emit('offline');
    r.advance(60);
    expect(r.watcher.check()).toEqual([]);
    r.advance((24 + 12) * 60 - 60); // Monday 08:00
    expect(r.watcher.check()).toEqual([]);
    r.advance(30); // 08:30
    expect(r.watcher.check()).toEqual(['receipt-printer']);
    r.watcher.stop();
  });

  it('office hours: days 1-7 from Monday, open inclusive, close exclusive', () => {
    expect(inOfficeHours(new Date(2026, 10, 30, 8, 30), HOURS)).toBe(true);
    expect(inOfficeHours(new Date(2026, 10, 30, 17, 30), HOURS)).toBe(false);
    expect(inOfficeHours(new Date(2026, 10, 29, 10, 0), HOURS)).toBe(false); // Sunday
  });
});
