import { DEMO_SITE_CONFIG, parseSiteConfig } from '../../src/main/config/load-site-config';
import { createKioskCore, type KioskCore } from '../../src/main/core';
import type { Connection } from '../../src/main/dispatcher';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { intakeBatch } from '../../src/county/county-state';
import { DEMO_KIOSK_ID } from '../../src/county/demo-seed';
import type { TownshipMonth, StoredPointReport } from '../../src/county/point-reports';
import { registerKiosk } from '../../src/county/county-state';
import { seedDemo } from '../../src/county/demo-seed';
import { startCountyServer, type CountyServer } from '../../src/county/server';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import type { ReportStatus, ReportView } from '../../src/shared/contract/methods/report';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { runReportCommand } from '../../src/county/report-cli';
import { freshCountyDatabase } from '../support/county-database';
import { TEST_KIOSK } from '../support/county-fixtures';
import { tempDataDir } from '../support/store-fixtures';

jest.setTimeout(60_000);

const ADMIN = 'admin-test-token';

/**
 * The report from the clerk's screen to the township: made on the 1st, opened, submitted with notes through the
 * outbox and the real sync, kept at the county with every version, judged received or late by the point's true
 * submission time. Both clocks are controlled.
 */
describe('the monthly report from the point to the township', () => {
  let county: CountyServer;
  let core: KioskCore;
  let clerk: Connection;
  // The kiosk's and the county's clocks agree (the kiosk corrects only a small skew); tests move both.
  let kioskNow = new Date('2026-10-20T03:00:00Z');
  let countyNow = kioskNow;
  const setNow = (iso: string) => {
    kioskNow = new Date(iso);
    countyNow = kioskNow;
  };
  const countyDir = tempDataDir('county-report-');
  let countyPort = 0;
  // The same database across restarts (a fresh one on PostgreSQL, made at the first start).
  let database: string | undefined | null = null;

  const startCounty = async () => {
    if (database === null) database = await freshCountyDatabase();
    county = await startCountyServer({ dataDir: countyDir, ...(database ? { database } : {}), adminToken: ADMIN, port: countyPort, now: () => countyNow });
    countyPort = Number(new URL(county.url).port);
  };
  const call = async <T>(connection: Connection, method: string, params: unknown = {}): Promise<T> => {
    const outcome = await core.dispatcher.dispatch(connection, method, params);
    if ('error' in outcome) throw Object.assign(new Error(`${method}: ${JSON.stringify(outcome.error)}`), { payload: outcome.error });
    return outcome.result as T;
  };
  const township = async (month: string): Promise<TownshipMonth> => {
    const res = await fetch(`${county.url}/admin/v1/reports/${month}`, { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as TownshipMonth;
  };
  const point = (m: TownshipMonth, kioskId: string) => m.points.find((p) => p.kioskId === kioskId)!;
  /** Syncs until the month's latest version is confirmed (the submit already started a round: sync.now may join it). */
  const deliver = async (month: string): Promise<ReportView> => {
    for (let i = 0; i < 5; i++) {
      const view = await call<ReportView>(clerk, 'report.open', { month });
      if (view.deliveredAt) return view;
      await call(clerk, 'sync.now');
    }
    throw new Error(`report ${month} was not delivered`);
  };

  beforeAll(async () => {
    await startCounty();
    await seedDemo(county.query, { catalog: defaultCatalog() });
    await registerKiosk(county.query, TEST_KIOSK.id, TEST_KIOSK.secret);
    const config = parseSiteConfig({ ...DEMO_SITE_CONFIG, county: { url: county.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret, development: true, syncIntervalSeconds: 3600 } });
    core = await createKioskCore({ config, dataDir: tempDataDir('kiosk-report-'), simulate: true, log: createMemoryLogger().logger, appVersion: '0.0.0-test', now: () => kioskNow });
    clerk = core.newConnection('internal');
    clerk.staff = { id: 'clerk-li', displayName: '李秀英', roles: ['clerk'] };
  });
  afterAll(async () => {
    await core?.close();
    await county?.close();
  });

  it('counts what happened in October at the point (help calls, a query, a slip, device time) and makes the report on the 1st', async () => {
    const resident = core.newConnection('internal');
    await call(resident, 'help.request', { screen: 'home' });
    setNow('2026-10-21T03:00:00Z');
    await call(resident, 'help.request', { screen: 'item:JOB-01' });
    // A listing looked up at the county, and a clerk printing a 一次性告知 slip for someone.
    await call(resident, 'queries.run', { itemCode: 'JOB-02', params: {} });
    await call(clerk, 'print.notification', { itemCode: 'JOB-05' });
    // Only clerks reach the report.
    await expect(call(resident, 'report.status')).rejects.toMatchObject({ payload: { code: 'forbidden' } });

    setNow('2026-11-01T01:00:00Z');
    expect(await call<ReportStatus>(clerk, 'report.status')).toMatchObject({ month: '2026-10', state: 'notMade', reminder: false, late: false });
    const opened = await call<ReportView>(clerk, 'report.open', { month: '2026-10' });
    expect(opened).toMatchObject({ month: '2026-10', version: 1, submittedAt: null, notes: '', late: false, deadline: '2026-11-15T16:00:00.000Z' });
    expect(opened.figures.helpCalls).toBe(2);
    expect(opened.figures.inquiries.opened).toBe(2);
    expect(opened.figures.queries).toEqual({ self: 1, assisted: 0, window: 0, homeVisit: 0, proxy: 0 });
    expect(opened.figures.prints).toEqual({ receipt: 0, certificate: 0, notification: 1, queryResult: 0 });
    expect(opened.figures.items).toEqual([]);
    // The core recorded its devices' states from the start on 20 October: usable for part of October's office hours.
    const reader = opened.figures.devices.find((d) => d.deviceId === 'id-reader')!;
    expect(reader.usableMinutes).toBeGreaterThan(0);
    expect(reader.usableMinutes).toBeLessThan(opened.figures.officeMinutes);
    await expect(call(clerk, 'report.open', { month: '2026-11' })).rejects.toMatchObject({ payload: { code: 'invalid_params' } });
  });

  it('reminds from the 10th, then the clerk submits with a note and the township sees it received', async () => {
    setNow('2026-11-09T08:00:00Z');
    expect(await call<ReportStatus>(clerk, 'report.status')).toMatchObject({ state: 'draft', reminder: false });
    setNow('2026-11-10T01:00:00Z');
    expect(await call<ReportStatus>(clerk, 'report.status')).toMatchObject({ state: 'draft', reminder: true, late: false });

    const view = await call<ReportView>(clerk, 'report.open', { month: '2026-10' });
    const submitted = await call<ReportView>(clerk, 'report.submit', { month: '2026-10', version: view.version, notes: '  打印机维修两天  ' });
    expect(submitted).toMatchObject({ version: 1, notes: '打印机维修两天', submittedAt: kioskNow.toISOString(), submittedBy: { id: 'clerk-li', name: '李秀英' } });
    // The same draft cannot be submitted twice.
    await expect(call(clerk, 'report.submit', { month: '2026-10', version: 1, notes: '' })).rejects.toMatchObject({ payload: { code: 'conflict' } });
    expect(await call<ReportStatus>(clerk, 'report.status')).toMatchObject({ state: 'submitted', reminder: false, late: false });
    expect((await deliver('2026-10')).deliveredAt).toBe('2026-11-10T01:00:00.000Z');

    const month = await township('2026-10');
    expect(point(month, TEST_KIOSK.id)).toMatchObject({ state: 'received', versions: 1, firstSubmittedAt: '2026-11-10T01:00:00.000Z' });
    expect(point(month, TEST_KIOSK.id).latest!.report).toMatchObject({ notes: '打印机维修两天', submittedBy: { name: '李秀英' }, figures: { helpCalls: 2 } });
    // The other point has sent nothing, and it is not the 15th yet.
    expect(point(month, DEMO_KIOSK_ID)).toMatchObject({ state: 'due', latest: null });
    expect(month.totals.figures.helpCalls).toBe(2);
  });

  it('a point that did not submit is late after the 15th', async () => {
    setNow('2026-11-15T15:59:00Z');
    expect(point(await township('2026-10'), DEMO_KIOSK_ID).state).toBe('due');
    setNow('2026-11-15T16:00:00Z');
    const month = await township('2026-10');
    expect(point(month, DEMO_KIOSK_ID).state).toBe('late');
    expect(point(month, TEST_KIOSK.id).state).toBe('received');
  });

  it('a correction is a new version; the township keeps both', async () => {
    setNow('2026-11-16T02:00:00Z');
    await expect(call(clerk, 'report.submit', { month: '2026-10', version: 2, notes: 'x' })).rejects.toMatchObject({ payload: { code: 'conflict' } });
    const draft = await call<ReportView>(clerk, 'report.correct', { month: '2026-10' });
    expect(draft).toMatchObject({ version: 2, submittedAt: null, notes: '打印机维修两天' });
    await call(clerk, 'report.submit', { month: '2026-10', version: 2, notes: '打印机维修两天；补记上门服务' });
    await deliver('2026-10');

    const res = await fetch(`${county.url}/admin/v1/reports/2026-10/points/${TEST_KIOSK.id}`, { headers: { authorization: `Bearer ${ADMIN}` } });
    const { versions } = (await res.json()) as { versions: StoredPointReport[] };
    expect(versions.map((v) => [v.report.version, v.report.notes])).toEqual([
      [1, '打印机维修两天'],
      [2, '打印机维修两天；补记上门服务'],
    ]);
    // Submitted on time first: a later correction does not make the point late.
    expect(point(await township('2026-10'), TEST_KIOSK.id)).toMatchObject({ state: 'received', versions: 2, firstSubmittedAt: '2026-11-10T01:00:00.000Z' });
    expect((await call<ReportView>(clerk, 'report.open', { month: '2026-10' })).versions.map((v) => v.version)).toEqual([1, 2]);

    // Either version as the files people use: version 1's workbook and PDF carry version 1's note and submitter.
    const xlsx = await call<{ fileName: string; mime: string; base64: string }>(clerk, 'report.file', { month: '2026-10', version: 1, format: 'xlsx' });
    expect(xlsx.fileName).toBe(`report-${DEMO_SITE_CONFIG.site.divisionCode}-2026-10-v1.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as never);
    const service: Record<string, unknown> = {};
    book.getWorksheet('服务情况')!.eachRow((row) => (service[String(row.getCell(1).value)] = row.getCell(2).value));
    expect(service).toMatchObject({ 呼叫帮办: 2, 查询: 1, 一次性告知单: 1, 版本: '1', 经办人: '李秀英', 上报时间: '2026-11-10 09:00', 备注: '打印机维修两天' });
    const pdf = await call<{ fileName: string; mime: string; base64: string }>(clerk, 'report.file', { month: '2026-10', format: 'pdf' });
    expect(pdf).toMatchObject({ fileName: `report-${DEMO_SITE_CONFIG.site.divisionCode}-2026-10-v2.pdf`, mime: 'application/pdf' });
    const pdfFile = path.join(countyDir, 'report-v2.pdf');
    fs.writeFileSync(pdfFile, Buffer.from(pdf.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-']).toString('utf8').replace(/\s+/g, '');
    expect(text).toContain('打印机维修两天；补记上门服务');
    expect(text).toContain('2026-11-1610:00');
  });

  it('the county refuses a report whose figures were changed after signing, and reports without the admin token', async () => {
    const [stored] = (await (await fetch(`${county.url}/admin/v1/reports/2026-10/points/${TEST_KIOSK.id}`, { headers: { authorization: `Bearer ${ADMIN}` } })).json() as { versions: StoredPointReport[] }).versions;
    const forged = { ...stored!.report, version: 9, figures: { ...stored!.report.figures, helpCalls: 99 } };
    const results = await intakeBatch(county.query, TEST_KIOSK.id, [{ id: '0196f000-0000-7000-8000-00000000f001', kind: 'monthlyReport', createdAt: forged.submittedAt, residentRef: null, payload: forged, attachments: [] }], countyNow);
    expect(results).toEqual([{ id: '0196f000-0000-7000-8000-00000000f001', status: 'rejected', reason: 'badReportSignature' }]);
    expect((await fetch(`${county.url}/admin/v1/reports/2026-10`)).status).toBe(401);
  });

  it('a point offline on the 15th submits when it can and is shown late with its true submission time', async () => {
    // November's report: submitted on 14 December while the county cannot be reached, delivered on the 17th.
    setNow('2026-12-14T03:00:00Z');
    await call<ReportView>(clerk, 'report.open', { month: '2026-11' });
    await county.close();
    await call(clerk, 'report.submit', { month: '2026-11', version: 1, notes: '' });
    await call(clerk, 'sync.now');
    expect(await call<ReportView>(clerk, 'report.open', { month: '2026-11' })).toMatchObject({ submittedAt: '2026-12-14T03:00:00.000Z', deliveredAt: null });

    setNow('2026-12-17T03:00:00Z');
    await startCounty();
    expect((await deliver('2026-11')).deliveredAt).toBe('2026-12-17T03:00:00.000Z');
    const month = await township('2026-11');
    expect(point(month, TEST_KIOSK.id)).toMatchObject({ state: 'received', firstSubmittedAt: '2026-12-14T03:00:00.000Z' });
    expect(point(month, TEST_KIOSK.id).latest!.receivedAt).toBe('2026-12-17T03:00:00.000Z');

    // December's report submitted on 17 January is late, with that time.
    setNow('2027-01-17T03:00:00Z');
    expect(await call<ReportStatus>(clerk, 'report.status')).toMatchObject({ month: '2026-12', late: true, reminder: true });
    const late = await call<ReportView>(clerk, 'report.open', { month: '2026-12' });
    expect(late.late).toBe(true);
    await call(clerk, 'report.submit', { month: '2026-12', version: late.version, notes: '' });
    await deliver('2026-12');
    expect(point(await township('2026-12'), TEST_KIOSK.id)).toMatchObject({ state: 'receivedLate', firstSubmittedAt: '2027-01-17T03:00:00.000Z' });
    expect(await call<ReportStatus>(clerk, 'report.status')).toMatchObject({ state: 'submitted', late: true, reminder: false });
  });

  it('npm run county -- report shows received / late per point and writes the month as one workbook', async () => {
    const lines: string[] = [];
    const file = path.join(countyDir, 'township-2026-10.xlsx');
    expect(await runReportCommand(['--month', '2026-10', '--data-dir', countyDir, ...(database ? ['--database', database] : []), '--xlsx', file, '--now', '2026-11-20T00:00:00Z'], (l) => lines.push(l))).toBe(0);
    const pointName = DEMO_SITE_CONFIG.site.name['zh-CN'];
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${pointName}\t${TEST_KIOSK.id}\t已上报\t2026-11-10 09:00\t2026-11-16 10:00\t2\t0$`)));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${DEMO_KIOSK_ID}\t${DEMO_KIOSK_ID}\t逾期未报\t-\t-\t0\t0$`)));
    expect(lines).toContainEqual(expect.stringMatching(/^乡镇合计\t办件量 0\t查询 1\t呼叫帮办 2\t/));
    expect(await runReportCommand(['--month', '2026-13', '--data-dir', countyDir], () => undefined)).toBe(2);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['汇总', '乡镇合计', pointName.slice(0, 28)]);
    const summary = workbook.getWorksheet('汇总')!;
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows: unknown[][] = [];
    summary.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toEqual([
      ['服务点', '状态', '上报时间', '接收时间', '版本数', '办件量', '查询', '呼叫帮办', '故障报修', '服务群众（人）'],
      [DEMO_KIOSK_ID, '逾期未报', '', '', 0, 0, 0, 0, 0, 0],
      [pointName, '已上报', '2026-11-10 09:00', '2026-11-16 10:00', 2, 0, 1, 2, 0, 0],
      ['乡镇合计', undefined, undefined, undefined, undefined, 0, 1, 2, 0, 0],
    ]);
    // The same workbook from the township's endpoint.
    const res = await fetch(`${county.url}/admin/v1/reports/2026-10/workbook`, { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const served = new ExcelJS.Workbook();
    await served.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    expect(served.worksheets.map((w) => w.name)).toEqual(['汇总', '乡镇合计', pointName.slice(0, 28)]);
    expect(served.getWorksheet('乡镇合计')!.getRow(2).values).toEqual([undefined, 'JOB-01', '求职登记', 0, 0, 0, 0, 0, 0]);
    // Each point's sheet is its items table in the township layout.
    expect(workbook.getWorksheet(pointName.slice(0, 28))!.getRow(1).values).toEqual([undefined, '事项编码', '事项名称', '自助', '帮办', '窗口', '上门', '代理办', '合计']);
  });
});
