import { ActivityRecorder } from '../../src/main/report/activity-recorder';
import { latestDeviceStates, recordDeviceEvent } from '../../src/main/store/device-events';
import { testStores } from '../support/store-fixtures';

/** Device state changes (store level): each kept as given, and the last one per device read back at start. */
describe('device events (store)', () => {
  const { open, dir } = testStores('store-device-events-');

  it('keeps each change with its time, device, kind, state and detail (none when not given)', () => {
    const store = open();
    recordDeviceEvent(store.db, { at: '2026-11-02T01:00:00.000Z', deviceId: 'receipt-printer', kind: 'receiptPrinter', state: 'online' });
    recordDeviceEvent(store.db, { at: '2026-11-02T02:00:00.000Z', deviceId: 'receipt-printer', kind: 'receiptPrinter', state: 'offline', detail: 'kioskStopped' });
    expect(store.db.prepare('SELECT at, device_id, kind, state, detail FROM device_events ORDER BY seq').all()).toStrictEqual([
      { at: '2026-11-02T01:00:00.000Z', device_id: 'receipt-printer', kind: 'receiptPrinter', state: 'online', detail: null },
      { at: '2026-11-02T02:00:00.000Z', device_id: 'receipt-printer', kind: 'receiptPrinter', state: 'offline', detail: 'kioskStopped' },
    ]);
    store.close();
  });

  it("reads each device's last recorded state, by order of recording, whatever the times say", () => {
    const store = open();
    expect(latestDeviceStates(store.db)).toEqual([]);
    const event = (deviceId: string, at: string, state: string) => recordDeviceEvent(store.db, { at, deviceId, kind: 'idCardReader', state });
    event('id-reader', '2026-11-02T01:00:00.000Z', 'online');
    event('printer', '2026-11-02T01:00:00.000Z', 'online');
    event('id-reader', '2026-11-02T03:00:00.000Z', 'busy');
    event('printer', '2026-11-02T02:00:00.000Z', 'paperOut');
    // A clock set back: recorded last, so the device's state now.
    event('id-reader', '2026-11-01T00:00:00.000Z', 'error');
    expect(latestDeviceStates(store.db).sort((a, b) => a.id.localeCompare(b.id))).toStrictEqual([
      { id: 'id-reader', state: 'error' },
      { id: 'printer', state: 'paperOut' },
    ]);
    store.close();
  });

  it('after a restart, the recorder records only real changes: the state kept before counts', () => {
    const restarted = dir();
    let store = open(restarted);
    const now = () => new Date('2026-11-02T01:00:00.000Z');
    const first = new ActivityRecorder(store.db, now);
    first.deviceStatus({ id: 'printer', kind: 'receiptPrinter', state: 'online' });
    first.stopped([{ id: 'printer', kind: 'receiptPrinter' }]);
    store.close();
    store = open(restarted);
    const second = new ActivityRecorder(store.db, now);
    second.deviceStatus({ id: 'printer', kind: 'receiptPrinter', state: 'offline' });
    second.deviceStatus({ id: 'printer', kind: 'receiptPrinter', state: 'online' });
    expect(store.db.prepare('SELECT state, detail FROM device_events ORDER BY seq').all()).toStrictEqual([
      { state: 'online', detail: null },
      { state: 'offline', detail: 'kioskStopped' },
      { state: 'online', detail: null },
    ]);
    store.close();
  });
});
