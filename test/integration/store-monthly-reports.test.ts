import { claimBatch, settleBatch } from '../../src/main/store/outbox';
import { insertReportDraft, latestReport, refreshReportDraft, reportVersions, submitReport } from '../../src/main/store/monthly-reports';
import type { MonthlyFigures } from '../../src/shared/report/monthly-figures';
import type { MonthlyReportPayload } from '../../src/shared/report/monthly-report';
import { testStores } from '../support/store-fixtures';

const zero = { self: 0, assisted: 0, window: 0, homeVisit: 0, proxy: 0 };
/** A month's figures, told apart by how many self-service queries it counted. */
function figures(month: string, queries: number): MonthlyFigures {
  return {
    month,
    items: [{ itemCode: 'JOB-01', byChannel: { ...zero, self: 2 } }],
    queries: { ...zero, self: queries },
    prints: { receipt: 1, certificate: 0, notification: 0, queryResult: 0 },
    inquiries: { opened: 0, closed: 0 },
    cases: { opened: 0, done: 0, overdue: 0 },
    helpCalls: 0,
    faults: { opened: 0, closed: 0 },
    officeMinutes: 8190,
    devices: [{ deviceId: 'receipt-printer', kind: 'receiptPrinter', usableMinutes: 8000 }],
    distinctResidents: 3,
  };
}

function payload(month: string, version: number, over: Partial<MonthlyReportPayload> = {}): MonthlyReportPayload {
  return {
    kioskId: 'kiosk-1',
    divisionCode: '140105001201',
    siteName: { 'zh-CN': '东庄村服务点', en: 'Dongzhuang' },
    month,
    version,
    madeAt: '2026-11-01T00:00:00.000Z',
    submittedAt: '2026-11-02T01:00:00.000Z',
    submittedBy: { id: 'clerk-li', name: '李秀英' },
    notes: 'printer down two days',
    figures: figures(month, 7),
    signature: 'a'.repeat(64),
    ...over,
  };
}

/** The point's monthly reports (store level): versions, drafts counted again, submission with its outbox item. */
describe('monthly reports (store)', () => {
  const { open } = testStores('store-monthly-reports-');

  it('numbers the versions of each month from 1, reads them oldest first and the latest alone, each month apart', () => {
    const store = open();
    expect(latestReport(store.db, '2026-10')).toBeNull();
    expect(reportVersions(store.db, '2026-10')).toEqual([]);
    expect(insertReportDraft(store.db, '2026-10', figures('2026-10', 1), '', '2026-11-01T00:00:00.000Z')).toBe(1);
    expect(insertReportDraft(store.db, '2026-09', figures('2026-09', 9), 'september', '2026-10-01T00:00:00.000Z')).toBe(1);
    expect(insertReportDraft(store.db, '2026-10', figures('2026-10', 2), 'second', '2026-11-03T00:00:00.000Z')).toBe(2);
    expect(insertReportDraft(store.db, '2026-10', figures('2026-10', 3), 'third', '2026-11-04T00:00:00.000Z')).toBe(3);
    expect(reportVersions(store.db, '2026-10').map((r) => [r.version, r.notes, r.figures.queries.self])).toEqual([
      [1, '', 1],
      [2, 'second', 2],
      [3, 'third', 3],
    ]);
    expect(latestReport(store.db, '2026-10')).toStrictEqual({
      month: '2026-10',
      version: 3,
      madeAt: '2026-11-04T00:00:00.000Z',
      figures: figures('2026-10', 3),
      notes: 'third',
      submittedAt: null,
      submittedBy: null,
      outboxId: null,
      deliveredAt: null,
    });
    expect(latestReport(store.db, '2026-09')).toMatchObject({ version: 1, notes: 'september' });
    store.close();
  });

  it('counts a draft again until it is submitted; a submitted version keeps its figures', () => {
    const store = open();
    insertReportDraft(store.db, '2026-10', figures('2026-10', 1), '', '2026-11-01T00:00:00.000Z');
    insertReportDraft(store.db, '2026-10', figures('2026-10', 2), '', '2026-11-01T00:00:00.000Z');
    refreshReportDraft(store.db, '2026-10', 2, figures('2026-10', 5), '2026-11-02T00:00:00.000Z');
    // Only the version asked for moved.
    expect(reportVersions(store.db, '2026-10').map((r) => [r.version, r.figures.queries.self, r.madeAt])).toEqual([
      [1, 1, '2026-11-01T00:00:00.000Z'],
      [2, 5, '2026-11-02T00:00:00.000Z'],
    ]);
    submitReport(store.db, store.key, { outboxId: 'out-r2', payload: payload('2026-10', 2) });
    refreshReportDraft(store.db, '2026-10', 2, figures('2026-10', 8), '2026-11-05T00:00:00.000Z');
    expect(latestReport(store.db, '2026-10')).toMatchObject({ version: 2, madeAt: '2026-11-02T00:00:00.000Z', figures: figures('2026-10', 5) });
    store.close();
  });

  it('submits a draft with its notes and submitter and queues the signed report; delivered when the county confirms', () => {
    const store = open();
    insertReportDraft(store.db, '2026-10', figures('2026-10', 1), 'draft notes', '2026-11-01T00:00:00.000Z');
    const sent = payload('2026-10', 1);
    submitReport(store.db, store.key, { outboxId: 'out-r1', payload: sent });
    expect(latestReport(store.db, '2026-10')).toStrictEqual({
      month: '2026-10',
      version: 1,
      madeAt: '2026-11-01T00:00:00.000Z',
      figures: figures('2026-10', 1),
      notes: 'printer down two days',
      submittedAt: '2026-11-02T01:00:00.000Z',
      submittedBy: { id: 'clerk-li', name: '李秀英' },
      outboxId: 'out-r1',
      deliveredAt: null,
    });
    const [item] = claimBatch(store.db, store.key, 10, 1e6);
    expect(item).toMatchObject({ id: 'out-r1', kind: 'monthlyReport', submissionId: null, residentRef: null, createdAt: '2026-11-02T01:00:00.000Z' });
    expect(item!.payload).toStrictEqual(sent);
    expect(latestReport(store.db, '2026-10')!.deliveredAt).toBeNull();
    settleBatch(store.db, [{ id: 'out-r1', outcome: 'acknowledged' }], '2026-11-02T02:00:00.000Z');
    expect(latestReport(store.db, '2026-10')!.deliveredAt).toBe('2026-11-02T02:00:00.000Z');
    store.close();
  });

  it('refuses to submit a version twice, or one never drafted, and then queues nothing', () => {
    const store = open();
    insertReportDraft(store.db, '2026-10', figures('2026-10', 1), '', '2026-11-01T00:00:00.000Z');
    submitReport(store.db, store.key, { outboxId: 'out-r1', payload: payload('2026-10', 1) });
    expect(() => submitReport(store.db, store.key, { outboxId: 'out-again', payload: payload('2026-10', 1, { notes: 'again' }) })).toThrow('report 2026-10 v1 is not an unsubmitted draft');
    expect(() => submitReport(store.db, store.key, { outboxId: 'out-v2', payload: payload('2026-10', 2) })).toThrow('report 2026-10 v2 is not an unsubmitted draft');
    expect(store.db.prepare('SELECT id FROM outbox').all()).toStrictEqual([{ id: 'out-r1' }]);
    expect(reportVersions(store.db, '2026-10').map((r) => [r.version, r.notes, r.outboxId])).toEqual([[1, 'printer down two days', 'out-r1']]);
    store.close();
  });

  it('names the submitter by id when the name was not kept', () => {
    const store = open();
    insertReportDraft(store.db, '2026-10', figures('2026-10', 1), '', '2026-11-01T00:00:00.000Z');
    store.db.prepare("UPDATE monthly_reports SET submitted_at = '2026-11-02T00:00:00.000Z', submitted_by = 'clerk-li' WHERE month = '2026-10'").run();
    expect(latestReport(store.db, '2026-10')!.submittedBy).toStrictEqual({ id: 'clerk-li', name: 'clerk-li' });
    store.close();
  });
});
