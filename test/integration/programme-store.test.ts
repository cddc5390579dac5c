import { DEMO_POINTS, seedConsoleDemo } from '../../src/county/console/console-demo-seed';
import { registerPoint } from '../../src/county/console/points';
import { markStage, programme, programmePage, setMilestones } from '../../src/county/console/programme';
import { insertStaff } from '../../src/county/console/staff-register';
import type { CountyDatabase } from '../../src/county/db/connection';
import { intakeSiteRecord } from '../../src/county/site-records';
import type { ProgrammeRow, Scope, StaffRole } from '../../src/shared/console/api';
import { TableQuerySchema, type TableQuery } from '../../src/shared/console/table-query';
import type { SiteRecordItem } from '../../src/shared/sync/protocol';
import { closeTestCountyDatabase, openTestCountyDatabase } from '../support/county-database';
import { acceptance, commissioning, siteRecord } from '../support/site-record-fixtures';

/**
 * The 村村全覆盖 programme table (programme.ts) called directly on a county database with three points whose every
 * stage is known: stages recorded by hand (who and when), staff accounts derived from the first enabled clerk whose
 * scope covers the point, commissioning and acceptance from the first passing record; the county's dates as met,
 * missed or open against the share reached in the caller's scope; points behind a passed full-share date; the table's
 * filters, sorts (by each kind of stage) and pages. console-programme.test.ts covers the same through a started county.
 */
const NOW = new Date('2026-11-30T09:00:00.000Z');
const T = NOW.getTime();
const [A, B, C] = DEMO_POINTS as [(typeof DEMO_POINTS)[number], (typeof DEMO_POINTS)[number], (typeof DEMO_POINTS)[number]];
// Names sorted the other way round from the division codes (ASCII, so every collation agrees).
const NAMES = { [A.kioskId]: 'c-point', [B.kioskId]: 'b-point', [C.kioskId]: 'a-point' };
const TUWO = { id: 'township-tuwo', name: '土沃乡人社所 王建国' };
const BEIGE = { id: 'township-beige', name: '北格镇人社所 刘芳' };
const COUNTY: Scope = { kind: 'county' };
const TUWO_SCOPE: Scope = { kind: 'township', township: '140105001' };
const MILESTONES = [
  { stage: 'siteSetUp', due: '2026-11-01', share: 1 },
  { stage: 'staffAccounts', due: '2026-11-15', share: 1 },
  { stage: 'commissioned', due: '2026-11-15', share: 0.5 },
  // Due today: not passed yet.
  { stage: 'trained', due: '2026-11-30', share: 1 },
  { stage: 'accepted', due: '2026-12-31', share: 1 },
  { stage: 'siteSetUp', due: '2026-10-01', share: 0.5 },
] as const;
const iso = (ms: number) => new Date(ms).toISOString();
const none = { siteSetUp: null, agreementSigned: null, staffAccounts: null, trained: null, commissioned: null, trialRun: null, accepted: null, publicity: null };
const query = (q: TableQuery = {}) => TableQuerySchema.parse(q);

describe('the programme table on the county database', () => {
  let county: CountyDatabase;
  const q = () => county.query;
  const clerk = (id: string, roles: StaffRole[], scope: Scope, createdAt: number, disabled = false) =>
    insertStaff(q(), { id, username: id, displayName: id, roles, scope, passwordHash: 'not-used', disabled }, createdAt);
  const intake = (record: Parameters<typeof siteRecord>[0]) => intakeSiteRecord(q(), record.kioskId, siteRecord(record) as SiteRecordItem, NOW);

  beforeAll(async () => {
    county = await openTestCountyDatabase('programme-');
    await seedConsoleDemo(q(), { now: NOW, hashParams: { ln: 10, r: 8, p: 1 } });
    for (const point of DEMO_POINTS) await registerPoint(q(), { ...point, name: { 'zh-CN': NAMES[point.kioskId]!, en: `${NAMES[point.kioskId]!}-en` } });
    await setMilestones(q(), MILESTONES);
    // Clerks: B by two point clerks (the earlier-made one counts, though added second), C by 北格镇's township
    // clerk; a disabled county-wide clerk and a county-wide technician cover nothing. A has none.
    await clerk('clerk-b-later', ['clerk'], { kind: 'points', points: [B.divisionCode] }, T - 1000);
    await clerk('clerk-b', ['clerk'], { kind: 'points', points: [B.divisionCode] }, T - 3000);
    await clerk('clerk-beige', ['clerk'], { kind: 'township', township: '140105002' }, T - 2000);
    await clerk('clerk-off', ['clerk'], COUNTY, T - 4000, true);
    await clerk('tech-all', ['technician'], COUNTY, T - 5000);
    await markStage(q(), A.kioskId, 'siteSetUp', true, T - 10_000, TUWO);
    await markStage(q(), C.kioskId, 'siteSetUp', true, T - 20_000, BEIGE);
    await markStage(q(), B.kioskId, 'trained', true, T - 30_000, TUWO);
    // A: a failed run, then two passing ones (the first counts); C: two passing, the first before A's; B: accepted.
    await intake(commissioning(A.kioskId, '2026-11-09T08:00:00.000Z', false));
    await intake(commissioning(A.kioskId, '2026-11-10T08:00:00.000Z', true));
    await intake(commissioning(A.kioskId, '2026-11-12T08:00:00.000Z', true));
    await intake(commissioning(C.kioskId, '2026-11-05T08:00:00.000Z', true));
    await intake(commissioning(C.kioskId, '2026-11-20T08:00:00.000Z', true));
    await intake(acceptance(B.kioskId, '2026-11-20T08:00:00.000Z'));
    // A passing record whose body no longer reads (kept from an older kiosk) is passed over, not thrown on.
    await q().insertInto('site_records').values({ item_id: 'unreadable', kiosk_id: A.kioskId, kind: 'commissioning', record_id: 'r-unreadable', passed: 1, completed_at: '2026-11-13T08:00:00.000Z', received_at: NOW.toISOString(), body: '{}' }).execute();
  });
  afterAll(() => closeTestCountyDatabase(county));

  const stagesOf: Record<string, ProgrammeRow['stages']> = {
    [A.kioskId]: { ...none, siteSetUp: { doneAt: iso(T - 10_000), by: TUWO.name }, commissioned: { doneAt: '2026-11-10T08:00:00.000Z', by: '赵师傅' } },
    [B.kioskId]: { ...none, staffAccounts: { doneAt: iso(T - 3000), by: null }, trained: { doneAt: iso(T - 30_000), by: TUWO.name }, accepted: { doneAt: '2026-11-20T08:00:00.000Z', by: TUWO.name } },
    [C.kioskId]: { ...none, siteSetUp: { doneAt: iso(T - 20_000), by: BEIGE.name }, staffAccounts: { doneAt: iso(T - 2000), by: null }, commissioned: { doneAt: '2026-11-05T08:00:00.000Z', by: '赵师傅' } },
  };
  const behindOf: Record<string, string[]> = { [A.kioskId]: ['staffAccounts'], [B.kioskId]: ['siteSetUp'], [C.kioskId]: [] };
  const ids = (rows: ProgrammeRow[]) => rows.map((r) => r.point.kioskId);

  it("shows the county every point's stages, who reached each and when, and the points behind a passed full-share date", async () => {
    const page = await programmePage(q(), COUNTY, NOW, query());
    expect(page.now).toBe(NOW.toISOString());
    expect(page.rows).toEqual(
      [A, B, C].map((p) => ({
        point: { kioskId: p.kioskId, divisionCode: p.divisionCode, township: p.divisionCode.slice(0, 9), name: { 'zh-CN': NAMES[p.kioskId], en: `${NAMES[p.kioskId]}-en` }, level: p.level },
        stages: stagesOf[p.kioskId],
        behind: behindOf[p.kioskId],
      })),
    );
    expect(page.page).toEqual({ total: 3, matched: 3, offset: 0, limit: 3 });
    expect(page.behind).toBe(2);
  });

  it("judges the county's dates by the share reached in scope: met at the share, missed after the date, else open", async () => {
    const states = async (scope: Scope) => (await programmePage(q(), scope, NOW, query())).milestones.map((m) => [m.stage, m.due, m.share, m.reached, m.state]);
    expect(await states(COUNTY)).toEqual([
      ['siteSetUp', '2026-10-01', 0.5, 2 / 3, 'met'],
      ['siteSetUp', '2026-11-01', 1, 2 / 3, 'missed'],
      ['commissioned', '2026-11-15', 0.5, 2 / 3, 'met'],
      ['staffAccounts', '2026-11-15', 1, 2 / 3, 'missed'],
      ['trained', '2026-11-30', 1, 1 / 3, 'open'],
      ['accepted', '2026-12-31', 1, 1 / 3, 'open'],
    ]);
    // 土沃乡 has A and B: each stage reached by exactly half, which meets a share of one half.
    expect(await states(TUWO_SCOPE)).toEqual([
      ['siteSetUp', '2026-10-01', 0.5, 0.5, 'met'],
      ['siteSetUp', '2026-11-01', 1, 0.5, 'missed'],
      ['commissioned', '2026-11-15', 0.5, 0.5, 'met'],
      ['staffAccounts', '2026-11-15', 1, 0.5, 'missed'],
      ['trained', '2026-11-30', 1, 0.5, 'open'],
      ['accepted', '2026-12-31', 1, 0.5, 'open'],
    ]);
    expect(await states({ kind: 'points', points: [C.divisionCode] })).toEqual([
      ['siteSetUp', '2026-10-01', 0.5, 1, 'met'],
      ['siteSetUp', '2026-11-01', 1, 1, 'met'],
      ['commissioned', '2026-11-15', 0.5, 1, 'met'],
      ['staffAccounts', '2026-11-15', 1, 1, 'met'],
      ['trained', '2026-11-30', 1, 0, 'open'],
      ['accepted', '2026-12-31', 1, 0, 'open'],
    ]);
  });

  it('keeps each scope to its own points, and answers a scope without points with empty shares', async () => {
    const tuwo = await programmePage(q(), TUWO_SCOPE, NOW, query());
    expect(ids(tuwo.rows)).toEqual([A.kioskId, B.kioskId]);
    expect([tuwo.page, tuwo.behind]).toEqual([{ total: 2, matched: 2, offset: 0, limit: 2 }, 2]);
    const empty = await programmePage(q(), { kind: 'points', points: ['140105009999'] }, NOW, query());
    expect(empty.rows).toEqual([]);
    expect([empty.page, empty.behind]).toEqual([{ total: 0, matched: 0, offset: 0, limit: 1 }, 0]);
    expect(empty.milestones.map((m) => [m.reached, m.state])).toEqual([
      [0, 'missed'],
      [0, 'missed'],
      [0, 'missed'],
      [0, 'missed'],
      [0, 'open'],
      [0, 'open'],
    ]);
  });

  it('narrows to the points behind and by text, counting what matched', async () => {
    const behind = await programmePage(q(), COUNTY, NOW, query({ only: 'behind' }));
    expect(ids(behind.rows)).toEqual([A.kioskId, B.kioskId]);
    expect([behind.page, behind.behind]).toEqual([{ total: 3, matched: 2, offset: 0, limit: 3 }, 2]);
    const text = await programmePage(q(), COUNTY, NOW, query({ q: 'b-point' }));
    expect(ids(text.rows)).toEqual([B.kioskId]);
    expect(text.page).toEqual({ total: 3, matched: 1, offset: 0, limit: 3 });
    expect(ids((await programmePage(q(), COUNTY, NOW, query({ q: 'a-point', only: 'behind' }))).rows)).toEqual([]);
  });

  it('sorts by the point, the division code, and each kind of stage (empty cells last either way)', async () => {
    const order = async (sort: string, desc?: '1') => ids((await programmePage(q(), COUNTY, NOW, query({ sort, ...(desc ? { desc } : {}) }))).rows);
    expect(await order('point')).toEqual([C.kioskId, B.kioskId, A.kioskId]);
    expect(await order('point', '1')).toEqual([A.kioskId, B.kioskId, C.kioskId]);
    expect(await order('divisionCode', '1')).toEqual([C.kioskId, B.kioskId, A.kioskId]);
    // A record stage: by the first passing record.
    expect(await order('commissioned')).toEqual([C.kioskId, A.kioskId, B.kioskId]);
    expect(await order('commissioned', '1')).toEqual([A.kioskId, C.kioskId, B.kioskId]);
    expect(await order('accepted')).toEqual([B.kioskId, A.kioskId, C.kioskId]);
    // A derived stage: covered points first.
    expect(await order('staffAccounts')).toEqual([B.kioskId, C.kioskId, A.kioskId]);
    // A recorded stage: by the day it was recorded.
    expect(await order('siteSetUp')).toEqual([C.kioskId, A.kioskId, B.kioskId]);
    expect(await order('siteSetUp', '1')).toEqual([A.kioskId, C.kioskId, B.kioskId]);
  });

  it('pages the sorted table', async () => {
    const page = await programmePage(q(), COUNTY, NOW, query({ offset: 1, limit: 1, sort: 'siteSetUp' }));
    expect(ids(page.rows)).toEqual([A.kioskId]);
    expect(page.rows[0]!.stages).toEqual(stagesOf[A.kioskId]);
    expect(page.page).toEqual({ total: 3, matched: 3, offset: 1, limit: 1 });
  });

  it('gives the whole table without paging for the export', async () => {
    const { page: _page, behind: _behind, ...whole } = await programmePage(q(), TUWO_SCOPE, NOW, query());
    expect(await programme(q(), TUWO_SCOPE, NOW)).toEqual(whole);
  });

  it('records a stage again with its new day and recorder, and clears only the stage of the point named', async () => {
    const stages = () => q().selectFrom('programme_stages').selectAll().orderBy('kiosk_id').orderBy('stage').execute();
    await markStage(q(), A.kioskId, 'trained', true, T - 500, TUWO);
    await markStage(q(), A.kioskId, 'siteSetUp', true, T - 100, BEIGE);
    expect(await stages()).toEqual([
      { kiosk_id: A.kioskId, stage: 'siteSetUp', done_at: T - 100, actor_id: BEIGE.id, actor_name: BEIGE.name },
      { kiosk_id: A.kioskId, stage: 'trained', done_at: T - 500, actor_id: TUWO.id, actor_name: TUWO.name },
      { kiosk_id: B.kioskId, stage: 'trained', done_at: T - 30_000, actor_id: TUWO.id, actor_name: TUWO.name },
      { kiosk_id: C.kioskId, stage: 'siteSetUp', done_at: T - 20_000, actor_id: BEIGE.id, actor_name: BEIGE.name },
    ]);
    await markStage(q(), A.kioskId, 'trained', false, T, TUWO);
    expect((await stages()).map((s) => `${s.kiosk_id}/${s.stage}`)).toEqual([`${A.kioskId}/siteSetUp`, `${B.kioskId}/trained`, `${C.kioskId}/siteSetUp`]);
    await markStage(q(), A.kioskId, 'siteSetUp', true, T - 10_000, TUWO);
    // A point with no stage recorded by hand at all: its other stages still read.
    await markStage(q(), B.kioskId, 'trained', false, T, TUWO);
    expect((await programmePage(q(), COUNTY, NOW, query())).rows[1]).toMatchObject({ point: { kioskId: B.kioskId }, stages: { ...stagesOf[B.kioskId], trained: null } });
    await markStage(q(), B.kioskId, 'trained', true, T - 30_000, TUWO);
  });

  it('counts a county-wide clerk for every point, the earliest made first', async () => {
    await q().updateTable('staff_register').set({ disabled: 0 }).where('id', '=', 'clerk-off').execute();
    const page = await programmePage(q(), COUNTY, NOW, query());
    expect(page.rows.map((r) => r.stages.staffAccounts)).toEqual([A, B, C].map(() => ({ doneAt: iso(T - 4000), by: null })));
    expect(page.rows.map((r) => r.behind)).toEqual([[], ['siteSetUp'], []]);
    await q().updateTable('staff_register').set({ disabled: 1 }).where('id', '=', 'clerk-off').execute();
  });

  it('counts a clerk over several points for each of them', async () => {
    await clerk('clerk-ab', ['clerk'], { kind: 'points', points: [A.divisionCode, B.divisionCode] }, T - 6000);
    const page = await programmePage(q(), COUNTY, NOW, query({ sort: 'staffAccounts' }));
    expect(page.rows.map((r) => [r.point.kioskId, r.stages.staffAccounts?.doneAt ?? null])).toEqual([
      [A.kioskId, iso(T - 6000)],
      [B.kioskId, iso(T - 6000)],
      [C.kioskId, iso(T - 2000)],
    ]);
    expect(page.milestones.find((m) => m.stage === 'staffAccounts')!.reached).toBe(1);
    await q().updateTable('staff_register').set({ disabled: 1 }).where('id', '=', 'clerk-ab').execute();
  });

  it("replaces the county's dates as a whole, and clears them with an empty list", async () => {
    const dates = () => q().selectFrom('programme_milestones').selectAll().orderBy('due').execute();
    await setMilestones(q(), [{ stage: 'publicity', due: '2027-02-28', share: 1 }]);
    expect(await dates()).toEqual([{ stage: 'publicity', due: '2027-02-28', share: 1 }]);
    await setMilestones(q(), []);
    expect(await dates()).toEqual([]);
    const page = await programmePage(q(), COUNTY, NOW, query());
    expect([page.milestones, page.behind, page.rows.map((r) => r.behind)]).toEqual([[], 0, [[], [], []]]);
  });
});
