import { DEMO_SITE_CONFIG, parseSiteConfig } from '../../src/main/config/load-site-config';
import { createKioskCore, type KioskCore } from '../../src/main/core';
import type { Connection } from '../../src/main/dispatcher';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { DEMO_POINTS } from '../../src/county/console/console-demo-seed';
import type { CountyServer } from '../../src/county/server';
import type { FaultQueue, FaultTicketRow } from '../../src/shared/console/api';
import type { FaultTicketView } from '../../src/main/faults/fault-desk';
import { signIn, startConsoleCounty } from '../support/console-fixtures';
import { tempDataDir } from '../support/store-fixtures';

jest.setTimeout(60_000);

const MIN = 60_000;

/**
 * 故障排除上下联动 end to end through the real core and the real county with its console: a ticket opened at the point
 * climbs out of the point by itself when nobody there acknowledges it within the point's response time, stamped at
 * the instant the time ran out; the county hears the climb at the next sync and agrees; the township's and county's
 * moves come back by sync; a passing self-test offers to close; a close travels up; the same device failing within 7
 * days reopens the ticket on both sides, after 7 days it is a new ticket. Both clocks are one controlled clock.
 */
describe('faults that climb, kiosk and county in agreement', () => {
  let county: CountyServer;
  let core: KioskCore;
  let technician: Connection;
  let clerk: Connection;
  let now = new Date('2026-11-02T01:00:00.000Z'); // a Monday, 09:00 in the kiosk's time zone is not needed here
  const point = DEMO_POINTS.find((p) => p.kioskId === 'demo-kiosk-2')!;

  const ok = async <T>(c: Connection, method: string, params: unknown = {}): Promise<T> => {
    const outcome = await core.dispatcher.dispatch(c, method, params);
    if ('error' in outcome) throw Object.assign(new Error(`${method}: ${JSON.stringify(outcome.error)}`), { code: outcome.error.code });
    return outcome.result as T;
  };
  const tickets = async () => (await ok<{ tickets: FaultTicketView[] }>(technician, 'faults.list')).tickets;
  const ticket = async (id: string) => (await tickets()).find((t) => t.id === id)!;
  const sync = async () => {
    const round = await ok<{ ok: boolean; error?: string }>(technician, 'sync.now');
    expect(round).toMatchObject({ ok: true });
  };
  // Console sessions end after 15 idle minutes of the controlled clock: sign in for every look.
  const tuwo = () => signIn(county, 'tuwo');
  const countyRow = async (id: string, username = 'tuwo') =>
    ((await (await signIn(county, username)).call('GET', '/console/api/faults')).body as unknown as FaultQueue).tickets.find((t) => t.id === id)!;
  const moves = (t: { moves: Array<{ action: string; level: string }> }) => t.moves.map((m) => `${m.action}@${m.level}`);

  beforeAll(async () => {
    county = await startConsoleCounty({ now: () => now });
    const config = parseSiteConfig({ ...DEMO_SITE_CONFIG, county: { url: county.url, kioskId: point.kioskId, secret: point.secret, development: true, syncIntervalSeconds: 3600 } });
    core = await createKioskCore({ config, dataDir: tempDataDir('kiosk-faults-'), simulate: true, log: createMemoryLogger().logger, appVersion: '0.0.0-test', now: () => now });
    technician = core.newConnection('internal');
    technician.staff = { id: 'tech-sun', displayName: '孙技术员', roles: ['technician'] };
    clerk = core.newConnection('internal');
    clerk.staff = { id: 'clerk-li', displayName: '李秀英', roles: ['clerk'] };
  });
  afterAll(async () => {
    await core?.close();
    await county?.close();
  });

  let printerTicket = '';

  it('climbs out of the point at the instant its response time ran out, and the county agrees after sync', async () => {
    const opened = await ok<FaultTicketView>(technician, 'faults.open', { deviceId: 'receipt-printer', summary: 'paper jam every third receipt' });
    printerTicket = opened.id;
    const openedAt = Date.parse(opened.openedAt);
    expect(opened).toMatchObject({ level: 'point', state: 'open', dueAt: new Date(openedAt + 120 * MIN).toISOString(), overdue: false });
    await sync();
    expect(await ticket(printerTicket)).toMatchObject({ state: 'sent', level: 'point' });
    expect(await countyRow(printerTicket)).toMatchObject({ level: 'point', state: 'open' });

    // Nobody at the point takes it: 119 minutes later it still stands at the point.
    now = new Date(openedAt + 119 * MIN);
    expect(await ticket(printerTicket)).toMatchObject({ level: 'point', overdue: false });
    // Three hours later (the kiosk was not asked in between) it climbed at exactly opened + 120 minutes.
    now = new Date(openedAt + 180 * MIN);
    const climbed = await ticket(printerTicket);
    expect(climbed).toMatchObject({ level: 'township', levelSince: new Date(openedAt + 120 * MIN).toISOString(), dueAt: new Date(openedAt + 360 * MIN).toISOString() });
    expect(climbed.unsentMoves).toEqual([{ at: new Date(openedAt + 120 * MIN).toISOString(), action: 'climb', level: 'township', by: 'system' }]);
    // It climbs once, however often it is looked at.
    expect((await ticket(printerTicket)).unsentMoves).toHaveLength(1);

    await sync();
    const atCounty = await countyRow(printerTicket);
    expect(atCounty).toMatchObject({ level: 'township', levelSince: new Date(openedAt + 120 * MIN).toISOString(), dueAt: new Date(openedAt + 360 * MIN).toISOString() });
    expect(moves(atCounty)).toEqual(['climb@township']);
    // The county's list came back: the kiosk holds it as confirmed, nothing left to send.
    await sync();
    const agreed = await ticket(printerTicket);
    expect(agreed).toMatchObject({ level: 'township', state: 'sent', unsentMoves: [] });
    expect(moves(agreed)).toEqual(['climb@township']);
    expect(agreed.levelSince).toBe(atCounty.levelSince);
  });

  it("brings the township's and the county's moves back by sync", async () => {
    expect((await (await tuwo()).call('POST', `/console/api/faults/${printerTicket}/acknowledge`, {})).status).toBe(200);
    await sync();
    expect(await ticket(printerTicket)).toMatchObject({ state: 'acknowledged', acknowledgedBy: '土沃乡人社所 王建国', dueAt: null, level: 'township' });
    // An acknowledged ticket does not climb, however long it waits.
    now = new Date(now.getTime() + 24 * 60 * MIN);
    expect(await ticket(printerTicket)).toMatchObject({ level: 'township', unsentMoves: [] });
    expect((await (await tuwo()).call('POST', `/console/api/faults/${printerTicket}/passUp`, { note: 'needs a new roller' })).status).toBe(200);
    await sync();
    const up = await ticket(printerTicket);
    expect(up).toMatchObject({ level: 'county', state: 'sent', acknowledgedBy: null });
    expect(moves(up)).toEqual(['climb@township', 'acknowledge@township', 'passUp@county']);
    // The point cannot take a ticket that stands above it.
    await expect(ok(clerk, 'faults.acknowledge', { id: printerTicket })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('offers to close only after a passing self-test; the close reaches the county', async () => {
    await expect(ok(technician, 'faults.close', { id: printerTicket })).rejects.toMatchObject({ code: 'conflict' });
    const test = await ok<{ ok: boolean }>(technician, 'devices.selfTest', { deviceId: 'receipt-printer' });
    expect(test.ok).toBe(true);
    expect((await ticket(printerTicket)).closeOfferedAt).toBe(now.toISOString());
    const closed = await ok<FaultTicketView>(technician, 'faults.close', { id: printerTicket });
    expect(closed).toMatchObject({ state: 'closed', closedAt: now.toISOString() });
    await sync();
    const atCounty = await countyRow(printerTicket, 'county');
    expect(atCounty).toMatchObject({ state: 'closed', resolvedAt: now.toISOString() });
    expect(atCounty.moves.at(-1)).toMatchObject({ action: 'resolve', by: '孙技术员', level: 'county' });
  });

  it('reopens the same ticket when the device fails again within 7 days, on both sides; later it is a new ticket', async () => {
    const closedAt = Date.parse((await ticket(printerTicket)).closedAt!);
    now = new Date(closedAt + 6 * 24 * 60 * MIN);
    const again = await ok<FaultTicketView>(technician, 'faults.open', { deviceId: 'receipt-printer', summary: 'paper jam again' });
    expect(again).toMatchObject({ id: printerTicket, state: 'sent', closedAt: null, reopened: 1, level: 'county', levelSince: now.toISOString() });
    await sync();
    const atCounty: FaultTicketRow = await countyRow(printerTicket, 'county');
    expect(atCounty).toMatchObject({ state: 'open', resolvedAt: null, level: 'county' });
    expect(atCounty.moves.at(-1)).toMatchObject({ action: 'reopen', by: '孙技术员', note: 'paper jam again' });

    // Close it again after a passing self-test, then wait past 7 days: a new fault is a new ticket.
    await ok(technician, 'devices.selfTest', { deviceId: 'receipt-printer' });
    await ok(technician, 'faults.close', { id: printerTicket });
    now = new Date(now.getTime() + 7 * 24 * 60 * MIN + MIN);
    const fresh = await ok<FaultTicketView>(technician, 'faults.open', { deviceId: 'receipt-printer', summary: 'cutter stuck' });
    expect(fresh.id).not.toBe(printerTicket);
    expect(fresh).toMatchObject({ level: 'point', reopened: 0 });
  });

  it('a ticket the point acknowledged in time stays at the point', async () => {
    const t = await ok<FaultTicketView>(clerk, 'faults.open', { summary: 'screen flickers in the afternoon' });
    await ok(clerk, 'faults.acknowledge', { id: t.id });
    await ok(clerk, 'faults.note', { id: t.id, note: 'reseated the display cable' });
    now = new Date(now.getTime() + 10 * 60 * MIN);
    await sync();
    const atCounty = await countyRow(t.id);
    expect(atCounty).toMatchObject({ level: 'point', acknowledgedBy: '李秀英', state: 'acknowledged' });
    expect(moves(atCounty)).toEqual(['acknowledge@point', 'note@point']);
  });
});
