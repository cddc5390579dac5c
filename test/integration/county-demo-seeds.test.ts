import { seedConsoleDemo } from '../../src/county/console';
import { DEMO_CONSOLE_ACCOUNTS, DEMO_POINTS } from '../../src/county/console/console-demo-seed';
import { parseHash, verifyPassword as verifyConsolePassword } from '../../src/county/console/password-hash';
import { DEMO_MILESTONES } from '../../src/county/console/programme';
import { publishConfigPart, registerKiosk } from '../../src/county/county-state';
import type { CountyDatabase } from '../../src/county/db/connection';
import { DEMO_KIOSK_ID, DEMO_KIOSK_SECRET, DEMO_STAFF_PASSWORDS, seedDemo } from '../../src/county/demo-seed';
import { demoVillageDuties } from '../../src/county/village-demo';
import { verifyPassword as verifyKioskPassword } from '../../src/main/services/staff';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { CURRENT_SCRYPT, parsePasswordHash } from '../../src/shared/sync/password-hash';
import type { StaffAccount } from '../../src/shared/sync/protocol';
import { closeTestCountyDatabase, openTestCountyDatabase } from '../support/county-database';
import { TEST_HASH_PARAMS } from '../support/console-fixtures';

/**
 * The demo seeds (demo-seed.ts, console-demo-seed.ts) on county databases: what each one stores, field by field, and
 * that seeding again changes nothing but re-registers the demo kiosks (a county whose demo secret was changed gets
 * it back). Each test seeds its own database inside the test, not in a beforeAll: Stryker counts what runs in a
 * beforeAll as static and then runs only the tests that reach the seed themselves. seedDemo hashes three passwords
 * at current guidance (seconds), so it runs twice in all here.
 */
const NOW = new Date('2026-11-30T16:30:00.000Z');
// Seconds when the machine is quiet; minutes under a mutation run on a loaded 2-core machine.
jest.setTimeout(180_000);

describe('the demo seeds', () => {
  const opened: CountyDatabase[] = [];
  const open = async () => {
    const county = await openTestCountyDatabase('demo-seed-');
    opened.push(county);
    return county;
  };
  afterAll(async () => {
    for (const county of opened) await closeTestCountyDatabase(county);
  });
  const parts = async (county: CountyDatabase) => Object.fromEntries((await county.query.selectFrom('config_parts').select(['part', 'version', 'body']).orderBy('version').execute()).map((r) => [r.part, { version: r.version, body: JSON.parse(r.body) as unknown }]));
  const kiosks = (county: CountyDatabase) => county.query.selectFrom('kiosks').selectAll().orderBy('id').execute();

  describe('seedDemo', () => {
    it('seeds an empty county: the demo kiosk, staff, announcement, site settings, the catalogue last, every sample resident', async () => {
      const county = await open();
      // A resident already known with an older body: the seed brings it up to date.
      await county.query.insertInto('residents').values({ id_number: SAMPLE_RESIDENTS[0]!.idNumber, body: '{"stale":true}' }).execute();
      await seedDemo(county.query, { catalog: defaultCatalog(), now: NOW });

      expect(await kiosks(county)).toEqual([{ id: DEMO_KIOSK_ID, secret: DEMO_KIOSK_SECRET }]);
      const published = await parts(county);
      expect(Object.keys(published)).toEqual(['staff', 'announcements', 'site', 'catalog']);
      expect(published.announcements!.body).toEqual([
        {
          id: 'winter-2026',
          title: { 'zh-CN': '城乡居民养老保险2027年度缴费开始', en: 'Resident pension contributions for 2027 are open' },
          body: { 'zh-CN': '2027年度城乡居民养老保险缴费已开始，可在本机办理缴费档次变更。', en: 'Contributions for 2027 are open; you can change your contribution grade at this kiosk.' },
          from: NOW.toISOString(),
        },
      ]);
      expect(published.site!.body).toEqual({ onDuty: '李秀英', consultationPhone: '0351-12333' });
      expect(published.catalog!.body).toEqual({ ...defaultCatalog(), version: published.catalog!.version });

      // Two clerks and a technician whose passwords open at a kiosk.
      const staff = published.staff!.body as StaffAccount[];
      expect(staff.map(({ passwordHash: _h, ...rest }) => rest)).toEqual([
        { id: 'clerk-li', username: 'li', displayName: '李秀英', roles: ['clerk'], disabled: false },
        { id: 'clerk-zhao', username: 'zhao', displayName: '赵志强', roles: ['clerk'], disabled: false },
        { id: 'tech-sun', username: 'tech', displayName: '孙技术员', roles: ['technician'], disabled: false },
      ]);
      // The hashes are written in demo-seed.ts: each opens with its own password, at current guidance (a kiosk would
      // otherwise re-hash it at the first login), and not with another's. Each check is a scrypt derivation (a second
      // on a busy machine).
      for (const account of staff) {
        expect(parsePasswordHash(account.passwordHash)?.params).toEqual(CURRENT_SCRYPT);
        expect(await verifyKioskPassword(DEMO_STAFF_PASSWORDS[account.username]!, account.passwordHash)).toBe(true);
      }
      const li = staff.find((a) => a.username === 'li')!;
      expect(await verifyKioskPassword(DEMO_STAFF_PASSWORDS.zhao!, li.passwordHash)).toBe(false);
      expect(new Set(staff.map((a) => a.passwordHash)).size).toBe(3);

      const rows = await county.query.selectFrom('residents').selectAll().orderBy('id_number').execute();
      const expected = SAMPLE_RESIDENTS.map((r) => ({ id_number: r.idNumber, body: JSON.stringify({ idNumber: r.idNumber, name: r.name, sex: r.sex, birthDate: r.birthDate }) })).sort((a, b) => a.id_number.localeCompare(b.id_number));
      expect(rows).toEqual(expected);
    });

    it('without options publishes no catalogue (the kiosks keep the shipped one); again it changes nothing but the demo secret', async () => {
      const county = await open();
      await seedDemo(county.query);
      const before = await parts(county);
      expect(Object.keys(before)).toEqual(['staff', 'announcements', 'site']);
      expect(Date.parse((before.announcements!.body as Array<{ from: string }>)[0]!.from)).not.toBeNaN();

      await registerKiosk(county.query, DEMO_KIOSK_ID, 'a-changed-secret-0123456789');
      await seedDemo(county.query, { catalog: { not: 'a catalogue' }, now: new Date('2027-01-01T00:00:00.000Z') });
      expect(await parts(county)).toEqual(before);
      expect(await kiosks(county)).toEqual([{ id: DEMO_KIOSK_ID, secret: DEMO_KIOSK_SECRET }]);
    });
  });

  describe('seedConsoleDemo', () => {
    const register = (c: CountyDatabase) => c.query.selectFrom('staff_register').select(['id', 'username', 'display_name', 'roles', 'scope', 'password_hash', 'disabled', 'created_at']).orderBy('id').execute();
    const OLD_HASH = `scrypt$ln=17,r=8,p=1$${'A'.repeat(22)}==$${'B'.repeat(43)}=`;

    it('registers the three demo points (and the kiosks of those with a secret), the village list, the accounts and the milestones', async () => {
      const county = await open();
      // A kiosk account the county already published: it joins the register, scoped to 土沃乡.
      await publishConfigPart(county.query, 'staff', [{ id: 'clerk-old', username: 'old', displayName: '老窗口', roles: ['clerk'], passwordHash: OLD_HASH, disabled: true }]);
      await seedConsoleDemo(county.query, { now: NOW, hashParams: TEST_HASH_PARAMS });

      const points = await county.query.selectFrom('points').selectAll().orderBy('kiosk_id').execute();
      expect(points).toEqual(
        DEMO_POINTS.map((p) => ({ kiosk_id: p.kioskId, division_code: p.divisionCode, township: p.divisionCode.slice(0, 9), name_zh: p.name['zh-CN'], name_en: p.name.en, level: p.level })),
      );
      expect(await kiosks(county)).toEqual(DEMO_POINTS.filter((p) => p.secret).map((p) => ({ id: p.kioskId, secret: p.secret })));

      // The demonstration point's village list as of the given time.
      const duties = await county.query.selectFrom('village_duties').select(['division_code', 'kind', 'id_number', 'name', 'date']).orderBy('kind').orderBy('id_number').execute();
      const expectedDuties = demoVillageDuties(NOW)
        .map((e) => ({ division_code: DEMO_POINTS[0]!.divisionCode, kind: e.kind, id_number: e.idNumber, name: e.name, date: e.date }))
        .sort((a, b) => a.kind.localeCompare(b.kind) || a.id_number.localeCompare(b.id_number));
      expect(duties).toEqual(expectedDuties);

      // The three console accounts with their passwords and scopes, and the published kiosk account, all as of NOW.
      const rows = await register(county);
      expect(rows.map((r) => [r.id, Number(r.created_at)])).toEqual(['clerk-old', 'county-admin', 'township-beige', 'township-tuwo'].map((id) => [id, NOW.getTime()]));
      for (const account of DEMO_CONSOLE_ACCOUNTS) {
        const row = rows.find((r) => r.id === account.id)!;
        expect([row.username, row.display_name, JSON.parse(row.roles), JSON.parse(row.scope), row.disabled]).toEqual([account.username, account.displayName, account.roles, account.scope, 0]);
        expect(parseHash(row.password_hash)).toMatchObject(TEST_HASH_PARAMS);
        expect(await verifyConsolePassword(account.password, row.password_hash)).toBe(true);
      }
      const old = rows.find((r) => r.id === 'clerk-old')!;
      expect([old.username, old.display_name, JSON.parse(old.roles), JSON.parse(old.scope), old.disabled, old.password_hash]).toEqual(['old', '老窗口', ['clerk'], { kind: 'township', township: '140105001' }, 1, OLD_HASH]);
      expect(await county.query.selectFrom('programme_milestones').select(['stage', 'due', 'share']).execute()).toEqual(expect.arrayContaining(DEMO_MILESTONES));
      expect(await county.query.selectFrom('programme_milestones').select('stage').execute()).toHaveLength(DEMO_MILESTONES.length);
    });

    it('seeds once: points re-registered, the village list and the register left as they are', async () => {
      const county = await open();
      await seedConsoleDemo(county.query, { now: NOW, hashParams: TEST_HASH_PARAMS });
      await county.query.updateTable('points').set({ name_en: 'renamed' }).execute();
      await county.query.deleteFrom('village_duties').where('kind', '=', 'pinLocked').execute();
      await county.query.deleteFrom('programme_milestones').execute();
      const before = await register(county);
      expect(before.map((r) => r.id)).toEqual(['county-admin', 'township-beige', 'township-tuwo']);
      await seedConsoleDemo(county.query, { now: new Date('2027-03-01T00:00:00.000Z'), hashParams: TEST_HASH_PARAMS });
      expect((await county.query.selectFrom('points').select('name_en').orderBy('kiosk_id').execute()).map((r) => r.name_en)).toEqual(DEMO_POINTS.map((p) => p.name.en));
      expect(await county.query.selectFrom('village_duties').select('kind').where('kind', '=', 'pinLocked').execute()).toEqual([]);
      expect(await register(county)).toEqual(before);
      expect(await county.query.selectFrom('programme_milestones').select('stage').execute()).toEqual([]);
    });

    it('hashes the demo passwords at ln=14 unless told otherwise', async () => {
      const plain = await open();
      await seedConsoleDemo(plain.query);
      for (const row of await register(plain)) expect([row.id, parseHash(row.password_hash)?.ln]).toEqual([row.id, 14]);
      expect(await plain.query.selectFrom('village_duties').select('kind').execute()).toHaveLength(5);
    });
  });
});
