import { fleetRoutes } from '../../src/county/console/fleet-routes';
import { registerPoint } from '../../src/county/console/points';
import type { CountyDatabase } from '../../src/county/db/connection';
import type { Fleet } from '../../src/shared/console/api';
import { closeTestCountyDatabase, openTestCountyDatabase } from '../support/county-database';
import { startConsoleRoutes, type ConsoleCaller, type ConsoleRoutesApp } from '../support/console-routes-app';

/**
 * GET /console/api/fleet (fleet-routes.ts) behind the console's session hooks, in-process on a county database: a
 * malformed table query answered 400, the account's own scope, the gateway's clock, and the silent time (15 minutes
 * unless the console is set otherwise). console-fleet.test.ts covers the route through a started county and kiosks.
 */
const T1 = '140105001';
const T2 = '140105002';
const NOW = Date.parse('2026-12-01T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('the fleet route', () => {
  let county: CountyDatabase;
  const apps: ConsoleRoutesApp[] = [];
  const start = async (silentAfterSeconds?: number) => {
    const started = await startConsoleRoutes(county, [fleetRoutes], { now: () => new Date(NOW), ...(silentAfterSeconds === undefined ? {} : { silentAfterSeconds }) });
    apps.push(started);
    return started;
  };
  let township: ConsoleCaller;

  beforeAll(async () => {
    county = await openTestCountyDatabase('fleet-route-');
    await registerPoint(county.query, { kioskId: 'kiosk-east', divisionCode: `${T1}001`, name: { 'zh-CN': '东村', en: 'East village' }, level: 'village' });
    await registerPoint(county.query, { kioskId: 'kiosk-west', divisionCode: `${T1}002`, name: { 'zh-CN': '西村', en: 'West village' }, level: 'village' });
    await registerPoint(county.query, { kioskId: 'kiosk-hill', divisionCode: `${T2}001`, name: { 'zh-CN': '山村', en: 'Hill village' }, level: 'village' });
    // East heard 14 minutes ago (silent only with a shorter silent time), hill a minute ago, west never.
    const heard = (kioskId: string, at: number) => ({ kiosk_id: kioskId, heartbeat_at: iso(at), devices: '[]', devices_in_trouble: 0, queue_depth: 0, rejected: 0, oldest_pending_at: null, app_version: '1.0.0', config_version: 1, catalog_version: 1, clock_offset_seconds: 0 });
    await county.query.insertInto('fleet_status').values([heard('kiosk-east', NOW - 14 * 60_000), heard('kiosk-hill', NOW - 60_000)]).execute();
    township = await (await start()).signedIn({ id: 'town1', displayName: '王所长', roles: ['township'], scope: { kind: 'township', township: T1 } });
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await closeTestCountyDatabase(county);
  });

  it("answers one page of the account's own points at the gateway's clock, silent after 15 minutes by default", async () => {
    const res = await township('GET', '/console/api/fleet?sort=point&limit=1');
    expect(res.status).toBe(200);
    const fleet = res.body as unknown as Fleet;
    expect(fleet).toMatchObject({ now: iso(NOW), silentAfterSeconds: 900, page: { total: 2, matched: 2, offset: 0, limit: 1 }, silent: 1, attention: 1 });
    expect(fleet.rows.map((r) => [r.point.kioskId, r.silent])).toEqual([['kiosk-east', false]]);
    const next = (await township('GET', '/console/api/fleet?sort=point&offset=1')).body as unknown as Fleet;
    expect(next.rows.map((r) => [r.point.kioskId, r.silent])).toEqual([['kiosk-west', true]]);
  });

  it('counts a point silent after the silent time the console is set to', async () => {
    const admin = await (await start(10 * 60)).signedIn({ id: 'admin', displayName: '赵科长', roles: ['countyAdmin'], scope: { kind: 'county' } });
    const fleet = (await admin('GET', '/console/api/fleet?only=attention')).body as unknown as Fleet;
    expect(fleet).toMatchObject({ silentAfterSeconds: 600, page: { total: 3, matched: 2 }, silent: 2, attention: 2 });
    expect(fleet.rows.map((r) => r.point.kioskId).sort()).toEqual(['kiosk-east', 'kiosk-west']);
  });

  it('answers 400 to a table query it cannot read, naming no rows', async () => {
    for (const query of ['sort=point;drop', 'limit=0', 'limit=201', 'offset=-1', 'desc=2', `q=${'x'.repeat(101)}`]) {
      expect(await township('GET', `/console/api/fleet?${query}`)).toEqual({ status: 400, body: { error: 'invalid_body' } });
    }
  });
});
