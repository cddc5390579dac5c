import { faultQueue, LEVEL_WORDS, moveFault } from '../../src/county/console/fault-escalation';
import type { CountyDatabase } from '../../src/county/db/connection';
import type { Scope } from '../../src/shared/console/api';
import type { ResponseMinutes } from '../../src/shared/faults/escalation';
import { closeTestCountyDatabase, openTestCountyDatabase } from '../support/county-database';

/**
 * The console's escalation queue (fault-escalation.ts) called directly on the county database: what each ticket row
 * says (its level, since when, when it is due and whether it is overdue, to the millisecond), the order, which moves a
 * township or the county admin may make at each level and state, what each refused move answers (404 outside sight,
 * 403 above the township's levels, 409 a move the ticket does not allow now), and what each move stamps and words
 * for the kiosk. console-faults.test.ts covers the same through a started county and the console's routes.
 */
const MIN = 60_000;
const T1 = '140105001';
const T2 = '140105002';
const OPENED = Date.parse('2026-12-01T08:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const FAST: ResponseMinutes = { point: 10, township: 20, county: 30, vendor: 40 };
const COUNTY: Scope = { kind: 'county' };
const TOWNSHIP1: Scope = { kind: 'township', township: T1 };
const ALL_MOVES = ['acknowledge', 'note', 'passUp', 'resolve'];

describe('the console escalation queue on the county database', () => {
  let county: CountyDatabase;
  const times = () => Promise.resolve(FAST);
  const town = { id: 'town1', name: '王所长', scope: TOWNSHIP1 };
  const admin = { id: 'admin', name: '赵科长', scope: COUNTY };
  const open = (id: string, kioskId: string, openedAt = OPENED, state = 'open') =>
    county.query.insertInto('faults').values({ id, kiosk_id: kioskId, opened_at: iso(openedAt), device_id: id.startsWith('nodev') ? null : 'printer', summary: `summary ${id}`, state, note: null, version: 1 }).execute();
  const escalate = (faultId: string, row: { level: string; level_since: number; acknowledged_at?: number | null; acknowledged_by?: string | null; resolved_at?: number | null }) =>
    county.query.insertInto('fault_escalation').values({ fault_id: faultId, acknowledged_at: null, acknowledged_by: null, resolved_at: null, ...row }).execute();
  const fault = (id: string) => county.query.selectFrom('faults').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const escalation = (id: string) => county.query.selectFrom('fault_escalation').selectAll().where('fault_id', '=', id).executeTakeFirst();
  const storedMoves = (id: string) => county.query.selectFrom('fault_moves').select(['at', 'actor_id', 'actor_name', 'action', 'level', 'note']).where('fault_id', '=', id).orderBy('seq').execute();
  const point1 = { kioskId: 'kiosk-1', divisionCode: `${T1}001`, township: T1, name: { 'zh-CN': '东村', en: 'East village' }, level: 'village' };

  beforeAll(async () => {
    county = await openTestCountyDatabase('fault-escalation-');
    await county.query
      .insertInto('points')
      .values([
        { kiosk_id: 'kiosk-1', division_code: `${T1}001`, township: T1, name_zh: '东村', name_en: 'East village', level: 'village' },
        { kiosk_id: 'kiosk-2', division_code: `${T2}001`, township: T2, name_zh: '西村', name_en: 'West village', level: 'village' },
      ])
      .execute();
  });
  afterAll(() => closeTestCountyDatabase(county));
  beforeEach(async () => {
    await county.query.deleteFrom('fault_moves').execute();
    await county.query.deleteFrom('fault_escalation').execute();
    await county.query.deleteFrom('faults').execute();
  });

  it('says of each ticket its level, since when, when it is due and whether it is overdue, to the millisecond', async () => {
    await open('fresh', 'kiosk-1');
    await open('nodev-at-township', 'kiosk-1', OPENED + MIN);
    await escalate('nodev-at-township', { level: 'township', level_since: OPENED + 5 * MIN });
    await open('acked', 'kiosk-1', OPENED + 2 * MIN, 'acknowledged');
    await escalate('acked', { level: 'point', level_since: OPENED + 2 * MIN, acknowledged_at: OPENED + 3 * MIN, acknowledged_by: '李秀英' });

    const due = OPENED + 10 * MIN;
    const onTime = await faultQueue(county.query, COUNTY, new Date(due), times);
    expect(onTime.now).toBe(iso(due));
    expect(onTime.tickets.map((t) => t.id)).toEqual(['fresh', 'nodev-at-township', 'acked']);
    expect(onTime.tickets[0]).toEqual({
      id: 'fresh',
      point: point1,
      deviceId: 'printer',
      summary: 'summary fresh',
      openedAt: iso(OPENED),
      state: 'open',
      level: 'point',
      levelSince: iso(OPENED),
      dueAt: iso(due),
      overdue: false,
      acknowledgedBy: null,
      resolvedAt: null,
      allowed: ALL_MOVES,
      moves: [],
    });
    expect(onTime.tickets[1]).toMatchObject({ deviceId: null, level: 'township', levelSince: iso(OPENED + 5 * MIN), dueAt: iso(OPENED + 25 * MIN), overdue: false });
    expect(onTime.tickets[2]).toMatchObject({ state: 'acknowledged', dueAt: null, overdue: false, acknowledgedBy: '李秀英', allowed: ['note', 'passUp', 'resolve'] });

    const late = await faultQueue(county.query, COUNTY, new Date(due + 1), times);
    expect(late.tickets.map((t) => t.overdue)).toEqual([true, false, false]);
    expect((await faultQueue(county.query, COUNTY, new Date(OPENED + 25 * MIN + 1), times)).tickets.map((t) => t.overdue)).toEqual([true, true, false]);
  });

  it('answers the county times in its header and climbs by the published defaults when given none', async () => {
    await open('fresh', 'kiosk-1');
    const queue = await faultQueue(county.query, COUNTY, new Date(OPENED));
    expect(queue.responseMinutes).toEqual({ point: 120, township: 240, county: 480, vendor: 2880 });
    expect(queue.tickets[0]).toMatchObject({ dueAt: iso(OPENED + 120 * MIN) });
  });

  it('lists open tickets first by opening, then the last 50 closed ones, each township its own points only', async () => {
    for (let i = 0; i < 51; i += 1) await open(`closed-${String(i).padStart(2, '0')}`, 'kiosk-1', OPENED - (100 - i) * MIN, 'closed');
    await escalate('closed-50', { level: 'county', level_since: OPENED, resolved_at: OPENED + MIN });
    await open('later', 'kiosk-1', OPENED + MIN);
    await open('earlier', 'kiosk-1', OPENED);
    await open('elsewhere', 'kiosk-2', OPENED + MIN / 2); // two tickets opened at one instant have no set order
    const queue = await faultQueue(county.query, COUNTY, new Date(OPENED), times);
    expect(queue.tickets.slice(0, 4).map((t) => t.id)).toEqual(['earlier', 'elsewhere', 'later', 'closed-01']);
    expect(queue.tickets).toHaveLength(53);
    expect(queue.tickets.at(-1)).toMatchObject({ id: 'closed-50', state: 'closed', level: 'county', dueAt: null, overdue: false, resolvedAt: iso(OPENED + MIN), allowed: [] });
    const township = await faultQueue(county.query, TOWNSHIP1, new Date(OPENED), times);
    expect(township.tickets.map((t) => t.id).slice(0, 3)).toEqual(['earlier', 'later', 'closed-01']);
    expect(township.tickets.some((t) => t.id === 'elsewhere')).toBe(false);
  });

  it('lets a township act at the point and the township only, the county admin at every level, and nobody pass the vendor', async () => {
    await open('at-point', 'kiosk-1');
    await open('at-township', 'kiosk-1');
    await escalate('at-township', { level: 'township', level_since: OPENED });
    await open('at-county', 'kiosk-1');
    await escalate('at-county', { level: 'county', level_since: OPENED });
    await open('at-vendor', 'kiosk-1');
    await escalate('at-vendor', { level: 'vendor', level_since: OPENED });
    const allowed = async (scope: Scope) => Object.fromEntries((await faultQueue(county.query, scope, new Date(OPENED), times)).tickets.map((t) => [t.id, t.allowed]));
    expect(await allowed(TOWNSHIP1)).toEqual({ 'at-point': ALL_MOVES, 'at-township': ALL_MOVES, 'at-county': [], 'at-vendor': [] });
    expect(await allowed(COUNTY)).toEqual({ 'at-point': ALL_MOVES, 'at-township': ALL_MOVES, 'at-county': ALL_MOVES, 'at-vendor': ['acknowledge', 'note', 'resolve'] });
  });

  it('refuses a ticket outside sight with 404, above the township with 403, and a move not allowed now with 409, changing nothing', async () => {
    await open('elsewhere', 'kiosk-2');
    await open('at-county', 'kiosk-1');
    await escalate('at-county', { level: 'county', level_since: OPENED });
    await open('acked', 'kiosk-1', OPENED, 'acknowledged');
    await escalate('acked', { level: 'township', level_since: OPENED, acknowledged_at: OPENED, acknowledged_by: '王所长' });
    await open('at-vendor', 'kiosk-1');
    await escalate('at-vendor', { level: 'vendor', level_since: OPENED });
    await open('closed', 'kiosk-1', OPENED, 'closed');
    await open('closed-at-county', 'kiosk-1', OPENED, 'closed');
    await escalate('closed-at-county', { level: 'county', level_since: OPENED, resolved_at: OPENED });
    const now = new Date(OPENED + MIN);
    expect(await moveFault(county.query, town, 'nowhere', 'note', 'x', now, times)).toEqual({ ok: false, status: 404, error: 'not_found' });
    expect(await moveFault(county.query, town, 'elsewhere', 'note', 'x', now, times)).toEqual({ ok: false, status: 404, error: 'not_found' });
    expect(await moveFault(county.query, town, 'at-county', 'note', 'x', now, times)).toEqual({ ok: false, status: 403, error: 'forbidden' });
    expect(await moveFault(county.query, town, 'closed-at-county', 'note', 'x', now, times)).toEqual({ ok: false, status: 403, error: 'forbidden' });
    expect(await moveFault(county.query, town, 'acked', 'acknowledge', undefined, now, times)).toEqual({ ok: false, status: 409, error: 'conflict' });
    expect(await moveFault(county.query, town, 'closed', 'resolve', undefined, now, times)).toEqual({ ok: false, status: 409, error: 'conflict' });
    expect(await moveFault(county.query, admin, 'at-vendor', 'passUp', undefined, now, times)).toEqual({ ok: false, status: 409, error: 'conflict' });
    expect(await moveFault(county.query, admin, 'closed-at-county', 'note', 'x', now, times)).toEqual({ ok: false, status: 409, error: 'conflict' });
    expect(await county.query.selectFrom('fault_moves').selectAll().execute()).toEqual([]);
    expect(await escalation('closed')).toBeUndefined();
    expect((await county.query.selectFrom('faults').select('version').execute()).every((f) => f.version === 1)).toBe(true);
  });

  it('acknowledges at the level the ticket is at, keeping since when, stamped and worded for the kiosk', async () => {
    await county.query.insertInto('counters').values({ name: 'config', value: 41 }).onConflict((c) => c.column('name').doUpdateSet({ value: 41 })).execute();
    await open('t', 'kiosk-1');
    const at = OPENED + 4 * MIN;
    const moved = await moveFault(county.query, town, 't', 'acknowledge', '马上到', new Date(at), times);
    if (!moved.ok) throw new Error('refused');
    expect(moved.township).toBe(T1);
    expect(moved.ticket).toMatchObject({ id: 't', state: 'acknowledged', level: 'point', levelSince: iso(OPENED), dueAt: null, overdue: false, acknowledgedBy: '王所长', allowed: ['note', 'passUp', 'resolve'] });
    expect(moved.ticket.moves).toEqual([{ at: iso(at), action: 'acknowledge', level: 'point', by: '王所长', note: '马上到' }]);
    expect(await escalation('t')).toEqual({ fault_id: 't', level: 'point', level_since: OPENED, acknowledged_at: at, acknowledged_by: '王所长', resolved_at: null });
    expect(await storedMoves('t')).toEqual([{ at, actor_id: 'town1', actor_name: '王所长', action: 'acknowledge', level: 'point', note: '马上到' }]);
    expect(await fault('t')).toMatchObject({ state: 'acknowledged', note: '服务点已受理（王所长）：马上到' });
    // The ticket takes the county's next config version, so the kiosk pulls the move.
    expect((await fault('t')).version).toBe((await county.query.selectFrom('counters').select('value').where('name', '=', 'config').executeTakeFirstOrThrow()).value);
  });

  it('passes a ticket up one level from now, clearing the acknowledgement, and words where it went', async () => {
    await open('t', 'kiosk-1');
    await escalate('t', { level: 'point', level_since: OPENED, acknowledged_at: OPENED + MIN, acknowledged_by: '李秀英' });
    const at = OPENED + 6 * MIN;
    const moved = await moveFault(county.query, town, 't', 'passUp', undefined, new Date(at), times);
    if (!moved.ok) throw new Error('refused');
    expect(moved.ticket).toMatchObject({ level: 'township', levelSince: iso(at), dueAt: iso(at + 20 * MIN), acknowledgedBy: null, allowed: ALL_MOVES });
    expect(await escalation('t')).toEqual({ fault_id: 't', level: 'township', level_since: at, acknowledged_at: null, acknowledged_by: null, resolved_at: null });
    expect(await storedMoves('t')).toEqual([{ at, actor_id: 'town1', actor_name: '王所长', action: 'passUp', level: 'township', note: null }]);
    expect(await fault('t')).toMatchObject({ state: 'acknowledged', note: '已转交乡镇人社所（王所长）' });

    const again = await moveFault(county.query, town, 't', 'passUp', '请县里派人', new Date(at + 1), times);
    expect(again).toMatchObject({ ok: true, ticket: { level: 'county', allowed: [] } });
    expect(await fault('t')).toMatchObject({ note: `已转交${LEVEL_WORDS.county}（王所长）：请县里派人` });
    const toVendor = await moveFault(county.query, admin, 't', 'passUp', undefined, new Date(at + 2), times);
    expect(toVendor).toMatchObject({ ok: true, township: T1, ticket: { level: 'vendor', allowed: ['acknowledge', 'note', 'resolve'] } });
  });

  it('notes and resolves, words each, cuts the kiosk line at 500 characters, and uses the published times when given none', async () => {
    await open('t', 'kiosk-1');
    await escalate('t', { level: 'township', level_since: OPENED });
    const noted = await moveFault(county.query, town, 't', 'note', undefined, new Date(OPENED + MIN));
    // No times given: the published defaults (240 minutes at the township) date the answer.
    expect(noted).toMatchObject({ ok: true, ticket: { state: 'acknowledged', level: 'township', dueAt: iso(OPENED + 240 * MIN), moves: [{ action: 'note', level: 'township', by: '王所长' }] } });
    expect(await fault('t')).toMatchObject({ note: '乡镇人社所备注（王所长）' });
    expect(await escalation('t')).toMatchObject({ acknowledged_at: null, resolved_at: null });

    const long = '长'.repeat(600);
    await moveFault(county.query, town, 't', 'note', long, new Date(OPENED + 2 * MIN), times);
    expect((await fault('t')).note).toBe(`乡镇人社所备注（王所长）：${long}`.slice(0, 500));
    expect((await storedMoves('t')).at(-1)!.note).toBe(long);

    const at = OPENED + 3 * MIN;
    const resolved = await moveFault(county.query, town, 't', 'resolve', '换了纸', new Date(at), times);
    expect(resolved).toMatchObject({ ok: true, ticket: { state: 'closed', level: 'township', dueAt: null, overdue: false, resolvedAt: iso(at), allowed: [] } });
    expect(await escalation('t')).toMatchObject({ level: 'township', resolved_at: at });
    expect(await fault('t')).toMatchObject({ state: 'closed', note: '乡镇人社所已解决（王所长）：换了纸' });
  });
});
