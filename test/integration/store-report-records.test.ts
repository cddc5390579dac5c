import { attachmentUploadState, markAttachmentUploaded } from '../../src/main/store/attachment-uploads';
import { printsBetween, recordPrint } from '../../src/main/store/prints';
import { countFaults, countInquiries, countPrints, countSubmissionsByItemAndChannel, deviceStatesFor } from '../../src/main/store/report-counting';
import { closeResidentMonths, distinctResidents, noteResidentServed } from '../../src/main/store/resident-tally';
import { countServiceEvents, recordServiceEvent } from '../../src/main/store/service-events';
import { insertFaultTicket, updateFaultTicket } from '../../src/main/store/fault-tickets';
import { openInquiry } from '../../src/main/store/inquiries';
import { openTestStore, sampleIdentity, sampleSubmission, tempDataDir } from '../support/store-fixtures';

// A month [FROM, TO) and instants at and just beside its edges.
const FROM = '2026-10-31T16:00:00.000Z';
const TO = '2026-11-30T16:00:00.000Z';
const BEFORE = '2026-10-31T15:59:59.999Z';
const LAST = '2026-11-30T15:59:59.999Z';

/** The records the monthly report counts: each counted inside [from, to) only, grouped as the report reads them. */
describe('the report’s records (store)', () => {
  const store = openTestStore(tempDataDir('store-report-records-'));
  afterAll(() => store.close());

  it('prints: one row per job id, the day from its time, between two days inclusive, counted by kind and item in [from, to)', () => {
    const print = (id: string, at: string, kind: 'receipt' | 'certificate', itemCode: string | null) => recordPrint(store.db, { id, at, kind, itemCode, channel: 'assisted', operatorId: 'clerk-li' });
    print('p-before', BEFORE, 'receipt', 'JOB-01');
    print('p-first', FROM, 'receipt', 'JOB-01');
    print('p-first', LAST, 'certificate', null); // the same job again: ignored
    print('p-cert', '2026-11-15T03:00:00.000Z', 'certificate', 'INS-08');
    print('p-last', LAST, 'receipt', 'JOB-01');
    print('p-after', TO, 'receipt', 'JOB-01');
    expect(printsBetween(store.db, '2026-10-31', '2026-11-15').map((p) => p.id)).toEqual(['p-before', 'p-first', 'p-cert']);
    expect(printsBetween(store.db, '2026-11-15', '2026-11-15')).toStrictEqual([{ id: 'p-cert', at: '2026-11-15T03:00:00.000Z', kind: 'certificate', itemCode: 'INS-08', channel: 'assisted', operatorId: 'clerk-li' }]);
    expect(countPrints(store.db, FROM, TO)).toStrictEqual([
      { kind: 'certificate', itemCode: 'INS-08', n: 1 },
      { kind: 'receipt', itemCode: 'JOB-01', n: 2 },
    ]);
  });

  it('service events: counted by kind and channel in [from, to)', () => {
    for (const [at, channel] of [[BEFORE, 'self'], [FROM, 'self'], [LAST, 'self'], [LAST, 'window'], [TO, 'self']] as const) {
      recordServiceEvent(store.db, { at, kind: 'query', itemCode: 'INS-05', channel, operatorId: null });
    }
    expect(countServiceEvents(store.db, FROM, TO)).toStrictEqual([
      { kind: 'query', channel: 'self', n: 2 },
      { kind: 'query', channel: 'window', n: 1 },
    ]);
  });

  it('residents served: each person once a month whatever the letter case, frozen when the month closes, months before the current one only', () => {
    const id = `${sampleIdentity(0).idNumber.slice(0, 17)}x`;
    noteResidentServed(store.db, '2026-10', id);
    noteResidentServed(store.db, '2026-10', id.toUpperCase());
    noteResidentServed(store.db, '2026-10', sampleIdentity(1).idNumber);
    noteResidentServed(store.db, '2026-11', id);
    expect([distinctResidents(store.db, '2026-10'), distinctResidents(store.db, '2026-11'), distinctResidents(store.db, '2026-09')]).toEqual([2, 1, 0]);
    expect(closeResidentMonths(store.db, '2026-11', '2026-11-01T00:00:00.000Z')).toEqual(['2026-10']);
    expect(store.db.prepare('SELECT month, distinct_residents, closed_at FROM resident_tally_closed').all()).toStrictEqual([{ month: '2026-10', distinct_residents: 2, closed_at: '2026-11-01T00:00:00.000Z' }]);
    // The key and every tag of the closed month are gone; the current month is untouched.
    expect(store.db.prepare('SELECT month FROM resident_tally_keys').all()).toStrictEqual([{ month: '2026-11' }]);
    expect(store.db.prepare('SELECT month FROM resident_tally').all()).toStrictEqual([{ month: '2026-11' }]);
    // A late note for a closed month changes nothing and brings no key back.
    noteResidentServed(store.db, '2026-10', sampleIdentity(2).idNumber);
    expect(distinctResidents(store.db, '2026-10')).toBe(2);
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM resident_tally_keys WHERE month = '2026-10'").get()).toStrictEqual({ n: 0 });
    expect(closeResidentMonths(store.db, '2026-11', '2026-11-02T00:00:00.000Z')).toEqual([]);
  });

  it('submissions, faults and inquiries: counted in [from, to); a fault closed counts by its last update; help calls apart', () => {
    const s = openTestStore(tempDataDir('store-report-counts-'));
    for (const [n, at, channel] of [[0, BEFORE, 'self'], [1, FROM, 'self'], [2, LAST, 'self'], [3, LAST, 'assisted'], [4, TO, 'self']] as const) {
      s.submit(sampleSubmission(n, { channel, operatorId: channel === 'self' ? null : 'clerk-li' }), new Date(at));
    }
    expect(countSubmissionsByItemAndChannel(s.db, FROM, TO)).toStrictEqual([
      { itemCode: 'unemployment-registration', channel: 'assisted', n: 1 },
      { itemCode: 'unemployment-registration', channel: 'self', n: 2 },
    ]);

    for (const [id, opened] of [['f-before', BEFORE], ['f-from', FROM], ['f-last', LAST], ['f-to', TO]] as const) insertFaultTicket(s.db, { id, openedAt: opened, deviceId: null, summary: id });
    updateFaultTicket(s.db, 'f-before', 'closed', null, FROM);
    updateFaultTicket(s.db, 'f-from', 'closed', null, TO);
    updateFaultTicket(s.db, 'f-last', 'acknowledged', null, LAST);
    expect(countFaults(s.db, FROM, TO)).toStrictEqual({ opened: 2, closed: 1 });

    expect(countInquiries(s.db, FROM, TO)).toStrictEqual({ opened: 0, closed: 0, helpCalls: 0 });
    const inquiry = (at: string, origin: 'helpButton' | 'phone') => openInquiry(s.db, s.key, { origin, ...(origin === 'helpButton' ? { channel: 'self', operatorId: null } : { channel: 'assisted', operatorId: 'clerk-li' }) }, new Date(at)).id;
    inquiry(BEFORE, 'helpButton');
    inquiry(FROM, 'helpButton');
    inquiry(LAST, 'phone');
    inquiry(TO, 'helpButton');
    const closedAt = (id: string, at: string) => s.db.prepare('UPDATE inquiries SET closed_at = ? WHERE id = ?').run(at, id);
    const [a, b, c] = [inquiry(FROM, 'phone'), inquiry(FROM, 'phone'), inquiry(FROM, 'phone')];
    closedAt(a, FROM);
    closedAt(b, TO);
    closedAt(c, BEFORE);
    expect(countInquiries(s.db, FROM, TO)).toStrictEqual({ opened: 5, closed: 1, helpCalls: 1 });
    s.close();
  });

  it('device states: the last change before the month (per device) and every change in it, none at or after its end', () => {
    const s = openTestStore(tempDataDir('store-report-devices-'));
    const event = (deviceId: string, at: string, state: string) => s.db.prepare('INSERT INTO device_events (device_id, kind, at, state) VALUES (?, ?, ?, ?)').run(deviceId, 'receiptPrinter', at, state);
    event('printer', '2026-10-01T00:00:00.000Z', 'ok');
    event('printer', BEFORE, 'paperOut');
    event('printer', FROM, 'ok');
    event('printer', LAST, 'offline');
    event('printer', TO, 'ok');
    event('reader', '2026-10-02T00:00:00.000Z', 'ok');
    expect(deviceStatesFor(s.db, FROM, TO).map((e) => [e.deviceId, e.at, e.state])).toEqual([
      ['printer', BEFORE, 'paperOut'],
      ['printer', FROM, 'ok'],
      ['printer', LAST, 'offline'],
      ['reader', '2026-10-02T00:00:00.000Z', 'ok'],
    ]);
    s.close();
  });

  it('attachment uploads: unknown is null, a stored file not yet uploaded, then every attachment with those bytes uploaded', () => {
    const s = openTestStore(tempDataDir('store-attachment-uploads-'));
    const data = Buffer.from('the same scan '.repeat(100));
    const attachments = [{ materialCode: 'household-register', mime: 'image/jpeg', data }];
    const first = s.submit(sampleSubmission(0, { attachments }), new Date(FROM)).submissionId;
    const second = s.submit(sampleSubmission(1, { attachments }), new Date(FROM)).submissionId;
    const other = s.submit(sampleSubmission(2), new Date(FROM)).submissionId;
    const shaOf = (id: string) => (s.db.prepare('SELECT sha256 FROM attachments WHERE submission_id = ?').get(id) as { sha256: string }).sha256;
    const sha = shaOf(first);
    expect(attachmentUploadState(s.db, first, 'f'.repeat(64))).toBeNull();
    expect(attachmentUploadState(s.db, other, sha)).toBeNull();
    const before = attachmentUploadState(s.db, first, sha)!;
    expect(before).toStrictEqual({ file: expect.stringContaining(first) as string, uploaded: false });
    markAttachmentUploaded(s.db, sha);
    expect(attachmentUploadState(s.db, first, sha)).toStrictEqual({ file: before.file, uploaded: true });
    expect(attachmentUploadState(s.db, second, sha)).toMatchObject({ uploaded: true });
    expect(attachmentUploadState(s.db, other, shaOf(other))).toMatchObject({ uploaded: false });
    s.close();
  });
});
