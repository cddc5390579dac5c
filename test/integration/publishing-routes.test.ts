import { publishingRoutes } from '../../src/county/console/publishing-routes';
import type { Publication } from '../../src/shared/console/api';
import { startConsoleRouteStand, type ConsoleRouteCaller, type ConsoleRouteStand } from '../support/console-route-stand';

/**
 * The publishing routes (publishing-routes.ts) on a bare fastify with the console's hooks, over the demo county: the
 * announcements (county admins publish and roll back, townships read) and each point's site settings (a township for
 * its own points only): each refusal's status and field with nothing stored, and what a publication and a rollback
 * store, answer and audit. console-publishing.test.ts covers the same through a started county and a kiosk's pull.
 */
const T0 = Date.parse('2026-12-01T09:00:00.000Z');
const spring = { id: 'spring-2027', title: { 'zh-CN': '春风行动招聘会', en: 'Spring job fair' }, body: { 'zh-CN': '2月20日举行。', en: 'On 20 February.' } };
const fair = { id: 'fair-2027', title: { 'zh-CN': '招聘会', en: 'Job fair' }, body: { 'zh-CN': '', en: '' } };

describe('publishing routes', () => {
  let stand: ConsoleRouteStand;
  let admin: ConsoleRouteCaller;
  let tuwo: ConsoleRouteCaller;
  let beige: ConsoleRouteCaller;
  beforeAll(async () => {
    stand = await startConsoleRouteStand([publishingRoutes], { clock: T0, prefix: 'publishing-routes-' });
    admin = await stand.as('county-admin');
    tuwo = await stand.as('township-tuwo');
    beige = await stand.as('township-beige');
  });
  afterAll(() => stand.close());
  const q = () => stand.county.query;
  const part = async (name: string) => (await q().selectFrom('config_parts').select(['version', 'body']).where('part', '=', name).executeTakeFirst()) ?? null;
  const publications = (subject: string) => q().selectFrom('publications').select(['seq', 'body', 'config_version', 'actor_id', 'at', 'rollback_of']).where('subject', '=', subject).orderBy('seq').execute();
  const trail = () => q().selectFrom('audit_log').select(['at', 'actor_id', 'actor_name', 'action', 'target', 'township', 'detail']).where('action', 'like', 'publish.%').orderBy('seq').execute();
  const pointRow = async (kioskId: string) => (await q().selectFrom('point_site_settings').select('body').where('kiosk_id', '=', kioskId).executeTakeFirst())?.body ?? null;

  // The first test calls every route (the stand registers them in it; see console-route-stand.ts).
  it("reaches every route, keeping the county's announcements to the county", async () => {
    expect(await tuwo.call('PUT', '/publishing/announcements', { announcements: [spring] })).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(await tuwo.call('POST', '/publishing/announcements/rollback', { seq: 1 })).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    // The baseline the first look records is dated by the stand's clock (the routes' own `now`, made as they register).
    expect(await admin.call('GET', '/publishing/announcements')).toMatchObject({ status: 200, body: { now: new Date(T0).toISOString(), mayPublish: true, history: [{ at: new Date(T0).toISOString(), current: true }] } });
    expect(await tuwo.call('GET', '/publishing/site')).toMatchObject({ status: 200, body: { points: [{ point: { kioskId: 'demo-kiosk' } }, { point: { kioskId: 'demo-kiosk-2' } }] } });
    expect(await tuwo.call('PUT', '/publishing/site/demo-kiosk-2', { consultationPhone: 'call me' })).toMatchObject({ status: 400, body: { error: 'invalid_body', field: 'consultationPhone' } });
    expect(await tuwo.call('POST', '/publishing/site/demo-kiosk-2/rollback', {})).toMatchObject({ status: 400, body: { error: 'invalid_body', field: 'seq' } });
    expect(await pointRow('demo-kiosk-2')).toBeNull();
  });

  describe('announcements', () => {
    it('shows every account the history and the time, with publishing only for the county', async () => {
      const seeded = (JSON.parse((await part('announcements'))!.body) as Array<{ id: string }>).map((a) => a.id);
      const seen = await admin.call('GET', '/publishing/announcements');
      expect(seen.status).toBe(200);
      expect(seen.body).toEqual({ now: new Date(T0).toISOString(), mayPublish: true, history: [expect.objectContaining({ by: null, current: true, rollbackOf: null, configVersion: (await part('announcements'))!.version })] });
      expect(((seen.body.history as Publication[])[0]!.body as Array<{ id: string }>).map((a) => a.id)).toEqual(seeded);
      const township = await tuwo.call('GET', '/publishing/announcements');
      expect([township.status, township.body.mayPublish, township.body.history]).toEqual([200, false, seen.body.history]);
    });

    it('refuses a township, a list that fails the schema, and a rollback without a known version; nothing is published', async () => {
      const before = { part: await part('announcements'), publications: await publications('announcements') };
      expect(await tuwo.call('PUT', '/publishing/announcements', { announcements: [spring] })).toMatchObject({ status: 403, body: { error: 'forbidden' } });
      expect(await tuwo.call('POST', '/publishing/announcements/rollback', { seq: before.publications[0]!.seq })).toMatchObject({ status: 403, body: { error: 'forbidden' } });
      expect(await admin.call('PUT', '/publishing/announcements', { announcements: [{ ...spring, id: '' }] })).toMatchObject({ status: 400, body: { error: 'invalid_body', field: 'announcements.0.id' } });
      expect(await admin.call('POST', '/publishing/announcements/rollback', {})).toMatchObject({ status: 400, body: { error: 'invalid_body', field: 'seq' } });
      expect(await admin.call('POST', '/publishing/announcements/rollback', { seq: 999_999 })).toMatchObject({ status: 404, body: { error: 'not_found' } });
      expect(await part('announcements')).toEqual(before.part);
      expect(await publications('announcements')).toEqual(before.publications);
      expect(await trail()).toEqual([]);
    });

    it('publishes a list, answers its version and audits it with the ids; a rollback restores the earlier list as a new version', async () => {
      const baseline = (await publications('announcements'))[0]!;
      stand.clock = T0 + 1000;
      const put = await admin.call('PUT', '/publishing/announcements', { announcements: [spring, fair] });
      const published = await part('announcements');
      expect([put.status, put.body]).toEqual([200, { version: published!.version }]);
      expect(JSON.parse(published!.body)).toEqual([spring, fair]);
      expect((await publications('announcements')).at(-1)).toMatchObject({ config_version: published!.version, actor_id: 'county-admin', at: T0 + 1000, rollback_of: null });
      expect(await trail()).toEqual([{ at: T0 + 1000, actor_id: 'county-admin', actor_name: '县人社局 管理员', action: 'publish.announcements', target: `v${published!.version}`, township: null, detail: 'spring-2027,fair-2027' }]);

      stand.clock = T0 + 2000;
      const back = await admin.call('POST', '/publishing/announcements/rollback', { seq: baseline.seq });
      const restored = await part('announcements');
      expect([back.status, back.body]).toEqual([200, { version: restored!.version }]);
      expect(restored!.version).toBeGreaterThan(published!.version);
      expect(restored!.body).toBe(baseline.body);
      expect((await publications('announcements')).at(-1)).toMatchObject({ body: baseline.body, config_version: restored!.version, actor_id: 'county-admin', at: T0 + 2000, rollback_of: baseline.seq });
      expect((await trail()).at(-1)).toEqual({ at: T0 + 2000, actor_id: 'county-admin', actor_name: '县人社局 管理员', action: 'publish.rollback', target: `v${restored!.version}`, township: null, detail: `announcements #${baseline.seq}` });
    });
  });

  describe("a point's site settings", () => {
    it('lists the points in scope, each with the settings its kiosk gets and its history', async () => {
      const seen = await tuwo.call('GET', '/publishing/site');
      expect(seen.status).toBe(200);
      const points = seen.body.points as Array<{ point: { kioskId: string; township: string }; effective: unknown; history: Publication[] }>;
      expect(points.map((p) => [p.point.kioskId, p.point.township])).toEqual([
        ['demo-kiosk', '140105001'],
        ['demo-kiosk-2', '140105001'],
      ]);
      for (const p of points) {
        expect(p.effective).toEqual({ onDuty: '李秀英', consultationPhone: '0351-12333' });
        expect(p.history).toEqual([{ seq: expect.any(Number), at: new Date(T0).toISOString(), by: null, configVersion: 0, rollbackOf: null, current: true, body: {} }]);
      }
      expect(((await beige.call('GET', '/publishing/site')).body.points as Array<{ point: { kioskId: string } }>).map((p) => p.point.kioskId)).toEqual(['demo-kiosk-3']);
    });

    it("refuses another township's point, an unknown or over-long kiosk id, and a bad body; nothing is stored", async () => {
      const before = { site: await part('site'), trail: await trail() };
      expect(await beige.call('PUT', '/publishing/site/demo-kiosk-2', { onDuty: '刘芳' })).toMatchObject({ status: 404, body: { error: 'not_found' } });
      expect(await beige.call('POST', '/publishing/site/demo-kiosk-2/rollback', { seq: 1 })).toMatchObject({ status: 404, body: { error: 'not_found' } });
      expect(await admin.call('PUT', '/publishing/site/no-such-kiosk', { onDuty: '刘芳' })).toMatchObject({ status: 404, body: { error: 'not_found' } });
      expect(await admin.call('PUT', `/publishing/site/${'k'.repeat(65)}`, { onDuty: '刘芳' })).toMatchObject({ status: 404, body: { error: 'not_found' } });
      expect(await admin.call('POST', `/publishing/site/${'k'.repeat(65)}/rollback`, { seq: 1 })).toMatchObject({ status: 404, body: { error: 'not_found' } });
      expect(await tuwo.call('PUT', '/publishing/site/demo-kiosk-2', { consultationPhone: 'call me' })).toMatchObject({ status: 400, body: { error: 'invalid_body', field: 'consultationPhone' } });
      expect(await tuwo.call('POST', '/publishing/site/demo-kiosk-2/rollback', { seq: 0 })).toMatchObject({ status: 400, body: { error: 'invalid_body', field: 'seq' } });
      expect(await tuwo.call('POST', '/publishing/site/demo-kiosk-2/rollback', { seq: 999_999 })).toMatchObject({ status: 404, body: { error: 'not_found' } });
      expect(await pointRow('demo-kiosk-2')).toBeNull();
      expect(await part('site')).toEqual(before.site);
      expect(await trail()).toEqual(before.trail);
    });

    it("publishes a township's point settings, answered, kept and audited under the township; a rollback restores them", async () => {
      stand.clock = T0 + 3000;
      const put = await tuwo.call('PUT', '/publishing/site/demo-kiosk-2', { onDuty: '钱晓燕', consultationPhone: '0351-7000001' });
      const site = await part('site');
      expect([put.status, put.body]).toEqual([200, { version: site!.version }]);
      expect(JSON.parse((await pointRow('demo-kiosk-2'))!)).toEqual({ onDuty: '钱晓燕', consultationPhone: '0351-7000001' });
      expect((await trail()).at(-1)).toEqual({ at: T0 + 3000, actor_id: 'township-tuwo', actor_name: '土沃乡人社所 王建国', action: 'publish.site', target: 'demo-kiosk-2', township: '140105001', detail: `v${site!.version}` });
      const mine = ((await tuwo.call('GET', '/publishing/site')).body.points as Array<{ point: { kioskId: string }; effective: unknown; history: Publication[] }>).find((p) => p.point.kioskId === 'demo-kiosk-2')!;
      expect(mine.effective).toEqual({ onDuty: '钱晓燕', consultationPhone: '0351-7000001' });
      expect(mine.history.map((h) => [h.by, h.configVersion, h.current])).toEqual([
        ['土沃乡人社所 王建国', site!.version, true],
        [null, 0, false],
      ]);

      stand.clock = T0 + 4000;
      const baseline = mine.history[1]!;
      const back = await admin.call('POST', '/publishing/site/demo-kiosk-2/rollback', { seq: baseline.seq });
      const after = await part('site');
      expect([back.status, back.body]).toEqual([200, { version: after!.version }]);
      expect(after!.version).toBeGreaterThan(site!.version);
      expect(await pointRow('demo-kiosk-2')).toBe('{}');
      expect((await publications('site:demo-kiosk-2')).at(-1)).toMatchObject({ body: '{}', config_version: after!.version, actor_id: 'county-admin', at: T0 + 4000, rollback_of: baseline.seq });
      expect((await trail()).at(-1)).toEqual({ at: T0 + 4000, actor_id: 'county-admin', actor_name: '县人社局 管理员', action: 'publish.rollback', target: 'demo-kiosk-2', township: '140105001', detail: `site #${baseline.seq}` });
    });
  });
});
