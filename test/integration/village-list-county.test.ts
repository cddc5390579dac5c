import { registerPoint } from '../../src/county/console/points';
import { insertStaff } from '../../src/county/console/staff-register';
import { replaceVillageDuties, villageListFor } from '../../src/county/village-list';
import type { CountyDatabase } from '../../src/county/db/connection';
import type { Scope, StaffRole } from '../../src/shared/console/api';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import type { VillageDutyEntry } from '../../src/shared/sync/village-list';
import { countyTestEngine, openTestCountyDatabase } from '../support/county-database';

const POINT = '140105001201'; // 东庄村, township 140105001
const OTHER = '140105001202'; // another village of the same township
const NOW = new Date('2026-11-02T03:00:00.000Z');
const r = SAMPLE_RESIDENTS.filter((s) => /^\d{17}[\dX]$/.test(s.idNumber));
const duty = (kind: VillageDutyEntry['kind'], n: number, date: string, name = r[n]!.name): VillageDutyEntry => ({ kind, idNumber: r[n]!.idNumber, name, date });

/**
 * The clerk's village list at the county (store level, on the test engine): clerk-day.test.ts and staff-scope.test.ts
 * read it through a kiosk; here the feed's replacement, the order, the masking, each refusal and the audit trail.
 */
describe(`the village list at the county (${countyTestEngine})`, () => {
  let db: CountyDatabase;
  beforeAll(async () => {
    db = await openTestCountyDatabase('county-village-list-');
    await registerPoint(db.query, { kioskId: 'kiosk-a', divisionCode: POINT, name: { 'zh-CN': '东庄村服务点', en: 'Dongzhuang' }, level: 'village' });
    await registerPoint(db.query, { kioskId: 'kiosk-b', divisionCode: OTHER, name: { 'zh-CN': '西庄村服务点', en: 'Xizhuang' }, level: 'village' });
    const staff = (id: string, roles: StaffRole[], scope: Scope, disabled = false) =>
      insertStaff(db.query, { id, username: id, displayName: `name of ${id}`, roles, scope, passwordHash: 'x', disabled }, NOW.getTime());
    await staff('clerk-li', ['clerk'], { kind: 'points', points: [POINT] });
    await staff('clerk-township', ['clerk'], { kind: 'township', township: '140105001' });
    await staff('clerk-other', ['clerk'], { kind: 'points', points: [OTHER] });
    await staff('clerk-gone', ['clerk'], { kind: 'points', points: [POINT] }, true);
    await staff('tech', ['technician'], { kind: 'county' });
  });
  afterAll(() => db.close());
  const trail = () => db.query.selectFrom('audit_log').select(['actor_id', 'actor_name', 'action', 'target', 'township', 'detail']).orderBy('seq').execute();

  it('replaces a point’s whole list, one entry per kind and person, leaving other points alone', async () => {
    expect(await replaceVillageDuties(db.query, OTHER, [duty('pinLocked', 0, '2026-10-01')])).toBe(1);
    expect(await replaceVillageDuties(db.query, POINT, [duty('pinLocked', 1, '2026-10-01'), duty('cardExpiring', 2, '2026-12-01')])).toBe(2);
    // The next feed: what is no longer due goes; the same person twice under one kind is one entry (the last one).
    const entries = [duty('certificationDue', 3, '2026-11-30'), duty('certificationDue', 3, '2026-11-20'), duty('pinLocked', 3, '2026-10-05')];
    expect(await replaceVillageDuties(db.query, POINT, entries)).toBe(2);
    const rows = await db.query.selectFrom('village_duties').select(['division_code', 'kind', 'id_number', 'name', 'date']).orderBy('division_code').orderBy('kind').execute();
    expect(rows).toStrictEqual([
      { division_code: POINT, kind: 'certificationDue', id_number: r[3]!.idNumber, name: r[3]!.name, date: '2026-11-20' },
      { division_code: POINT, kind: 'pinLocked', id_number: r[3]!.idNumber, name: r[3]!.name, date: '2026-10-05' },
      { division_code: OTHER, kind: 'pinLocked', id_number: r[0]!.idNumber, name: r[0]!.name, date: '2026-10-01' },
    ]);
    expect(await replaceVillageDuties(db.query, POINT, [])).toBe(0);
    expect(await db.query.selectFrom('village_duties').select('division_code').execute()).toStrictEqual([{ division_code: OTHER }]);
  });

  it('keeps a feed larger than one insert whole', async () => {
    const many = Array.from({ length: 450 }, (_, i) => ({ kind: 'contributionUnpaid' as const, idNumber: `1401050012010${String(i).padStart(4, '0')}X`, name: `村民${i}`, date: '2026-12-31' }));
    expect(await replaceVillageDuties(db.query, POINT, many)).toBe(450);
    const count = await db.query.selectFrom('village_duties').select((e) => e.fn.countAll<number>().as('n')).where('division_code', '=', POINT).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(450);
  });

  it('gives a clerk of the point its list by kind, date and name in pinyin order, ID numbers masked, and notes the read', async () => {
    await replaceVillageDuties(db.query, POINT, [
      duty('contributionUnpaid', 0, '2026-12-31'),
      duty('pinLocked', 1, '2026-10-05', '张三'),
      duty('certificationDue', 2, '2026-11-30', '王五'),
      duty('certificationDue', 3, '2026-11-30', '李四'),
      duty('certificationDue', 4, '2026-11-20', '赵六'),
      duty('cardExpiring', 5, '2026-12-01'),
    ]);
    const before = (await trail()).length;
    const outcome = await villageListFor(db.query, 'kiosk-a', 'clerk-li', NOW);
    const masked = (n: number) => `${r[n]!.idNumber.slice(0, 4)}**********${r[n]!.idNumber.slice(-4)}`;
    expect(outcome).toStrictEqual({
      ok: true,
      list: {
        divisionCode: POINT,
        entries: [
          { kind: 'certificationDue', name: '赵六', idMasked: masked(4), date: '2026-11-20' },
          { kind: 'certificationDue', name: '李四', idMasked: masked(3), date: '2026-11-30' },
          { kind: 'certificationDue', name: '王五', idMasked: masked(2), date: '2026-11-30' },
          { kind: 'cardExpiring', name: r[5]!.name, idMasked: masked(5), date: '2026-12-01' },
          { kind: 'pinLocked', name: '张三', idMasked: masked(1), date: '2026-10-05' },
          { kind: 'contributionUnpaid', name: r[0]!.name, idMasked: masked(0), date: '2026-12-31' },
        ],
      },
    });
    expect(JSON.stringify(outcome)).not.toContain(r[0]!.idNumber);
    expect((await trail()).slice(before)).toStrictEqual([
      { actor_id: 'clerk-li', actor_name: 'name of clerk-li', action: 'villageList.read', target: POINT, township: '140105001', detail: JSON.stringify({ kioskId: 'kiosk-a', entries: 6 }) },
    ]);
    // A township-scoped clerk covers the point too.
    expect(await villageListFor(db.query, 'kiosk-a', 'clerk-township', NOW)).toMatchObject({ ok: true, list: { divisionCode: POINT } });
  });

  it('refuses an unknown kiosk, and anyone but an enabled clerk whose scope covers the point, each refusal audited', async () => {
    expect(await villageListFor(db.query, 'kiosk-nowhere', 'clerk-li', NOW)).toStrictEqual({ ok: false, status: 404, error: 'not_a_point' });
    const before = (await trail()).length;
    const refused = { ok: false, status: 403, error: 'staff_out_of_scope' };
    expect(await villageListFor(db.query, 'kiosk-a', 'clerk-other', NOW)).toStrictEqual(refused);
    expect(await villageListFor(db.query, 'kiosk-a', 'clerk-gone', NOW)).toStrictEqual(refused);
    expect(await villageListFor(db.query, 'kiosk-a', 'tech', NOW)).toStrictEqual(refused);
    const unknown = `nobody-${'x'.repeat(70)}`;
    expect(await villageListFor(db.query, 'kiosk-a', unknown, NOW)).toStrictEqual(refused);
    expect((await trail()).slice(before)).toStrictEqual(
      [
        ['clerk-other', 'name of clerk-other'],
        ['clerk-gone', 'name of clerk-gone'],
        ['tech', 'name of tech'],
        [unknown.slice(0, 64), null],
      ].map(([id, name]) => ({ actor_id: id, actor_name: name, action: 'villageList.refused', target: POINT, township: '140105001', detail: JSON.stringify({ kioskId: 'kiosk-a' }) })),
    );
    // The clerk of the other village reads their own point's list through their own kiosk.
    expect(await villageListFor(db.query, 'kiosk-b', 'clerk-other', NOW)).toMatchObject({ ok: true, list: { divisionCode: OTHER } });
  });
});
