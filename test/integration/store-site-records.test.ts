import { claimBatch, settleBatch } from '../../src/main/store/outbox';
import { listSiteRecords, saveSiteRecord } from '../../src/main/store/site-records';
import { acceptance, commissioning } from '../support/site-record-fixtures';
import { testStores } from '../support/store-fixtures';

/**
 * The kiosk's commissioning and acceptance records (store level): kept and queued for the county together, listed
 * newest first with whether the county has them. commissioning.test.ts goes through the technician's screens and a
 * county; here each column and each outbox state is read back.
 */
describe('site records (store)', () => {
  const { open } = testStores('store-site-records-');

  it('keeps each record with its kind, result, time and outbox item, and queues it for the county in the same step', () => {
    const store = open();
    const failed = commissioning('demo-kiosk-2', '2026-11-02T03:00:00.000Z', false);
    const passed = commissioning('demo-kiosk-2', '2026-11-03T03:00:00.000Z', true);
    saveSiteRecord(store.db, store.key, failed, 'out-failed');
    saveSiteRecord(store.db, store.key, passed, 'out-passed');
    expect(store.db.prepare('SELECT record_id, kind, passed, completed_at, outbox_id FROM site_records ORDER BY completed_at').all()).toStrictEqual([
      { record_id: failed.recordId, kind: 'commissioning', passed: 0, completed_at: '2026-11-02T03:00:00.000Z', outbox_id: 'out-failed' },
      { record_id: passed.recordId, kind: 'commissioning', passed: 1, completed_at: '2026-11-03T03:00:00.000Z', outbox_id: 'out-passed' },
    ]);
    // The outbox holds the record itself, sealed, as a siteRecord item of no submission and no resident, made when the record was.
    const items = claimBatch(store.db, store.key, 10, 1e6);
    expect(items.map((i) => ({ id: i.id, kind: i.kind, submissionId: i.submissionId, residentRef: i.residentRef, createdAt: i.createdAt, payload: i.payload }))).toStrictEqual([
      { id: 'out-failed', kind: 'siteRecord', submissionId: null, residentRef: null, createdAt: failed.completedAt, payload: failed },
      { id: 'out-passed', kind: 'siteRecord', submissionId: null, residentRef: null, createdAt: passed.completedAt, payload: passed },
    ]);
    store.close();
  });

  it('keeps nothing when the record cannot be queued: a record is either on its way or not made', () => {
    const store = open();
    const first = commissioning('demo-kiosk-2', '2026-11-02T03:00:00.000Z', true);
    saveSiteRecord(store.db, store.key, first, 'out-1');
    // The outbox id is already taken: the insert of the record is rolled back with the outbox's.
    const second = acceptance('demo-kiosk-2', '2026-11-04T03:00:00.000Z');
    expect(() => saveSiteRecord(store.db, store.key, second, 'out-1')).toThrow(/UNIQUE/);
    expect(listSiteRecords(store.db).map((h) => h.record.recordId)).toEqual([first.recordId]);
    store.close();
  });

  it('lists newest first, each record as kept, delivered only once the county confirmed it (or its outbox item is gone)', () => {
    const store = open();
    const older = commissioning('demo-kiosk-2', '2026-11-02T03:00:00.000Z', true);
    const middle = acceptance('demo-kiosk-2', '2026-11-03T03:00:00.000Z');
    const newer = commissioning('demo-kiosk-2', '2026-11-05T03:00:00.000Z', true);
    const newest = acceptance('demo-kiosk-2', '2026-11-06T03:00:00.000Z');
    // Saved out of order: the list follows the time each was completed.
    saveSiteRecord(store.db, store.key, middle, 'out-middle');
    saveSiteRecord(store.db, store.key, newest, 'out-newest');
    saveSiteRecord(store.db, store.key, older, 'out-older');
    saveSiteRecord(store.db, store.key, newer, 'out-newer');
    expect(listSiteRecords(store.db)).toStrictEqual([
      { record: newest, delivered: false },
      { record: newer, delivered: false },
      { record: middle, delivered: false },
      { record: older, delivered: false },
    ]);
    // Being sent is not delivered; the county's answer decides: acknowledged is, rejected is not, retry is not.
    expect(claimBatch(store.db, store.key, 10, 1e6)).toHaveLength(4);
    expect(listSiteRecords(store.db).map((h) => h.delivered)).toEqual([false, false, false, false]);
    settleBatch(
      store.db,
      [
        { id: 'out-older', outcome: 'acknowledged' },
        { id: 'out-middle', outcome: 'rejected', reason: 'unknownPoint' },
        { id: 'out-newer', outcome: 'retry', reason: 'busy' },
      ],
      '2026-11-07T00:00:00.000Z',
    );
    expect(listSiteRecords(store.db).map((h) => [h.record.recordId, h.delivered])).toEqual([
      [newest.recordId, false],
      [newer.recordId, false],
      [middle.recordId, false],
      [older.recordId, true],
    ]);
    // A record whose outbox item is not there (no outbox state to wait for) counts as delivered.
    store.db.prepare("DELETE FROM outbox WHERE id = 'out-newest'").run();
    expect(listSiteRecords(store.db)[0]).toStrictEqual({ record: newest, delivered: true });
    store.close();
  });
});
