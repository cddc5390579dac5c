import { siteForKiosk } from '../../src/county/console/kiosk-site';
import { staffForKiosk } from '../../src/county/console/kiosk-staff';
import { registerPoint } from '../../src/county/console/points';
import { insertStaff } from '../../src/county/console/staff-register';
import type { CountyDatabase } from '../../src/county/db/connection';
import type { Scope } from '../../src/shared/console/api';
import type { StaffAccount } from '../../src/shared/sync/protocol';
import { closeTestCountyDatabase, openTestCountyDatabase } from '../support/county-database';

/**
 * What one kiosk receives of two county-wide config parts (kiosk-staff.ts, kiosk-site.ts), called directly on the
 * county database: the staff list narrowed to the accounts whose scope covers the kiosk's point (accounts the
 * register does not know, and every account for a kiosk that is no registered point, left as published), and the
 * site settings with the kiosk's own point's on top. staff-scope.test.ts and site-settings-kiosk.test.ts reach the
 * same through a started county and a kiosk's config pull.
 */
const T1 = '140105001';
const T2 = '140105002';
const HASH = 'scrypt$ln=10,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==';
const published = (id: string, disabled = false): StaffAccount => ({ id, username: id, displayName: `名字 ${id}`, roles: ['clerk'], passwordHash: HASH, disabled });

describe('what one kiosk receives of the staff list and the site settings', () => {
  let county: CountyDatabase;
  const register = (id: string, scope: Scope) => insertStaff(county.query, { id, username: id, displayName: `名字 ${id}`, roles: ['clerk'], scope, passwordHash: HASH }, 0);
  const list = [published('county-wide'), published('own-township'), published('other-township'), published('own-point', true), published('other-point'), published('both-points'), published('unregistered')];
  const ids = (accounts: StaffAccount[]) => accounts.map((a) => a.id);

  beforeAll(async () => {
    county = await openTestCountyDatabase('kiosk-parts-');
    await registerPoint(county.query, { kioskId: 'kiosk-east', divisionCode: `${T1}001`, name: { 'zh-CN': '东村', en: 'East village' }, level: 'village' });
    await registerPoint(county.query, { kioskId: 'kiosk-hill', divisionCode: `${T2}001`, name: { 'zh-CN': '山村', en: 'Hill village' }, level: 'village' });
    await register('county-wide', { kind: 'county' });
    await register('own-township', { kind: 'township', township: T1 });
    await register('other-township', { kind: 'township', township: T2 });
    await register('own-point', { kind: 'points', points: [`${T1}001`] });
    await register('other-point', { kind: 'points', points: [`${T1}002`] });
    await register('both-points', { kind: 'points', points: [`${T1}002`, `${T2}001`] });
  });
  afterAll(() => closeTestCountyDatabase(county));

  it("gives a point's kiosk the accounts whose scope covers its point, and the accounts the register does not know", async () => {
    expect(await staffForKiosk(county.query, 'kiosk-east', list)).toEqual([published('county-wide'), published('own-township'), published('own-point', true), published('unregistered')]);
    expect(ids(await staffForKiosk(county.query, 'kiosk-hill', list))).toEqual(['county-wide', 'other-township', 'both-points', 'unregistered']);
  });

  it('gives a kiosk that is no registered point the list as published, and an empty list stays empty', async () => {
    expect(await staffForKiosk(county.query, 'kiosk-test', list)).toEqual(list);
    expect(await staffForKiosk(county.query, 'kiosk-east', [])).toEqual([]);
  });

  it('gives each kiosk the site settings with its own point’s on top, and the county’s alone to the others', async () => {
    const countyWide = { faultResponseMinutes: { point: 60, township: 120, county: 240, vendor: 1440 }, officeHours: [{ days: [1, 2, 3, 4, 5], from: '08:30', to: '17:30' }], idleSeconds: 90 };
    const own = { idleSeconds: 45, faultResponseMinutes: { point: 30, township: 60, county: 120, vendor: 720 } };
    await county.query.insertInto('point_site_settings').values({ kiosk_id: 'kiosk-east', body: JSON.stringify(own) }).execute();
    expect(await siteForKiosk(county.query, 'kiosk-east', countyWide)).toEqual({ officeHours: countyWide.officeHours, idleSeconds: 45, faultResponseMinutes: own.faultResponseMinutes });
    expect(await siteForKiosk(county.query, 'kiosk-hill', countyWide)).toBe(countyWide);
    expect(await siteForKiosk(county.query, 'kiosk-test', countyWide)).toBe(countyWide);
    expect(countyWide.idleSeconds).toBe(90);
  });
});
