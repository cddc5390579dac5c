import ExcelJS from 'exceljs';
import { intakeBatch } from '../../src/county/county-state';
import type { CountyServer } from '../../src/county/server';
import type { PointReport, ReportMonth } from '../../src/shared/console/reports';
import { signIn, startConsoleCounty } from '../support/console-fixtures';
import { signedReportItem } from '../support/report-fixtures';

/**
 * The console's Reports page API: each point's October report as its township sees it (on time, corrected, late,
 * missing), one report opened in the township layout, and the workbook; another township's points stay out.
 * October's reports are due by the end of 15 November at the point (UTC+8), 2026-11-15T16:00Z.
 */
describe('console reports', () => {
  let county: CountyServer;
  let now = new Date('2026-11-10T02:00:00Z');
  beforeAll(async () => {
    county = await startConsoleCounty({ now: () => now });
    await intakeBatch(county.query, 'demo-kiosk', [signedReportItem('demo-kiosk', '2026-10', 1, '2026-11-03T02:00:00.000Z', { 'CARD-01': 5 })], new Date('2026-11-03T02:01:00Z'));
    await intakeBatch(county.query, 'demo-kiosk', [signedReportItem('demo-kiosk', '2026-10', 2, '2026-11-05T02:00:00.000Z', { 'CARD-01': 6 }, '补录一笔窗口业务')], new Date('2026-11-05T02:01:00Z'));
    // 北格镇's point: submitted after the 15th (offline), arrives later still.
    await intakeBatch(county.query, 'demo-kiosk-3', [signedReportItem('demo-kiosk-3', '2026-10', 1, '2026-11-16T01:00:00.000Z', { 'CARD-01': 9 })], new Date('2026-11-18T01:00:00Z'));
  });
  afterAll(() => county.close());

  it('shows the township its points: on time and corrected, not yet due; after the 15th the silent point is late', async () => {
    const tuwo = await signIn(county, 'tuwo');
    const before = (await tuwo.call('GET', '/console/api/reports')).body as unknown as ReportMonth;
    expect(before.month).toBe('2026-10'); // last month by default
    expect(before.deadline).toBe('2026-11-15T16:00:00.000Z');
    expect(before.rows.map((r) => [r.point.kioskId, r.state, r.versions])).toEqual([
      ['demo-kiosk', 'received', 2],
      ['demo-kiosk-2', 'due', 0],
    ]);
    expect(before.rows[0]).toMatchObject({ firstSubmittedAt: '2026-11-03T02:00:00.000Z', latestSubmittedAt: '2026-11-05T02:00:00.000Z', submittedBy: '李秀英', itemsTotal: 7 });
    expect(before.counts).toEqual({ received: 1, receivedLate: 0, late: 0, due: 1, corrected: 1 });

    now = new Date('2026-11-20T02:00:00Z');
    const later = await signIn(county, 'tuwo'); // the first session has long expired
    const after = (await later.call('GET', '/console/api/reports?month=2026-10')).body as unknown as ReportMonth;
    expect(after.rows.find((r) => r.point.kioskId === 'demo-kiosk-2')!.state).toBe('late');
    expect((await later.call('GET', '/console/api/reports?month=2026-13')).status).toBe(400);
  });

  it('opens a report with every version in the township layout, in the language asked for', async () => {
    const tuwo = await signIn(county, 'tuwo');
    const report = (await tuwo.call('GET', '/console/api/reports/2026-10/points/demo-kiosk?lang=en')).body as unknown as PointReport;
    expect(report.versions.map((v) => [v.version, v.late, v.notes])).toEqual([
      [1, false, ''],
      [2, false, '补录一笔窗口业务'],
    ]);
    const card = report.versions[1]!.itemRows.find((r) => r.code === 'CARD-01')!;
    expect(card.counts).toMatchObject({ self: 6, window: 1 });
    expect(card.total).toBe(7);
    expect(report.versions[1]!.itemRows.at(-1)).toMatchObject({ kind: 'total', total: 7 });
    expect(report.versions[1]!.serviceRows.find((r) => r.format === 'share')!.value).toBeCloseTo(0.95);
    expect((await tuwo.call('GET', '/console/api/reports/2026-10/points/demo-kiosk-2')).status).toBe(404); // nothing sent
  });

  it('keeps another township out: its rows, its report, its workbook sheets', async () => {
    const tuwo = await signIn(county, 'tuwo');
    expect((await tuwo.call('GET', '/console/api/reports/2026-10/points/demo-kiosk-3')).status).toBe(404);
    const beige = await signIn(county, 'beige');
    const theirs = (await beige.call('GET', '/console/api/reports?month=2026-10')).body as unknown as ReportMonth;
    expect(theirs.rows.map((r) => [r.point.kioskId, r.state])).toEqual([['demo-kiosk-3', 'receivedLate']]);

    const res = await fetch(`${county.url}/console/api/reports/2026-10/workbook.xlsx`, { headers: { cookie: tuwo.cookie } });
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const summary = workbook.worksheets[0]!;
    const names = summary.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    expect(names).toEqual(expect.arrayContaining(['土沃乡就业社保示范服务点', '土沃乡东庄村服务点']));
    expect(names.some((n) => n.includes('北格'))).toBe(false);
    // Summary, the township total and one sheet for the one point that reported.
    expect(workbook.worksheets).toHaveLength(3);
  });
});
