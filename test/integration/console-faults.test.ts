import { DEMO_POINTS } from '../../src/county/console/console-demo-seed';
import type { CountyServer } from '../../src/county/server';
import type { FaultQueue, FaultTicketRow } from '../../src/shared/console/api';
import { HttpCountyClient } from '../../src/main/sync/http-county-client';
import { call, signIn, startConsoleCounty } from '../support/console-fixtures';

/** The escalation queue: moves checked by scope and level, stamped, and carried to the kiosk by its config pull. */
describe('console faults', () => {
  let county: CountyServer;
  const clock = Date.now();
  const TICKET = 'fault-0001';
  beforeAll(async () => {
    county = await startConsoleCounty({ now: () => new Date(clock) });
  });
  afterAll(() => county.close());
  const kiosk = () => new HttpCountyClient({ baseUrl: county.url, kioskId: 'demo-kiosk-2', secret: DEMO_POINTS.find((p) => p.kioskId === 'demo-kiosk-2')!.secret });

  it('takes a ticket from the point to the vendor and resolves it; the kiosk gets every move at its next pull', async () => {
    // Opened at the point two hours and a minute ago (its sync was down): the point's 120 minutes have run out.
    const openedAt = clock - 121 * 60_000;
    await kiosk().reportFaults([{ id: TICKET, openedAt: new Date(openedAt).toISOString(), deviceId: 'receipt-printer', summary: 'paper jam every third receipt' }]);
    const tuwo = await signIn(county, 'tuwo');
    const queue = (await tuwo.call('GET', '/console/api/faults')).body as unknown as FaultQueue;
    expect(queue.tickets.map((t) => [t.id, t.level, t.state])).toEqual([[TICKET, 'point', 'open']]);
    expect(queue.tickets[0]).toMatchObject({ dueAt: new Date(openedAt + 120 * 60_000).toISOString(), overdue: true });
    expect(queue.tickets[0]!.allowed).toEqual(['acknowledge', 'note', 'passUp', 'resolve']);
    const move = async (c: typeof tuwo, action: string, note?: string) => c.call('POST', `/console/api/faults/${TICKET}/${action}`, note === undefined ? {} : { note });
    expect((await move(tuwo, 'acknowledge')).body).toMatchObject({ acknowledgedBy: '土沃乡人社所 王建国', dueAt: null, overdue: false });
    expect((await move(tuwo, 'acknowledge')).status).toBe(409);
    expect((await move(tuwo, 'note', 'checked the paper path, roller worn')).status).toBe(200);
    expect((await move(tuwo, 'passUp', 'needs a new roller')).body).toMatchObject({ level: 'township', dueAt: new Date(clock + 240 * 60_000).toISOString() });
    expect((await move(tuwo, 'passUp')).body).toMatchObject({ level: 'county', allowed: [] });
    // At the county level the township can watch but no longer act.
    expect((await move(tuwo, 'resolve')).body).toEqual({ error: 'forbidden' });

    const admin = await signIn(county, 'county');
    expect((await move(admin, 'passUp', 'roller ordered from the vendor')).body).toMatchObject({ level: 'vendor' });
    expect((await move(admin, 'passUp')).status).toBe(409);
    const resolved = (await move(admin, 'resolve', 'roller replaced, self-test passed')).body as unknown as FaultTicketRow;
    expect(resolved).toMatchObject({ state: 'closed', level: 'vendor', allowed: [] });
    expect(resolved.moves.map((m) => [m.action, m.level])).toEqual([
      ['acknowledge', 'point'],
      ['note', 'point'],
      ['passUp', 'township'],
      ['passUp', 'county'],
      ['passUp', 'vendor'],
      ['resolve', 'vendor'],
    ]);

    const config = await kiosk().pullConfig(0);
    const ticket = config!.tickets.find((t) => t.id === TICKET)!;
    expect(ticket).toMatchObject({ state: 'closed', level: 'vendor', note: '设备厂家已解决（县人社局 管理员）：roller replaced, self-test passed' });
    expect(ticket.moves!.map((m) => m.by)).toEqual(['土沃乡人社所 王建国', '土沃乡人社所 王建国', '土沃乡人社所 王建国', '土沃乡人社所 王建国', '县人社局 管理员', '县人社局 管理员']);
    const trail = county.db.prepare("SELECT actor_id, action FROM audit_log WHERE target = ? ORDER BY seq").all(TICKET) as Array<{ actor_id: string; action: string }>;
    expect(trail.map((e) => e.action)).toEqual(['fault.acknowledge', 'fault.note', 'fault.passUp', 'fault.passUp', 'fault.passUp', 'fault.resolve']);
  });

  it('gives another township neither the ticket nor any move on it, and refuses a move without the CSRF token', async () => {
    await kiosk().reportFaults([{ id: 'fault-0002', openedAt: new Date(clock).toISOString(), deviceId: null, summary: 'screen flickers' }]);
    const beige = await signIn(county, 'beige');
    expect(((await beige.call('GET', '/console/api/faults')).body as unknown as FaultQueue).tickets).toEqual([]);
    expect((await beige.call('POST', '/console/api/faults/fault-0002/acknowledge', {})).body).toEqual({ error: 'not_found' });
    expect((await beige.call('POST', '/console/api/faults/fault-0002/resolve', {})).body).toEqual({ error: 'not_found' });
    const tuwo = await signIn(county, 'tuwo');
    expect((await call(county, 'POST', '/console/api/faults/fault-0002/acknowledge', {}, { cookie: tuwo.cookie })).body).toEqual({ error: 'csrf' });
    expect((await tuwo.call('POST', '/console/api/faults/fault-0002/note', {})).body).toEqual({ error: 'invalid_body', field: 'note' });
    const open = ((await tuwo.call('GET', '/console/api/faults')).body as unknown as FaultQueue).tickets.find((t) => t.id === 'fault-0002')!;
    expect(open).toMatchObject({ state: 'open', moves: [] });
  });
});
