import ExcelJS from 'exceljs';
import { DEMO_POINTS } from '../../src/county/console/console-demo-seed';
import { intakeBatch, registerKiosk } from '../../src/county/county-state';
import { DEMO_KIOSK_ID, DEMO_KIOSK_SECRET } from '../../src/county/demo-seed';
import type { TownshipMonth } from '../../src/county/point-reports';
import { startUnseededCounty, type TestCounty } from '../support/county-fixtures';
import { signedReportItem } from '../support/report-fixtures';

/**
 * The township's report routes under /admin/v1/reports (report-routes.ts) answer by answer: the admin token on each,
 * the month and point checked with the field named, the month judged by the gateway's clock, every version of one
 * point, and the month as a workbook with its name. point-reports-store.test.ts holds what the month contains.
 * October's reports are due by 2026-11-15T16:00:00.000Z.
 */
const DEADLINE = '2026-11-15T16:00:00.000Z';
const DONGZHUANG = DEMO_POINTS[1]!;
const DEMO_NAME = DEMO_POINTS[0]!.name['zh-CN'];
const AUTH = { authorization: 'Bearer admin-test-token' };

describe('the township report routes', () => {
  let county: TestCounty;
  let clock = new Date(Date.parse(DEADLINE) - 1);

  async function get(path: string, headers: Record<string, string> = AUTH) {
    const res = await fetch(`${county.url}/admin/v1/reports${path}`, { headers });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  }
  const json = async (path: string, headers: Record<string, string> = AUTH) => {
    const res = await get(path, headers);
    return { status: res.status, body: JSON.parse(res.bytes.toString('utf8')) as Record<string, unknown> };
  };

  beforeAll(async () => {
    county = await startUnseededCounty({ now: () => clock });
    await registerKiosk(county.query, DEMO_KIOSK_ID, DEMO_KIOSK_SECRET);
    await registerKiosk(county.query, DONGZHUANG.kioskId, DONGZHUANG.secret);
    const received = new Date('2026-11-06T00:00:00.000Z');
    const results = await intakeBatch(
      county.query,
      DEMO_KIOSK_ID,
      [signedReportItem(DEMO_KIOSK_ID, '2026-10', 1, '2026-11-03T02:00:00.000Z', { 'CARD-01': 5 }), signedReportItem(DEMO_KIOSK_ID, '2026-10', 2, '2026-11-05T02:00:00.000Z', { 'CARD-01': 6 }, '补录')],
      received,
    );
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
  });
  afterAll(() => county.close());

  it('answers 401 admin_token on every report route without the token, with another token or one of another length', async () => {
    for (const path of ['/2026-10', `/2026-10/points/${DEMO_KIOSK_ID}`, '/2026-10/workbook']) {
      for (const headers of [{} as Record<string, string>, { authorization: 'Bearer admin-test-tokeX' }, { authorization: 'Bearer admin' }]) {
        expect([path, await json(path, headers)]).toEqual([path, { status: 401, body: { error: 'admin_token' } }]);
      }
    }
  });

  it("gives the month as of the gateway's clock: the silent points due a millisecond before the deadline, late at it", async () => {
    clock = new Date(Date.parse(DEADLINE) - 1);
    const due = await json('/2026-10');
    expect(due.status).toBe(200);
    const month = due.body as unknown as TownshipMonth;
    expect([month.month, month.deadline]).toEqual(['2026-10', DEADLINE]);
    expect(month.points.map((p) => [p.kioskId, p.state, p.versions])).toEqual([
      [DEMO_KIOSK_ID, 'received', 2],
      [DONGZHUANG.kioskId, 'due', 0],
      ['kiosk-test-1', 'due', 0],
    ]);
    expect(month.totals.items).toEqual([{ itemCode: 'CARD-01', byChannel: { self: 6, assisted: 0, window: 1, homeVisit: 0, proxy: 0 } }]);
    clock = new Date(DEADLINE);
    expect(((await json('/2026-10')).body as unknown as TownshipMonth).points.map((p) => p.state)).toEqual(['received', 'late', 'late']);
  });

  it('refuses a month or a point that cannot be one, naming it', async () => {
    for (const path of ['/2026-13', '/2026-1', '/2026-13/points/demo-kiosk', '/2026-13/workbook']) {
      expect([path, await json(path)]).toEqual([path, { status: 400, body: { error: 'invalid_path', field: 'month' } }]);
    }
    expect(await json(`/2026-10/points/${'k'.repeat(65)}`)).toEqual({ status: 400, body: { error: 'invalid_path', field: 'kioskId' } });
    expect(await json(`/2026-10/points/${'k'.repeat(64)}`)).toEqual({ status: 404, body: { error: 'no_report' } });
  });

  it("gives every version one point sent for the month, oldest first; 404 no_report for a point or month with none", async () => {
    const answer = await json(`/2026-10/points/${DEMO_KIOSK_ID}`);
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body)).toEqual(['kioskId', 'month', 'versions']);
    expect(answer.body.kioskId).toBe(DEMO_KIOSK_ID);
    expect(answer.body.month).toBe('2026-10');
    const versions = answer.body.versions as Array<{ report: { version: number; notes: string }; receivedAt: string }>;
    expect(versions.map((v) => [v.report.version, v.report.notes, v.receivedAt])).toEqual([
      [1, '', '2026-11-06T00:00:00.000Z'],
      [2, '补录', '2026-11-06T00:00:00.000Z'],
    ]);
    expect(await json(`/2026-10/points/${DONGZHUANG.kioskId}`)).toEqual({ status: 404, body: { error: 'no_report' } });
    expect(await json(`/2026-09/points/${DEMO_KIOSK_ID}`)).toEqual({ status: 404, body: { error: 'no_report' } });
  });

  it("serves the month as one workbook in Chinese, named for the month, judged by the gateway's clock", async () => {
    clock = new Date(DEADLINE);
    const res = await get('/2026-10/workbook');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="township-report-2026-10.xlsx"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.bytes as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(['汇总', '乡镇合计', DEMO_NAME]);
    const rows: unknown[][] = [];
    book.getWorksheet('汇总')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1, 6)));
    expect(rows).toEqual([
      ['服务点', '状态', '上报时间', '接收时间', '版本数'],
      [DEMO_NAME, '已上报', '2026-11-03 10:00', '2026-11-06 08:00', 2],
      [DONGZHUANG.kioskId, '逾期未报', '', '', 0],
      ['kiosk-test-1', '逾期未报', '', '', 0],
      ['乡镇合计', undefined, undefined, undefined, undefined],
    ]);
  });
});
