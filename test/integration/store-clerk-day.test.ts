import { clerkCasesOfDay, inquiryDayCounts, ownSubmissionsSince, submissionLabels } from '../../src/main/store/clerk-day';
import { sampleSubmission, testStores } from '../support/store-fixtures';

// The clerk's local day starts at SINCE; an instant just before it belongs to yesterday.
const SINCE = '2026-11-01T16:00:00.000Z';
const BEFORE = '2026-11-01T15:59:59.999Z';
const NOW = '2026-11-02T06:00:00.000Z';

/**
 * The clerk's day (store level): clerk-day.test.ts reads it through the core and a county with one of each; here each
 * filter is tried at its edge: another clerk, yesterday, a resident's own application, the limit, the order.
 */
describe("the clerk's day (store)", () => {
  const { open } = testStores('store-clerk-day-');

  it("lists the clerk's own submissions of the day, newest first, up to the limit, with how many in all", () => {
    const store = open();
    const li = (n: number, at: string, channel: 'assisted' | 'window' = 'assisted') => store.submit(sampleSubmission(n, { channel, operatorId: 'clerk-li', attachments: [] }), new Date(at));
    const yesterday = li(0, BEFORE);
    const first = li(1, SINCE);
    const window = li(2, '2026-11-02T01:00:00.000Z', 'window');
    const last = li(3, '2026-11-02T02:00:00.000Z');
    store.submit(sampleSubmission(4, { channel: 'assisted', operatorId: 'clerk-zhao', attachments: [] }), new Date('2026-11-02T03:00:00.000Z'));
    store.submit(sampleSubmission(5, { attachments: [] }), new Date('2026-11-02T03:00:00.000Z'));
    // A resident's own application the clerk helped with is the resident's, not the clerk's hand-in.
    const helped = li(6, '2026-11-02T04:00:00.000Z');
    store.db.prepare("UPDATE submissions SET application_id = 'app-1' WHERE id = ?").run(helped.submissionId);
    const day = ownSubmissionsSince(store.db, 'clerk-li', SINCE, 2);
    expect(day.total).toBe(3);
    expect(day.items).toStrictEqual([
      { submissionId: last.submissionId, trackingNumber: last.trackingNumber, itemCode: 'unemployment-registration', channel: 'assisted', submittedAt: '2026-11-02T02:00:00.000Z', status: 'queued' },
      { submissionId: window.submissionId, trackingNumber: window.trackingNumber, itemCode: 'unemployment-registration', channel: 'window', submittedAt: '2026-11-02T01:00:00.000Z', status: 'queued' },
    ]);
    expect(ownSubmissionsSince(store.db, 'clerk-li', SINCE, 10).items.map((i) => i.submissionId)).toEqual([last.submissionId, window.submissionId, first.submissionId]);
    expect(ownSubmissionsSince(store.db, 'clerk-li', BEFORE, 10).items.map((i) => i.submissionId)).toContain(yesterday.submissionId);
    expect(ownSubmissionsSince(store.db, 'clerk-wang', SINCE, 10)).toStrictEqual({ total: 0, items: [] });
    store.close();
  });

  it("counts the clerk's inquiries of the day, those still open and overdue, and the point's help calls and those they took", () => {
    const store = open();
    const insert = store.db.prepare(
      "INSERT INTO inquiries (id, opened_at, origin, channel, operator_id, owner_id, due_at, closed_at) VALUES (@id, @opened, @origin, CASE WHEN @origin = 'helpButton' THEN 'self' ELSE 'assisted' END, CASE WHEN @origin = 'helpButton' THEN NULL ELSE 'x' END, @owner, @due, @closed)",
    );
    const inquiry = (id: string, opened: string, origin: string, owner: string | null, due: string | null, closed: string | null) => insert.run({ id, opened, origin, owner, due, closed });
    expect(inquiryDayCounts(store.db, 'clerk-li', SINCE, NOW)).toStrictEqual({ opened: 0, closed: 0, open: 0, overdue: 0, helpCalls: 0, helpCallsTaken: 0 });
    inquiry('i-old-open', BEFORE, 'phone', 'clerk-li', '2026-11-02T05:59:59.999Z', null); // open, overdue
    inquiry('i-old-closed', BEFORE, 'phone', 'clerk-li', null, SINCE); // closed today
    inquiry('i-old-closed-before', BEFORE, 'window', 'clerk-li', null, BEFORE);
    inquiry('i-today', SINCE, 'window', 'clerk-li', NOW, null); // due now: not yet overdue
    inquiry('i-zhao', SINCE, 'phone', 'clerk-zhao', BEFORE, null);
    inquiry('h-taken', '2026-11-02T01:00:00.000Z', 'helpButton', 'clerk-li', null, '2026-11-02T01:10:00.000Z');
    inquiry('h-zhao', '2026-11-02T02:00:00.000Z', 'helpButton', 'clerk-zhao', null, null);
    inquiry('h-nobody', '2026-11-02T03:00:00.000Z', 'helpButton', null, null, null);
    inquiry('h-yesterday', BEFORE, 'helpButton', null, null, null);
    expect(inquiryDayCounts(store.db, 'clerk-li', SINCE, NOW)).toStrictEqual({ opened: 2, closed: 2, open: 2, overdue: 1, helpCalls: 3, helpCallsTaken: 1 });
    expect(inquiryDayCounts(store.db, 'clerk-zhao', SINCE, NOW)).toStrictEqual({ opened: 2, closed: 0, open: 2, overdue: 1, helpCalls: 3, helpCallsTaken: 1 });
    store.close();
  });

  it('labels rejected items by their submission, leaving out an id no submission has', () => {
    const store = open();
    const a = store.submit(sampleSubmission(0, { attachments: [] }), new Date(SINCE));
    const b = store.submit(sampleSubmission(1, { itemCode: 'JOB-01', attachments: [] }), new Date(SINCE));
    const labels = submissionLabels(store.db, [b.submissionId, 'no-such-submission', a.submissionId]);
    expect([...labels.entries()]).toStrictEqual([
      [b.submissionId, { trackingNumber: b.trackingNumber, itemCode: 'JOB-01' }],
      [a.submissionId, { trackingNumber: a.trackingNumber, itemCode: 'unemployment-registration' }],
    ]);
    expect(submissionLabels(store.db, []).size).toBe(0);
    store.close();
  });

  it("lists the clerk's open cases and those they moved today, by due time, marking the ones touched today", () => {
    const store = open();
    const insertCase = store.db.prepare(
      "INSERT INTO cases (id, case_number, opened_at, item_code, channel, operator_id, owner_name, resident_masked, consent, materials, promised_days, due_at, state, updated_at) VALUES (@id, @id, @at, 'JOB-08', 'assisted', @op, 'n', '1401**********0011', 'inPerson', '[]', 10, @due, @state, @at)",
    );
    const insertStep = store.db.prepare("INSERT INTO case_steps (id, case_id, kind, at, state, channel, operator_id, operator_name) VALUES (@id, @caseId, @kind, @at, 'x', 'assisted', @op, 'n')");
    const kase = (id: string, op: string, due: string, state: string) => insertCase.run({ id, at: BEFORE, op, due, state });
    const step = (id: string, caseId: string, kind: string, at: string, op: string) => insertStep.run({ id, caseId, kind, at, op });
    kase('c-open-old', 'clerk-li', '2026-11-05T00:00:00.000Z', 'atCounty'); // li's, still upstream, not touched today
    step('s1', 'c-open-old', 'open', BEFORE, 'clerk-li');
    kase('c-sent-today', 'clerk-li', '2026-11-04T00:00:00.000Z', 'sent');
    step('s2', 'c-sent-today', 'send', SINCE, 'clerk-li');
    kase('c-done', 'clerk-li', '2026-11-01T00:00:00.000Z', 'done'); // li's, finished, nothing today
    step('s3', 'c-done', 'finish', BEFORE, 'county');
    kase('c-zhao-handed', 'clerk-zhao', '2026-11-03T00:00:00.000Z', 'handedBack'); // zhao's, li handed it back today
    step('s4', 'c-zhao-handed', 'handBack', '2026-11-02T01:00:00.000Z', 'clerk-li');
    kase('c-zhao-taken', 'clerk-zhao', '2026-11-02T00:00:00.000Z', 'atTownship'); // a step by li today, but not one of li's moves
    step('s5', 'c-zhao-taken', 'take', '2026-11-02T02:00:00.000Z', 'clerk-li');
    kase('c-zhao', 'clerk-zhao', '2026-11-02T00:00:00.000Z', 'opened'); // zhao's alone
    step('s6', 'c-zhao', 'open', SINCE, 'clerk-zhao');
    kase('c-returned', 'clerk-li', '2026-11-03T00:00:00.000Z', 'returned');
    kase('c-opened', 'clerk-li', '2026-11-03T00:00:00.000Z', 'opened');
    const row = (caseId: string, state: string, dueAt: string, touchedToday: boolean) => ({ caseId, caseNumber: caseId, itemCode: 'JOB-08', state, dueAt, touchedToday });
    expect(clerkCasesOfDay(store.db, 'clerk-li', SINCE, 10)).toStrictEqual([
      row('c-zhao-taken', 'atTownship', '2026-11-02T00:00:00.000Z', false),
      row('c-opened', 'opened', '2026-11-03T00:00:00.000Z', false),
      row('c-returned', 'returned', '2026-11-03T00:00:00.000Z', false),
      row('c-zhao-handed', 'handedBack', '2026-11-03T00:00:00.000Z', true),
      row('c-sent-today', 'sent', '2026-11-04T00:00:00.000Z', true),
      row('c-open-old', 'atCounty', '2026-11-05T00:00:00.000Z', false),
    ]);
    expect(clerkCasesOfDay(store.db, 'clerk-li', SINCE, 2).map((c) => c.caseId)).toEqual(['c-zhao-taken', 'c-opened']);
    expect(clerkCasesOfDay(store.db, 'clerk-zhao', SINCE, 10).map((c) => [c.caseId, c.touchedToday])).toEqual([
      ['c-zhao', true],
      ['c-zhao-taken', false],
    ]);
    store.close();
  });
});
