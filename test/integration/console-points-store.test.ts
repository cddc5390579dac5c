import { pointInScope, pointsInScope, pointsInScopeByKiosk, registerPoint } from '../../src/county/console/points';
import type { CountyDatabase } from '../../src/county/db/connection';
import type { Point, Scope } from '../../src/shared/console/api';
import { closeTestCountyDatabase, openTestCountyDatabase } from '../support/county-database';

/**
 * The county's register of service points (points.ts) called directly on the county database: what registering a
 * point stores (its township from the division code) and what registering it again replaces, and which points each
 * scope sees, in division-code order, by kiosk, or one at a time (null outside sight). The console tests reach the
 * same through a started county and its seeded demo points.
 */
const T1 = '140105001';
const T2 = '140105002';
const east: Omit<Point, 'township'> = { kioskId: 'kiosk-east', divisionCode: `${T1}002`, name: { 'zh-CN': '东村', en: 'East village' }, level: 'village' };
const west: Omit<Point, 'township'> = { kioskId: 'kiosk-west', divisionCode: `${T1}001`, name: { 'zh-CN': '西村', en: 'West village' }, level: 'demonstration' };
const hill: Omit<Point, 'township'> = { kioskId: 'kiosk-hill', divisionCode: `${T2}001`, name: { 'zh-CN': '山村', en: 'Hill village' }, level: 'village' };
const inTownship = (p: Omit<Point, 'township'>): Point => ({ ...p, township: p.divisionCode.slice(0, 9) });

describe('the register of service points on the county database', () => {
  let county: CountyDatabase;
  const stored = () => county.query.selectFrom('points').selectAll().orderBy('kiosk_id').execute();

  beforeAll(async () => {
    county = await openTestCountyDatabase('console-points-');
  });
  afterAll(() => closeTestCountyDatabase(county));

  it('stores each point with its township, the first nine digits of its division code', async () => {
    for (const p of [east, west, hill]) await registerPoint(county.query, p);
    expect(await stored()).toEqual([
      { kiosk_id: 'kiosk-east', division_code: `${T1}002`, township: T1, name_zh: '东村', name_en: 'East village', level: 'village' },
      { kiosk_id: 'kiosk-hill', division_code: `${T2}001`, township: T2, name_zh: '山村', name_en: 'Hill village', level: 'village' },
      { kiosk_id: 'kiosk-west', division_code: `${T1}001`, township: T1, name_zh: '西村', name_en: 'West village', level: 'demonstration' },
    ]);
  });

  it('shows the county every point, a township its own, named points those only, each in division-code order', async () => {
    expect(await pointsInScope(county.query, { kind: 'county' })).toEqual([inTownship(west), inTownship(east), inTownship(hill)]);
    expect(await pointsInScope(county.query, { kind: 'township', township: T1 })).toEqual([inTownship(west), inTownship(east)]);
    expect(await pointsInScope(county.query, { kind: 'township', township: T2 })).toEqual([inTownship(hill)]);
    expect(await pointsInScope(county.query, { kind: 'township', township: '140105003' })).toEqual([]);
    expect(await pointsInScope(county.query, { kind: 'points', points: [hill.divisionCode, east.divisionCode] })).toEqual([inTownship(east), inTownship(hill)]);
    expect(await pointsInScope(county.query, { kind: 'points', points: [`${T2}009`] })).toEqual([]);
  });

  it('answers the points a scope sees by kiosk id', async () => {
    const byKiosk = await pointsInScopeByKiosk(county.query, { kind: 'township', township: T1 });
    expect([...byKiosk.entries()]).toEqual([
      ['kiosk-west', inTownship(west)],
      ['kiosk-east', inTownship(east)],
    ]);
    expect((await pointsInScopeByKiosk(county.query, { kind: 'county' })).size).toBe(3);
  });

  it('answers one point when the scope sees it, and null for a point outside it or no point at all', async () => {
    const sees = (scope: Scope, kioskId: string) => pointInScope(county.query, scope, kioskId);
    expect(await sees({ kind: 'county' }, 'kiosk-hill')).toEqual(inTownship(hill));
    expect(await sees({ kind: 'township', township: T1 }, 'kiosk-east')).toEqual(inTownship(east));
    expect(await sees({ kind: 'township', township: T1 }, 'kiosk-hill')).toBeNull();
    expect(await sees({ kind: 'points', points: [west.divisionCode] }, 'kiosk-west')).toEqual(inTownship(west));
    expect(await sees({ kind: 'points', points: [west.divisionCode] }, 'kiosk-east')).toBeNull();
    expect(await sees({ kind: 'county' }, 'kiosk-none')).toBeNull();
  });

  it('replaces every part of a point registered again under its kiosk id, township included, and keeps the others', async () => {
    const moved: Omit<Point, 'township'> = { kioskId: 'kiosk-east', divisionCode: `${T2}002`, name: { 'zh-CN': '新东村', en: 'New East village' }, level: 'demonstration' };
    await registerPoint(county.query, moved);
    expect(await stored()).toEqual([
      { kiosk_id: 'kiosk-east', division_code: `${T2}002`, township: T2, name_zh: '新东村', name_en: 'New East village', level: 'demonstration' },
      { kiosk_id: 'kiosk-hill', division_code: `${T2}001`, township: T2, name_zh: '山村', name_en: 'Hill village', level: 'village' },
      { kiosk_id: 'kiosk-west', division_code: `${T1}001`, township: T1, name_zh: '西村', name_en: 'West village', level: 'demonstration' },
    ]);
    expect(await pointInScope(county.query, { kind: 'township', township: T1 }, 'kiosk-east')).toBeNull();
    expect(await pointsInScope(county.query, { kind: 'township', township: T2 })).toEqual([inTownship(hill), inTownship(moved)]);
  });
});
