import { DEMO_POINTS } from '../../src/county/console/console-demo-seed';
import type { CountyServer } from '../../src/county/server';
import type { Publication } from '../../src/shared/console/api';
import { HttpCountyClient } from '../../src/main/sync/http-county-client';
import { signIn, startConsoleCounty } from '../support/console-fixtures';

/** Versioned publishing: what the kiosks pull after a publication and after a rollback, and who may do either. */
describe('console publishing', () => {
  let county: CountyServer;
  beforeAll(async () => {
    county = await startConsoleCounty();
  });
  afterAll(() => county.close());
  const kiosk = (id: string) => new HttpCountyClient({ baseUrl: county.url, kioskId: id, secret: DEMO_POINTS.find((p) => p.kioskId === id)!.secret || 'demo-secret-change-me-0123456789abcdef' });
  const spring = { id: 'spring-2027', title: { 'zh-CN': '春风行动招聘会', en: 'Spring job fair' }, body: { 'zh-CN': '2月20日在区人力资源市场举行。', en: 'On 20 February at the district job market.' }, from: '2027-02-01T00:00:00+08:00', until: '2027-02-21T00:00:00+08:00' };

  it('publishes announcements to every kiosk and rolls back to the version before in one action', async () => {
    const admin = await signIn(county, 'county');
    const before = (await admin.call('GET', '/console/api/publishing/announcements')).body as { history: Publication[]; mayPublish: boolean };
    expect(before.mayPublish).toBe(true);
    expect(before.history).toHaveLength(1);
    const baseline = before.history[0]!;
    expect((baseline.body as Array<{ id: string }>).map((a) => a.id)).toEqual(['winter-2026']);

    expect((await admin.call('PUT', '/console/api/publishing/announcements', { announcements: [spring] })).status).toBe(200);
    expect((await kiosk('demo-kiosk-3').pullConfig(0))!.announcements!.body.map((a) => a.id)).toEqual(['spring-2027']);

    expect((await admin.call('POST', '/console/api/publishing/announcements/rollback', { seq: baseline.seq })).status).toBe(200);
    expect((await kiosk('demo-kiosk-3').pullConfig(0))!.announcements!.body.map((a) => a.id)).toEqual(['winter-2026']);
    const after = ((await admin.call('GET', '/console/api/publishing/announcements')).body as { history: Publication[] }).history;
    expect(after.map((p) => [p.rollbackOf, p.current, p.by])).toEqual([
      [baseline.seq, true, '县人社局 管理员'],
      [null, false, '县人社局 管理员'],
      [null, false, null],
    ]);
    expect(after[0]!.configVersion).toBeGreaterThan(after[1]!.configVersion);
  });

  it('refuses a rollback to a version that was never published, or without one, and publishes nothing', async () => {
    const admin = await signIn(county, 'county');
    const history = async () => ((await admin.call('GET', '/console/api/publishing/announcements')).body as { history: Publication[] }).history;
    const before = await history();
    const refused = await admin.call('POST', '/console/api/publishing/announcements/rollback', { seq: 999_999 });
    expect([refused.status, refused.body]).toEqual([404, { error: 'not_found' }]);
    expect((await admin.call('POST', '/console/api/publishing/site/demo-kiosk-2/rollback', { seq: 999_999 })).body).toEqual({ error: 'not_found' });
    expect((await admin.call('POST', '/console/api/publishing/announcements/rollback', {})).status).toBe(400);
    expect(await history()).toEqual(before);
  });

  it('lets a township read the announcements but not publish or roll them back', async () => {
    const tuwo = await signIn(county, 'tuwo');
    expect(((await tuwo.call('GET', '/console/api/publishing/announcements')).body as { mayPublish: boolean }).mayPublish).toBe(false);
    expect((await tuwo.call('PUT', '/console/api/publishing/announcements', { announcements: [] })).body).toEqual({ error: 'forbidden' });
    expect((await tuwo.call('POST', '/console/api/publishing/announcements/rollback', { seq: 1 })).body).toEqual({ error: 'forbidden' });
  });

  it("sets one point's duty person and phone; only that kiosk gets them, a rollback restores the county's, another township cannot", async () => {
    const tuwo = await signIn(county, 'tuwo');
    expect((await tuwo.call('PUT', '/console/api/publishing/site/demo-kiosk-2', { onDuty: '钱晓燕', consultationPhone: '0351-7000001' })).status).toBe(200);
    expect((await kiosk('demo-kiosk-2').pullConfig(0))!.site!.body).toMatchObject({ onDuty: '钱晓燕', consultationPhone: '0351-7000001' });
    expect((await kiosk('demo-kiosk').pullConfig(0))!.site!.body).toMatchObject({ onDuty: '李秀英', consultationPhone: '0351-12333' });
    expect((await tuwo.call('PUT', '/console/api/publishing/site/demo-kiosk-2', { consultationPhone: 'call me' })).body).toMatchObject({ error: 'invalid_body', field: 'consultationPhone' });

    const beige = await signIn(county, 'beige');
    expect((await beige.call('PUT', '/console/api/publishing/site/demo-kiosk-2', { onDuty: '刘芳' })).body).toEqual({ error: 'not_found' });
    expect((await beige.call('POST', '/console/api/publishing/site/demo-kiosk-2/rollback', { seq: 1 })).body).toEqual({ error: 'not_found' });
    const beigeSees = ((await beige.call('GET', '/console/api/publishing/site')).body.points as Array<{ point: { kioskId: string } }>).map((p) => p.point.kioskId);
    expect(beigeSees).toEqual(['demo-kiosk-3']);

    const site = ((await tuwo.call('GET', '/console/api/publishing/site')).body.points as Array<{ point: { kioskId: string }; history: Publication[] }>).find((p) => p.point.kioskId === 'demo-kiosk-2')!;
    const baseline = site.history.at(-1)!;
    expect((await tuwo.call('POST', '/console/api/publishing/site/demo-kiosk-2/rollback', { seq: baseline.seq })).status).toBe(200);
    expect((await kiosk('demo-kiosk-2').pullConfig(0))!.site!.body).toMatchObject({ onDuty: '李秀英', consultationPhone: '0351-12333' });
  });
});
