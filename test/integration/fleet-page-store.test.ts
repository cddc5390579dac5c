import { fleet } from '../../src/county/console/fleet';
import type { CountyDatabase } from '../../src/county/db/connection';
import type { CountyTables } from '../../src/county/db/tables';
import type { Scope } from '../../src/shared/console/api';
import { TableQuerySchema, type TableQuery } from '../../src/shared/console/table-query';
import { closeTestCountyDatabase, openTestCountyDatabase } from '../support/county-database';

/**
 * The fleet page (fleet.ts) called directly on the county database: which points a scope sees, which are silent (to
 * the millisecond of the cutoff) or need attention, the counts over all of them beside the page, every column of a
 * row, the text filter, the attention filter, each sort either way with empty cells last, and paging.
 * console-fleet.test.ts covers the fleet through a started county, its heartbeats and the console's route.
 */
const T1 = '140105001';
const T2 = '140105002';
const NOW = Date.parse('2026-12-01T12:00:00.000Z');
const SILENT_AFTER = 600;
const CUTOFF = NOW - SILENT_AFTER * 1000;
const iso = (ms: number) => new Date(ms).toISOString();
const COUNTY: Scope = { kind: 'county' };
const page = (query: TableQuery = {}) => TableQuerySchema.parse(query);

type Status = CountyTables['fleet_status'];
/** The fleet_status row of a point heard from (figures as the refresh would keep them); fields given replace these. */
const heardFrom = (kioskId: string, over: Partial<Status>): Status => ({
  kiosk_id: kioskId,
  heartbeat_at: iso(NOW - 60_000),
  devices: '[]',
  devices_in_trouble: 0,
  queue_depth: 0,
  rejected: 0,
  oldest_pending_at: null,
  app_version: '1.0.0',
  config_version: 1,
  catalog_version: 1,
  clock_offset_seconds: 0,
  ...over,
});

describe('the fleet page on the county database', () => {
  let county: CountyDatabase;
  const ids = (rows: { point: { kioskId: string } }[]) => rows.map((r) => r.point.kioskId);
  const look = (query: TableQuery = {}, scope: Scope = COUNTY, silentAfter = SILENT_AFTER, now = NOW) => fleet(county.query, scope, new Date(now), silentAfter, page(query));

  beforeAll(async () => {
    county = await openTestCountyDatabase('fleet-page-');
    // Seven points: five in township 1 with every kind of status, two in township 2.
    const point = (kioskId: string, division: string, zh: string, en: string) => ({ kiosk_id: kioskId, division_code: division, township: division.slice(0, 9), name_zh: zh, name_en: en, level: 'village' });
    await county.query
      .insertInto('points')
      .values([
        point('k-fine', `${T1}001`, '东村', 'East village'),
        point('k-edge', `${T1}002`, '西村', 'West village'),
        point('k-late', `${T1}003`, '南村', 'South village'),
        point('k-never', `${T1}004`, '北村', 'North village'),
        point('k-trouble', `${T1}005`, '中村', 'Middle village'),
        point('k-reject', `${T2}001`, '上村', 'Upper village'),
        point('k_pct', `${T2}002`, '下村', '100% village'),
      ])
      .execute();
    const devices = [
      { id: 'slip', kind: 'printer', state: 'paperOut' },
      { id: 'reader', kind: 'idCard', state: 'online' },
    ];
    await county.query
      .insertInto('fleet_status')
      .values([
        heardFrom('k-fine', { heartbeat_at: iso(NOW - 1000), queue_depth: 4, oldest_pending_at: iso(NOW - 3_600_000), app_version: '1.4.2', config_version: 17, catalog_version: 9, clock_offset_seconds: -3 }),
        // Heard exactly at the cutoff: not yet silent (silent is strictly older).
        heardFrom('k-edge', { heartbeat_at: iso(CUTOFF), queue_depth: 1, app_version: '1.3.0', config_version: 5, catalog_version: 2, clock_offset_seconds: 7 }),
        heardFrom('k-late', { heartbeat_at: iso(CUTOFF - 1), queue_depth: 9, oldest_pending_at: iso(NOW - 7_200_000), app_version: '1.2.0', config_version: 3, catalog_version: 4, clock_offset_seconds: 91 }),
        heardFrom('k-trouble', { heartbeat_at: iso(NOW - 2000), devices: JSON.stringify(devices), devices_in_trouble: 1, queue_depth: 2, app_version: '1.5.0', config_version: 20, catalog_version: 11, clock_offset_seconds: 0 }),
        heardFrom('k-reject', { heartbeat_at: iso(NOW - 3000), rejected: 2, queue_depth: 0, app_version: '1.1.0', config_version: 8, catalog_version: 6, clock_offset_seconds: -40 }),
        heardFrom('k_pct', { heartbeat_at: iso(NOW - 4000), app_version: null, config_version: null, catalog_version: null, queue_depth: null, rejected: null, clock_offset_seconds: null }),
      ])
      .execute();
    await county.query
      .insertInto('deliveries')
      .values([
        { kiosk_id: 'k-fine', item_id: 'a', outcome: 'accepted', at: iso(NOW - 50_000) },
        { kiosk_id: 'k-fine', item_id: 'b', outcome: 'accepted', at: iso(NOW - 20_000) },
        { kiosk_id: 'k-late', item_id: 'c', outcome: 'accepted', at: iso(NOW - 90_000) },
      ])
      .execute();
  });
  afterAll(() => closeTestCountyDatabase(county));

  it('shows every column of a row, and a point never heard from as silent with empty figures', async () => {
    const answer = await look({ sort: 'point' });
    expect(answer.now).toBe(iso(NOW));
    expect(answer.silentAfterSeconds).toBe(SILENT_AFTER);
    const byId = new Map(answer.rows.map((r) => [r.point.kioskId, r]));
    expect(byId.get('k-trouble')).toEqual({
      point: { kioskId: 'k-trouble', divisionCode: `${T1}005`, township: T1, name: { 'zh-CN': '中村', en: 'Middle village' }, level: 'village' },
      lastHeartbeatAt: iso(NOW - 2000),
      silent: false,
      devices: [
        { id: 'slip', kind: 'printer', state: 'paperOut' },
        { id: 'reader', kind: 'idCard', state: 'online' },
      ],
      devicesInTrouble: 1,
      queueDepth: 2,
      rejected: 0,
      oldestPendingAt: null,
      lastItemsAt: null,
      appVersion: '1.5.0',
      configVersion: 20,
      catalogVersion: 11,
      clockOffsetSeconds: 0,
    });
    expect(byId.get('k-fine')).toMatchObject({ lastItemsAt: iso(NOW - 20_000), oldestPendingAt: iso(NOW - 3_600_000), queueDepth: 4, clockOffsetSeconds: -3 });
    expect(byId.get('k-never')).toEqual({
      point: { kioskId: 'k-never', divisionCode: `${T1}004`, township: T1, name: { 'zh-CN': '北村', en: 'North village' }, level: 'village' },
      lastHeartbeatAt: null,
      silent: true,
      devices: [],
      devicesInTrouble: 0,
      queueDepth: null,
      rejected: null,
      oldestPendingAt: null,
      lastItemsAt: null,
      appVersion: null,
      configVersion: null,
      catalogVersion: null,
      clockOffsetSeconds: null,
    });
  });

  it('counts a point silent when its heartbeat is older than the cutoff by a millisecond, or never came', async () => {
    const answer = await look({ sort: 'point' });
    expect(answer.rows.filter((r) => r.silent).map((r) => r.point.kioskId)).toEqual(['k-never', 'k-late']);
    expect(answer.silent).toBe(2);
    // A millisecond later the point heard at the cutoff falls silent too; a longer silent time spares the late one.
    const later = await look({ sort: 'point' }, COUNTY, SILENT_AFTER, NOW + 1);
    expect(later.rows.filter((r) => r.silent).map((r) => r.point.kioskId)).toEqual(['k-never', 'k-late', 'k-edge']);
    expect(later.silent).toBe(3);
    const longer = await look({ sort: 'point' }, COUNTY, SILENT_AFTER + 1);
    expect(longer.rows.filter((r) => r.silent).map((r) => r.point.kioskId)).toEqual(['k-never']);
    expect(longer.silent).toBe(1);
  });

  it('counts every point in scope, the silent and those needing attention (silent, a device in trouble, items rejected)', async () => {
    const all = await look({ limit: 2 });
    expect(all.page).toEqual({ total: 7, matched: 7, offset: 0, limit: 2 });
    expect(all.rows).toHaveLength(2);
    expect(all).toMatchObject({ silent: 2, attention: 4 });
    const attention = await look({ only: 'attention', sort: 'point' });
    expect(ids(attention.rows)).toEqual(['k-reject', 'k-trouble', 'k-never', 'k-late']);
    expect(attention.page).toEqual({ total: 7, matched: 4, offset: 0, limit: 50 });
    // Any other narrowing word narrows nothing.
    expect((await look({ only: 'behind' })).page.matched).toBe(7);
  });

  it('shows a township its own points only, and named points only those, with counts over them alone', async () => {
    const township = await look({ sort: 'point' }, { kind: 'township', township: T2 });
    expect(ids(township.rows)).toEqual(['k-reject', 'k_pct']);
    expect(township).toMatchObject({ page: { total: 2, matched: 2 }, silent: 0, attention: 1 });
    const points = await look({ sort: 'point' }, { kind: 'points', points: [`${T1}003`, `${T2}002`] });
    expect(ids(points.rows)).toEqual(['k_pct', 'k-late']);
    expect(points).toMatchObject({ page: { total: 2, matched: 2 }, silent: 1, attention: 1 });
    const nowhere = await look({}, { kind: 'township', township: '140105009' });
    expect(nowhere).toMatchObject({ rows: [], page: { total: 0, matched: 0 }, silent: 0, attention: 0 });
  });

  it('filters by names, division code and kiosk id, with LIKE wildcards taken literally', async () => {
    expect(ids((await look({ q: '南村' })).rows)).toEqual(['k-late']);
    expect(ids((await look({ q: 'Middle' })).rows)).toEqual(['k-trouble']);
    expect(ids((await look({ q: `${T2}00`, sort: 'point' })).rows)).toEqual(['k-reject', 'k_pct']);
    const byKiosk = await look({ q: 'k-ne' });
    expect(ids(byKiosk.rows)).toEqual(['k-never']);
    expect(byKiosk.page).toEqual({ total: 7, matched: 1, offset: 0, limit: 50 });
    expect(ids((await look({ q: '%' })).rows)).toEqual(['k_pct']);
    expect(ids((await look({ q: 'k_' })).rows)).toEqual(['k_pct']);
    // The text filter and the attention filter together, in a township.
    const both = await look({ q: 'village', only: 'attention', sort: 'point' }, { kind: 'township', township: T1 });
    expect(ids(both.rows)).toEqual(['k-trouble', 'k-never', 'k-late']);
    expect(both).toMatchObject({ page: { total: 5, matched: 3 }, silent: 2, attention: 3 });
  });

  it('sorts by each column either way, empty cells last, then by division code; by heartbeat when the sort is unknown', async () => {
    const order = async (sort: string | undefined, desc?: '1') => ids((await look({ ...(sort ? { sort } : {}), ...(desc ? { desc } : {}) })).rows);
    expect(await order('point')).toEqual(['k-reject', 'k_pct', 'k-fine', 'k-trouble', 'k-never', 'k-late', 'k-edge']);
    expect(await order('heartbeat')).toEqual(['k-late', 'k-edge', 'k_pct', 'k-reject', 'k-trouble', 'k-fine', 'k-never']);
    expect(await order('heartbeat', '1')).toEqual(['k-fine', 'k-trouble', 'k-reject', 'k_pct', 'k-edge', 'k-late', 'k-never']);
    expect(await order(undefined)).toEqual(await order('heartbeat'));
    expect(await order('nosuchcolumn')).toEqual(await order('heartbeat'));
    expect(await order('devices', '1')).toEqual(['k-trouble', 'k-fine', 'k-edge', 'k-late', 'k-reject', 'k_pct', 'k-never']);
    expect(await order('queue')).toEqual(['k-reject', 'k-edge', 'k-trouble', 'k-fine', 'k-late', 'k-never', 'k_pct']);
    expect(await order('oldest')).toEqual(['k-late', 'k-fine', 'k-edge', 'k-never', 'k-trouble', 'k-reject', 'k_pct']);
    expect(await order('items', '1')).toEqual(['k-fine', 'k-late', 'k-edge', 'k-never', 'k-trouble', 'k-reject', 'k_pct']);
    expect(await order('app')).toEqual(['k-reject', 'k-late', 'k-edge', 'k-fine', 'k-trouble', 'k-never', 'k_pct']);
    expect(await order('config')).toEqual(['k-late', 'k-edge', 'k-reject', 'k-fine', 'k-trouble', 'k-never', 'k_pct']);
    expect(await order('catalog', '1')).toEqual(['k-trouble', 'k-fine', 'k-reject', 'k-late', 'k-edge', 'k-never', 'k_pct']);
    expect(await order('clock')).toEqual(['k-reject', 'k-fine', 'k-trouble', 'k-edge', 'k-late', 'k-never', 'k_pct']);
  });

  it('answers the page asked for, with the total and matched counts of the whole', async () => {
    const second = await look({ sort: 'point', offset: 2, limit: 3 });
    expect(ids(second.rows)).toEqual(['k-fine', 'k-trouble', 'k-never']);
    expect(second.page).toEqual({ total: 7, matched: 7, offset: 2, limit: 3 });
    const past = await look({ sort: 'point', offset: 7 });
    expect(past.rows).toEqual([]);
    expect(past.page).toEqual({ total: 7, matched: 7, offset: 7, limit: 50 });
  });

  it('reads each point heard from since the last look before answering', async () => {
    await county.query
      .insertInto('heartbeats')
      .values({ kiosk_id: 'k-never', at: iso(NOW - 5000), body: JSON.stringify({ kioskId: 'k-never', at: iso(NOW - 5000), appVersion: '2.0.0', configVersion: 30, queueDepth: 6, rejected: 0, oldestPendingAt: null, devices: [] }) })
      .execute();
    try {
      const answer = await look({ sort: 'point' });
      expect(answer.rows.find((r) => r.point.kioskId === 'k-never')).toMatchObject({ lastHeartbeatAt: iso(NOW - 5000), silent: false, appVersion: '2.0.0', configVersion: 30, queueDepth: 6 });
      expect(answer).toMatchObject({ silent: 1, attention: 3 });
    } finally {
      await county.query.deleteFrom('heartbeats').execute();
      await county.query.deleteFrom('fleet_status').where('kiosk_id', '=', 'k-never').execute();
    }
  });
});
