import { faultRoutes } from '../../src/county/console/fault-routes';
import { registerPoint } from '../../src/county/console/points';
import type { CountyDatabase } from '../../src/county/db/connection';
import type { FaultQueue, FaultTicketRow } from '../../src/shared/console/api';
import { closeTestCountyDatabase, openTestCountyDatabase } from '../support/county-database';
import { startConsoleRoutes, type ConsoleCaller, type ConsoleRoutesApp } from '../support/console-routes-app';

/**
 * The escalation queue's routes (fault-routes.ts) behind the console's session hooks, in-process on a county
 * database: GET climbs what is due before answering; POST checks the move's path and body, climbs, moves, audits;
 * each refusal's status and field, changing nothing; the climbing timer set, unref'd and cleared at close.
 * console-faults.test.ts covers the routes through a started county; fault-escalation-store.test.ts the moves.
 */
const T1 = '140105001';
const T2 = '140105002';
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const OPENED = Date.parse('2026-12-01T08:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('the escalation queue routes', () => {
  let county: CountyDatabase;
  let routes: ConsoleRoutesApp;
  let clock = OPENED;
  let township: ConsoleCaller;
  const open = (id: string, kioskId: string, openedAt = OPENED) =>
    county.query.insertInto('faults').values({ id, kiosk_id: kioskId, opened_at: iso(openedAt), device_id: 'printer', summary: `summary ${id}`, state: 'open', note: null, version: 1 }).execute();
  const escalation = (id: string) => county.query.selectFrom('fault_escalation').select(['level', 'acknowledged_by']).where('fault_id', '=', id).executeTakeFirst();
  const storedMoves = (id: string) => county.query.selectFrom('fault_moves').select(['actor_name', 'action', 'level', 'note']).where('fault_id', '=', id).orderBy('seq').execute();
  const auditRows = () => county.query.selectFrom('audit_log').select(['at', 'actor_id', 'actor_name', 'action', 'target', 'township', 'detail']).orderBy('seq').execute();

  beforeAll(async () => {
    county = await openTestCountyDatabase('fault-routes-');
    await registerPoint(county.query, { kioskId: 'kiosk-east', divisionCode: `${T1}001`, name: { 'zh-CN': '东村', en: 'East village' }, level: 'village' });
    await registerPoint(county.query, { kioskId: 'kiosk-hill', divisionCode: `${T2}001`, name: { 'zh-CN': '山村', en: 'Hill village' }, level: 'village' });
    // The clock jumps hours between tests: a day-long session keeps the account signed in.
    routes = await startConsoleRoutes(county, [faultRoutes], { now: () => new Date(clock), faultClimbIntervalMs: 0, session: { idleMs: DAY, absoluteMs: DAY } });
    township = await routes.signedIn({ id: 'town1', displayName: '王所长', roles: ['township'], scope: { kind: 'township', township: T1 } });
  });
  afterAll(async () => {
    await routes.close();
    await closeTestCountyDatabase(county);
  });
  beforeEach(async () => {
    for (const table of ['fault_moves', 'fault_escalation', 'faults', 'audit_log'] as const) await county.query.deleteFrom(table).execute();
  });

  it("climbs the tickets due by the gateway's clock before answering the account's own queue", async () => {
    await open('east-late', 'kiosk-east');
    await open('hill-late', 'kiosk-hill');
    clock = OPENED + 120 * MIN; // the default point time runs out at this very instant
    const res = await township('GET', '/console/api/faults');
    expect(res.status).toBe(200);
    const queue = res.body as unknown as FaultQueue;
    expect(queue.now).toBe(iso(clock));
    expect(queue.tickets.map((t) => [t.id, t.level, t.levelSince])).toEqual([['east-late', 'township', iso(clock)]]);
    expect(queue.tickets[0]!.moves).toEqual([{ at: iso(clock), action: 'climb', level: 'township', by: 'system' }]);
    expect(await escalation('hill-late')).toEqual({ level: 'township', acknowledged_by: null });
    expect(await auditRows()).toEqual([]);
  });

  it('makes a move at the level the ticket has climbed to by now, answers the ticket and audits it', async () => {
    await open('east-late', 'kiosk-east');
    clock = OPENED + 120 * MIN + 5;
    const res = await township('POST', '/console/api/faults/east-late/acknowledge', {});
    expect(res.status).toBe(200);
    const ticket = res.body as unknown as FaultTicketRow;
    expect(ticket).toMatchObject({ id: 'east-late', state: 'acknowledged', level: 'township', acknowledgedBy: '王所长', dueAt: null });
    expect(await storedMoves('east-late')).toEqual([
      { actor_name: 'system', action: 'climb', level: 'township', note: null },
      { actor_name: '王所长', action: 'acknowledge', level: 'township', note: null },
    ]);
    expect(await auditRows()).toEqual([{ at: clock, actor_id: 'town1', actor_name: '王所长', action: 'fault.acknowledge', target: 'east-late', township: T1, detail: 'level=township' }]);
  });

  it('keeps a note trimmed, and an empty one as none', async () => {
    await open('east-1', 'kiosk-east');
    clock = OPENED + MIN;
    expect((await township('POST', '/console/api/faults/east-1/note', { note: '  已派人  ' })).status).toBe(200);
    expect((await township('POST', '/console/api/faults/east-1/passUp', { note: '' })).status).toBe(200);
    expect(await storedMoves('east-1')).toEqual([
      { actor_name: '王所长', action: 'note', level: 'point', note: '已派人' },
      { actor_name: '王所长', action: 'passUp', level: 'township', note: null },
    ]);
    expect((await auditRows()).map((a) => [a.action, a.detail])).toEqual([
      ['fault.note', 'level=point'],
      ['fault.passUp', 'level=township'],
    ]);
  });

  it('refuses a move it cannot read, a note without words, a ticket out of sight, above the township or not allowed now, changing nothing', async () => {
    await open('east-1', 'kiosk-east');
    await open('hill-1', 'kiosk-hill');
    await open('east-old', 'kiosk-east');
    clock = OPENED + MIN;
    expect((await township('POST', '/console/api/faults/east-1/acknowledge', {})).status).toBe(200);
    await county.query.deleteFrom('audit_log').execute();
    const movesBefore = await storedMoves('east-1');
    const refusals: Array<[string, unknown, string | undefined, { status: number; body: Record<string, unknown> }]> = [
      ['east-1/delete', {}, undefined, { status: 404, body: { error: 'not_found' } }],
      [`${'x'.repeat(65)}/note`, { note: 'x' }, undefined, { status: 404, body: { error: 'not_found' } }],
      ['east-1/note', {}, undefined, { status: 400, body: { error: 'invalid_body', field: 'note' } }],
      ['east-1/note', { note: '   ' }, undefined, { status: 400, body: { error: 'invalid_body', field: 'note' } }],
      ['east-1/note', { note: 'x'.repeat(501) }, undefined, { status: 400, body: { error: 'invalid_body', field: 'note' } }],
      ['east-1/note', undefined, '{"note":', { status: 400, body: { error: 'invalid_json' } }],
      ['hill-1/acknowledge', {}, undefined, { status: 404, body: { error: 'not_found' } }],
      ['east-1/acknowledge', {}, undefined, { status: 409, body: { error: 'conflict' } }],
    ];
    for (const [path, body, raw, expected] of refusals) expect(await township('POST', `/console/api/faults/${path}`, body, raw)).toEqual(expected);
    // Nobody acknowledged east-old through the point's and the township's times: it is at the county now.
    clock = OPENED + 360 * MIN;
    expect(await township('POST', '/console/api/faults/east-old/acknowledge', {})).toEqual({ status: 403, body: { error: 'forbidden' } });
    expect(await escalation('east-old')).toEqual({ level: 'county', acknowledged_by: null });
    expect(await storedMoves('east-1')).toEqual(movesBefore);
    expect((await storedMoves('east-old')).map((m) => m.action)).toEqual(['climb', 'climb']);
    expect((await storedMoves('hill-1')).map((m) => m.actor_name)).toEqual(['system', 'system']);
    expect(await auditRows()).toEqual([]);
  });
});

describe('the escalation queue routes climbing on a timer', () => {
  let county: CountyDatabase;
  beforeAll(async () => {
    county = await openTestCountyDatabase('fault-timer-');
    await registerPoint(county.query, { kioskId: 'kiosk-east', divisionCode: `${T1}001`, name: { 'zh-CN': '东村', en: 'East village' }, level: 'village' });
  });
  afterAll(() => closeTestCountyDatabase(county));
  /** Closed after each test even when it fails, so a timer left running cannot keep the worker alive. */
  const started: ConsoleRoutesApp[] = [];
  afterEach(async () => {
    jest.restoreAllMocks();
    for (const routes of started.splice(0)) await routes.close();
  });

  /** The climbing timers the routes set (fastify sets none of its own with setInterval). */
  const startWatched = async (faultClimbIntervalMs?: number) => {
    const setSpy = jest.spyOn(global, 'setInterval');
    const clearSpy = jest.spyOn(global, 'clearInterval');
    const routes = await startConsoleRoutes(county, [faultRoutes], { now: () => new Date(OPENED + 121 * MIN), ...(faultClimbIntervalMs === undefined ? {} : { faultClimbIntervalMs }) });
    started.push(routes);
    return { routes, setSpy, clearSpy };
  };

  it('climbs due tickets by itself every interval, on a timer that keeps no process alive and stops at close', async () => {
    await county.query.insertInto('faults').values({ id: 'east-late', kiosk_id: 'kiosk-east', opened_at: iso(OPENED), device_id: null, summary: 's', state: 'open', note: null, version: 1 }).execute();
    const { routes, setSpy, clearSpy } = await startWatched(20);
    expect(setSpy.mock.calls.map((c) => c[1])).toEqual([20]);
    const timer = setSpy.mock.results[0]!.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    // Waits for the climb the timer makes (no console call is made), up to ten seconds.
    const deadline = Date.now() + 10_000;
    let level: string | undefined;
    while (level !== 'township' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      level = (await county.query.selectFrom('fault_escalation').select('level').where('fault_id', '=', 'east-late').executeTakeFirst())?.level;
    }
    expect(level).toBe('township');
    expect(clearSpy).not.toHaveBeenCalledWith(timer);
    await routes.close();
    expect(clearSpy).toHaveBeenCalledWith(timer);
  });

  it('logs a climb on the timer that fails, and keeps climbing', async () => {
    // The point's site settings unreadable: looking up its response times throws on every pass.
    await county.query.insertInto('point_site_settings').values({ kiosk_id: 'kiosk-east', body: '{not json' }).execute();
    await county.query.insertInto('faults').values({ id: 'east-stuck', kiosk_id: 'kiosk-east', opened_at: iso(OPENED), device_id: null, summary: 's', state: 'open', note: null, version: 1 }).execute();
    const errorsLogged: string[] = [];
    started.push(await startConsoleRoutes(county, [faultRoutes], { now: () => new Date(OPENED + 121 * MIN), faultClimbIntervalMs: 20, errorsLogged }));
    // Waits for two failed passes (the timer goes on after the first), up to ten seconds.
    const deadline = Date.now() + 10_000;
    while (errorsLogged.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(errorsLogged.length).toBeGreaterThanOrEqual(2);
    const logged = JSON.parse(errorsLogged[0]!) as { level: number; msg: string; err: { type: string; message: string } };
    expect(logged).toMatchObject({ level: 50, msg: 'fault climb failed', err: { type: 'SyntaxError' } });
    await county.query.deleteFrom('point_site_settings').execute();
  });

  it('climbs every minute unless set otherwise, and sets no timer when set to 0', async () => {
    const byDefault = await startWatched();
    expect(byDefault.setSpy.mock.calls.map((c) => c[1])).toEqual([60_000]);
    await byDefault.routes.close();
    jest.restoreAllMocks();
    const none = await startWatched(0);
    expect(none.setSpy).not.toHaveBeenCalled();
    await none.routes.close();
  });
});
