import ExcelJS from 'exceljs';
import { registerPoint } from '../../src/county/console/points';
import { pointReport, reportMonthInScope } from '../../src/county/console/monthly-reports';
import { intakeBatch } from '../../src/county/county-state';
import { countyCatalogue } from '../../src/county/point-reports';
import { monthlyReportRoutes } from '../../src/county/console/monthly-report-routes';
import type { PointReport, ReportMonth } from '../../src/shared/console/reports';
import { itemRows, reportText, serviceRows } from '../../src/shared/report/report-layout';
import type { MonthlyReportPayload } from '../../src/shared/report/monthly-report';
import { DEMO_POINTS } from '../../src/county/console/console-demo-seed';
import { startConsoleRouteHost, type ConsoleRouteHost, type HostClient } from '../support/console-route-host';
import { signedReportItem } from '../support/report-fixtures';

/**
 * The console's Reports page (monthly-reports.ts, monthly-report-routes.ts) through the console's routes
 * (console-route-host.ts: the console plugin alone, sessions opened on the database): each point of the township's
 * October with every field and count (received, received late at the deadline's own millisecond, late, still due,
 * corrected), a point that sent nothing named as registered, one point's versions in the layout of the language asked
 * for, the workbook's name, type and language, and every 404.
 * October's reports are due by 2026-11-15T16:00Z (the 15th, 00:00 at the point). console-reports.test.ts covers the
 * page through signed-in accounts.
 */
const DEADLINE = '2026-11-15T16:00:00.000Z';
const BEFORE = Date.parse('2026-11-10T02:00:00.000Z');
const AFTER = Date.parse('2026-11-20T02:00:00.000Z');
const point = (kioskId: string) => {
  const { secret: _secret, ...p } = DEMO_POINTS.find((d) => d.kioskId === kioskId)!;
  return { ...p, township: p.divisionCode.slice(0, 9) };
};
// A third point of 土沃乡 that never reports (registered only).
const SILENT = { kioskId: 'silent-kiosk', divisionCode: '140105001299', township: '140105001', name: { 'zh-CN': '土沃乡静村服务点', en: 'Silent Village Point' }, level: 'village' as const };
const RENAMED = { 'zh-CN': '土沃乡示范点（新名）', en: 'Tuwo Demonstration Point (renamed)' };

describe('the console reports page', () => {
  let county: ConsoleRouteHost;
  let now = BEFORE;
  const as = (staffId: string) => county.as(staffId, now);
  const month = async (client: HostClient, query = '') => (await client.call('GET', `/console/api/reports${query}`)).body as unknown as ReportMonth;
  const workbook = async (client: HostClient, url: string) => {
    const res = await client.call('GET', url);
    const book = new ExcelJS.Workbook();
    if (res.status === 200) await book.xlsx.load(res.raw as unknown as ArrayBuffer);
    return { res, book };
  };
  const payloads: Record<string, MonthlyReportPayload> = {};

  beforeAll(async () => {
    county = await startConsoleRouteHost([monthlyReportRoutes], { now: () => new Date(now) });
    const send = async (kioskId: string, version: number, submittedAt: string, items: Record<string, number>, receivedAt: string, notes = '') => {
      const item = signedReportItem(kioskId, '2026-10', version, submittedAt, items, notes);
      expect(await intakeBatch(county.query, kioskId, [item], new Date(receivedAt))).toEqual([{ id: item.id, status: 'accepted' }]);
      payloads[`${kioskId}/${version}`] = item.payload as MonthlyReportPayload;
    };
    await send('demo-kiosk', 1, '2026-11-03T02:00:00.000Z', { 'CARD-01': 5 }, '2026-11-03T02:01:00.000Z');
    await send('demo-kiosk', 2, '2026-11-05T02:00:00.000Z', { 'CARD-01': 6, 'JOB-01': 2 }, '2026-11-05T02:01:00.000Z', '补录一笔窗口业务');
    // Submitted at the deadline's own millisecond: late, and so is the point's month.
    await send('demo-kiosk-2', 1, DEADLINE, { 'CARD-01': 1 }, '2026-11-16T00:00:00.000Z');
    await send('demo-kiosk-3', 1, '2026-11-01T01:00:00.000Z', { 'CARD-01': 9 }, '2026-11-01T01:00:00.000Z');
    await registerPoint(county.query, SILENT);
    // The registry renames the demonstration point after it reported: its reports keep the name they were sent with.
    await registerPoint(county.query, { ...point('demo-kiosk'), name: RENAMED });
  });
  afterAll(() => county.close());

  it("shows a township last month's state of each of its points with every field and the counts", async () => {
    now = BEFORE;
    const tuwo = await as('township-tuwo');
    const before = await month(tuwo);
    expect(before).toEqual({
      now: new Date(BEFORE).toISOString(),
      month: '2026-10',
      deadline: DEADLINE,
      rows: [
        { point: { ...point('demo-kiosk'), name: RENAMED }, state: 'received', versions: 2, firstSubmittedAt: '2026-11-03T02:00:00.000Z', latestSubmittedAt: '2026-11-05T02:00:00.000Z', submittedBy: '李秀英', itemsTotal: 10 },
        { point: point('demo-kiosk-2'), state: 'receivedLate', versions: 1, firstSubmittedAt: DEADLINE, latestSubmittedAt: DEADLINE, submittedBy: '李秀英', itemsTotal: 2 },
        { point: SILENT, state: 'due', versions: 0, firstSubmittedAt: null, latestSubmittedAt: null, submittedBy: null, itemsTotal: null },
      ],
      counts: { received: 1, receivedLate: 1, late: 0, due: 1, corrected: 1 },
    });
    now = AFTER;
    const after = await month(await as('township-tuwo'), '?month=2026-10');
    expect(after.rows.map((r) => r.state)).toEqual(['received', 'receivedLate', 'late']);
    expect(after.counts).toEqual({ received: 1, receivedLate: 1, late: 1, due: 0, corrected: 1 });
    // Another month, asked for by name: nothing arrived, every point late.
    expect((await month(await as('township-tuwo'), '?month=2026-09')).counts).toEqual({ received: 0, receivedLate: 0, late: 3, due: 0, corrected: 0 });
    expect(await (await as('township-tuwo')).call('GET', '/console/api/reports?month=2026-13')).toMatchObject({ status: 400, body: { error: 'invalid_body' } });

    const beige = await month(await as('township-beige'), '?month=2026-10');
    expect(beige.rows.map((r) => [r.point.kioskId, r.state, r.itemsTotal])).toEqual([['demo-kiosk-3', 'received', 10]]);
  });

  it('names each point by the name its report was sent under, a silent point by its registration', async () => {
    const { points, month: view } = await reportMonthInScope(county.query, { kind: 'township', township: '140105001' }, '2026-10', new Date(AFTER));
    expect(points.map((p) => p.kioskId)).toEqual(['demo-kiosk', 'demo-kiosk-2', 'silent-kiosk']);
    expect(view.points.map((p) => [p.kioskId, p.siteName])).toEqual([
      ['demo-kiosk', point('demo-kiosk').name],
      ['demo-kiosk-2', point('demo-kiosk-2').name],
      ['silent-kiosk', SILENT.name],
    ]);
    expect(view.deadline).toBe(DEADLINE);
  });

  it("opens one point's report with every version in the layout of the language asked for", async () => {
    now = AFTER;
    const tuwo = await as('township-tuwo');
    const catalogue = await countyCatalogue(county.query);
    const version = (kioskId: string, v: number, receivedAt: string, late: boolean, language: 'zh-CN' | 'en') => {
      const p = payloads[`${kioskId}/${v}`]!;
      return { version: v, madeAt: p.madeAt, submittedAt: p.submittedAt, receivedAt, submittedBy: '李秀英', late, notes: p.notes, itemRows: itemRows(p.figures, catalogue, language), serviceRows: serviceRows(p.figures, language) };
    };
    const en = (await tuwo.call('GET', '/console/api/reports/2026-10/points/demo-kiosk?lang=en')).body as unknown as PointReport;
    expect(en).toEqual({
      point: { ...point('demo-kiosk'), name: RENAMED },
      month: '2026-10',
      deadline: DEADLINE,
      versions: [version('demo-kiosk', 1, '2026-11-03T02:01:00.000Z', false, 'en'), version('demo-kiosk', 2, '2026-11-05T02:01:00.000Z', false, 'en')],
    });
    expect(en.versions[1]!.notes).toBe('补录一笔窗口业务');
    expect(en.versions[1]!.itemRows).not.toEqual(itemRows(payloads['demo-kiosk/2']!.figures, catalogue, 'zh-CN'));
    const zh = (await tuwo.call('GET', '/console/api/reports/2026-10/points/demo-kiosk-2')).body as unknown as PointReport;
    expect(zh.versions).toEqual([version('demo-kiosk-2', 1, '2026-11-16T00:00:00.000Z', true, 'zh-CN')]);
    // A language it does not speak: Chinese.
    expect(((await tuwo.call('GET', '/console/api/reports/2026-10/points/demo-kiosk-2?lang=fr')).body as unknown as PointReport).versions).toEqual(zh.versions);
    expect(await pointReport(county.query, SILENT, '2026-10', 'zh-CN')).toBeNull();
  });

  it('answers 404 for a report not in scope, not sent, or asked for by a bad month or kiosk id', async () => {
    const tuwo = await as('township-tuwo');
    for (const url of ['2026-10/points/demo-kiosk-3', '2026-10/points/silent-kiosk', '2026-09/points/demo-kiosk', '2026-13/points/demo-kiosk', `2026-10/points/${'k'.repeat(65)}`, '2026-10/points/unknown-kiosk']) {
      expect(await tuwo.call('GET', `/console/api/reports/${url}`)).toMatchObject({ status: 404, body: { error: 'not_found' } });
    }
    expect(await (await as('county-admin')).call('GET', '/console/api/reports/2026-10/points/demo-kiosk-3')).toMatchObject({ status: 200, body: { month: '2026-10' } });
  });

  it("sends the township's workbook of the month, named by month, in the language asked for, with its points only", async () => {
    now = AFTER;
    const tuwo = await as('township-tuwo');
    const zh = await workbook(tuwo, '/console/api/reports/2026-10/workbook.xlsx');
    expect(zh.res.status).toBe(200);
    expect(zh.res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(zh.res.headers['content-disposition']).toBe('attachment; filename="township-report-2026-10.xlsx"');
    const summary = zh.book.worksheets[0]!;
    expect(summary.getCell('A1').value).toBe(reportText('zh-CN')('township.point'));
    expect(summary.getColumn(1).values.slice(2)).toEqual([point('demo-kiosk').name['zh-CN'], point('demo-kiosk-2').name['zh-CN'], SILENT.name['zh-CN'], reportText('zh-CN')('township.total')]);
    // Summary, the total, and a sheet for each of the two points that reported.
    expect(zh.book.worksheets).toHaveLength(4);

    const en = await workbook(tuwo, '/console/api/reports/2026-10/workbook.xlsx?lang=en');
    expect(en.book.worksheets[0]!.getCell('A1').value).toBe(reportText('en')('township.point'));
    expect(en.book.worksheets[0]!.getColumn(1).values.slice(2)).toEqual([point('demo-kiosk').name.en, point('demo-kiosk-2').name.en, SILENT.name.en, reportText('en')('township.total')]);
    const fr = await workbook(tuwo, '/console/api/reports/2026-10/workbook.xlsx?lang=fr');
    expect(fr.book.worksheets[0]!.getCell('A1').value).toBe(reportText('zh-CN')('township.point'));

    const bad = await workbook(tuwo, '/console/api/reports/2026-13/workbook.xlsx');
    expect(bad.res).toMatchObject({ status: 404, body: { error: 'not_found' } });
  });
});
