import ExcelJS from 'exceljs';
import type { CountyServer } from '../../src/county/server';
import type { Programme } from '../../src/shared/console/api';
import { intakeBatch } from '../../src/county/county-state';
import { signIn, startConsoleCounty } from '../support/console-fixtures';
import { acceptance, commissioning, siteRecord } from '../support/site-record-fixtures';

/** The programme table: stages per point against the county's dates, shares, points behind, and the xlsx. */
describe('console programme', () => {
  let county: CountyServer;
  beforeAll(async () => {
    county = await startConsoleCounty({ now: () => new Date('2026-11-30T09:00:00Z') });
  });
  afterAll(() => county.close());

  it('counts the share of points per stage, marks points behind a passed date, and moves when a stage is recorded', async () => {
    const tuwo = await signIn(county, 'tuwo');
    const before = (await tuwo.call('GET', '/console/api/programme')).body as unknown as Programme;
    expect(before.rows.map((r) => r.point.kioskId)).toEqual(['demo-kiosk', 'demo-kiosk-2']);
    // Staff accounts come from the register: the demo clerks cover all of 土沃乡.
    expect(before.rows.every((r) => r.stages.staffAccounts !== null)).toBe(true);
    expect(before.rows[0]!.behind).toEqual(['siteSetUp', 'agreementSigned', 'trained']);
    const half = () => before.milestones.find((m) => m.stage === 'commissioned' && m.share === 0.5)!;
    expect(half()).toMatchObject({ reached: 0, state: 'missed' });

    // Commissioning and acceptance come from the kiosk's records, never from a hand entry.
    expect((await tuwo.call('POST', '/console/api/programme/demo-kiosk/commissioned', { done: true })).body).toEqual({ error: 'conflict' });
    expect((await tuwo.call('POST', '/console/api/programme/demo-kiosk/accepted', { done: true })).body).toEqual({ error: 'conflict' });
    // A failed commissioning run moves nothing; the passing one does, dated by the record.
    await intakeBatch(county.query, 'demo-kiosk', [siteRecord(commissioning('demo-kiosk', '2026-11-09T08:00:00.000Z', false))], new Date('2026-11-09T09:00:00Z'));
    expect(((await tuwo.call('GET', '/console/api/programme')).body as unknown as Programme).rows[0]!.stages.commissioned).toBeNull();
    await intakeBatch(county.query, 'demo-kiosk', [siteRecord(commissioning('demo-kiosk', '2026-11-10T08:00:00.000Z', true))], new Date('2026-11-10T09:00:00Z'));
    const after = (await tuwo.call('GET', '/console/api/programme')).body as unknown as Programme;
    expect(after.milestones.find((m) => m.stage === 'commissioned' && m.share === 0.5)).toMatchObject({ reached: 0.5, state: 'met' });
    expect(after.milestones.find((m) => m.stage === 'commissioned' && m.share === 1)).toMatchObject({ reached: 0.5, state: 'open' });
    expect(after.rows[0]!.stages.commissioned).toEqual({ doneAt: '2026-11-10T08:00:00.000Z', by: '赵师傅' });
    expect(after.rows[0]!.stages.accepted).toBeNull();
    // Acceptance: signed at the kiosk by the township account.
    await intakeBatch(county.query, 'demo-kiosk', [siteRecord(acceptance('demo-kiosk', '2026-11-20T08:00:00.000Z'))], new Date('2026-11-20T09:00:00Z'));
    const accepted = (await tuwo.call('GET', '/console/api/programme')).body as unknown as Programme;
    expect(accepted.rows[0]!.stages.accepted).toEqual({ doneAt: '2026-11-20T08:00:00.000Z', by: '土沃乡人社所 王建国' });
    expect(accepted.milestones.find((m) => m.stage === 'accepted')).toMatchObject({ reached: 0.5 });
    await tuwo.call('POST', '/console/api/programme/demo-kiosk/siteSetUp', { done: true });
    await tuwo.call('POST', '/console/api/programme/demo-kiosk-2/siteSetUp', { done: true });
    const site = (await tuwo.call('GET', '/console/api/programme')).body as unknown as Programme;
    expect(site.milestones.find((m) => m.stage === 'siteSetUp')).toMatchObject({ reached: 1, state: 'met' });
    expect(site.milestones.find((m) => m.stage === 'trained')).toMatchObject({ reached: 0, state: 'missed' });
    expect(site.rows[0]!.behind).toEqual(['agreementSigned', 'trained']);
    expect((await tuwo.call('POST', '/console/api/programme/demo-kiosk/staffAccounts', { done: true })).body).toEqual({ error: 'conflict' });
  });

  it('keeps another township out of these points, and exports the table as xlsx', async () => {
    const beige = await signIn(county, 'beige');
    expect((await beige.call('POST', '/console/api/programme/demo-kiosk/accepted', { done: true })).body).toEqual({ error: 'not_found' });
    expect(((await beige.call('GET', '/console/api/programme')).body as unknown as Programme).rows.map((r) => r.point.kioskId)).toEqual(['demo-kiosk-3']);

    const tuwo = await signIn(county, 'tuwo');
    const res = await fetch(`${county.url}/console/api/programme.xlsx`, { headers: { cookie: tuwo.cookie } });
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(7).value).toBe('安装调试');
    expect(sheet.getRow(2).values).toEqual(
      expect.arrayContaining(['土沃乡就业社保示范服务点', '140105001000', '2026-11-10', '2026-11-30']),
    );
    expect(sheet.rowCount).toBe(3);
    const dates = workbook.worksheets[1]!;
    const half = dates.getRows(2, dates.rowCount - 1)!.find((r) => r.getCell(1).value === '安装调试' && r.getCell(3).value === 0.5)!;
    expect(half.getCell(4).value).toBe(0.5);
    expect(half.getCell(5).value).toBe('已达到');
  });

  it('lets the county admin set the county\'s dates (checked, audited); a township may not', async () => {
    const tuwo = await signIn(county, 'tuwo');
    const dates = { milestones: [{ stage: 'commissioned', due: '2026-12-20', share: 1 }, { stage: 'accepted', due: '2027-03-31', share: 1 }] };
    expect((await tuwo.call('PUT', '/console/api/programme/milestones', dates)).body).toEqual({ error: 'forbidden' });
    const admin = await signIn(county, 'county');
    expect((await admin.call('PUT', '/console/api/programme/milestones', { milestones: [{ stage: 'trained', due: '2026-02-30', share: 1 }] })).status).toBe(400);
    expect((await admin.call('PUT', '/console/api/programme/milestones', { milestones: [{ stage: 'trained', due: '2026-10-30', share: 1.5 }] })).status).toBe(400);
    expect((await admin.call('PUT', '/console/api/programme/milestones', { milestones: [dates.milestones[0], dates.milestones[0]] })).status).toBe(400);
    const saved = (await admin.call('PUT', '/console/api/programme/milestones', dates)).body as unknown as Programme;
    expect(saved.milestones.map((m) => [m.stage, m.due, m.share])).toEqual([
      ['commissioned', '2026-12-20', 1],
      ['accepted', '2027-03-31', 1],
    ]);
    // No stage has a passed 100% date any more: nothing is behind; the township sees the same dates.
    const seen = (await tuwo.call('GET', '/console/api/programme')).body as unknown as Programme;
    expect(seen.milestones.map((m) => m.due)).toEqual(['2026-12-20', '2027-03-31']);
    expect(seen.rows.every((r) => r.behind.length === 0)).toBe(true);
    const trail = await county.query.selectFrom('audit_log').select(['actor_id', 'detail']).where('action', '=', 'programme.dates').execute();
    expect(trail).toEqual([{ actor_id: 'county-admin', detail: 'commissioned@2026-12-20=1,accepted@2027-03-31=1' }]);
  });
});
