import { DEMO_POINTS } from '../../src/county/console/console-demo-seed';
import type { CountyServer } from '../../src/county/server';
import type { FaultQueue, FaultTicketRow } from '../../src/shared/console/api';
import { HttpCountyClient } from '../../src/main/sync/http-county-client';
import { call, signIn, startConsoleCounty } from '../support/console-fixtures';

/** The escalation queue: moves checked by scope and level, stamped, and carried to the kiosk by its config pull. */
describe('console faults', () => {
  let county: CountyServer;
  const clock = Date.now();
  let now = clock;
  const TICKET = 'fault-0001';
  beforeAll(async () => {
    county = await startConsoleCounty({ now: () => new Date(now) });
  });
  afterAll(() => county.close());
  const kiosk = () => new HttpCountyClient({ baseUrl: county.url, kioskId: 'demo-kiosk-2', secret: DEMO_POINTS.find((p) => p.kioskId === 'demo-kiosk-2')!.secret, now: () => now });

  it('takes a ticket from the point to the vendor and resolves it; the kiosk gets every move at its next pull', async () => {
    // Opened at the point an hour and forty minutes ago: twenty minutes left of the point's 120.
    const openedAt = clock - 100 * 60_000;
    await kiosk().reportFaults([{ id: TICKET, openedAt: new Date(openedAt).toISOString(), deviceId: 'receipt-printer', summary: 'paper jam every third receipt' }]);
    const tuwo = await signIn(county, 'tuwo');
    const queue = (await tuwo.call('GET', '/console/api/faults')).body as unknown as FaultQueue;
    expect(queue.tickets.map((t) => [t.id, t.level, t.state])).toEqual([[TICKET, 'point', 'open']]);
    expect(queue.tickets[0]).toMatchObject({ dueAt: new Date(openedAt + 120 * 60_000).toISOString(), overdue: false });
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
    const trail = await county.query.selectFrom('audit_log').select(['actor_id', 'action']).where('target', '=', TICKET).orderBy('seq').execute();
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

  it('climbs a ticket nobody acknowledges by itself, each level at the instant its time ran out, and the kiosk gets every climb', async () => {
    const openedAt = clock - 30 * 60_000;
    await kiosk().reportFaults([{ id: 'fault-0003', openedAt: new Date(openedAt).toISOString(), deviceId: 'id-reader', summary: 'card not read' }]);
    const [climbsAt, config] = [(t: FaultTicketRow) => t.moves.filter((m) => m.action === 'climb').map((m) => [m.level, m.at, m.by]), { since: 0 }];
    const ticket = async () => ((await (await signIn(county, 'county')).call('GET', '/console/api/faults')).body as unknown as FaultQueue).tickets.find((t) => t.id === 'fault-0003')!;
    expect(await ticket()).toMatchObject({ level: 'point', moves: [] });
    config.since = (await kiosk().pullConfig(0))!.version;

    // Nobody looks for a weekend: point (120 min), township (240) and county (480) all run out, one after another.
    now = openedAt + 3 * 24 * 60 * 60_000;
    const weekend = await ticket();
    expect(weekend).toMatchObject({ level: 'vendor', state: 'open', levelSince: new Date(openedAt + 840 * 60_000).toISOString() });
    expect(climbsAt(weekend)).toEqual([
      ['township', new Date(openedAt + 120 * 60_000).toISOString(), 'system'],
      ['county', new Date(openedAt + 360 * 60_000).toISOString(), 'system'],
      ['vendor', new Date(openedAt + 840 * 60_000).toISOString(), 'system'],
    ]);
    // Looked at again, nothing climbs twice.
    expect(climbsAt(await ticket())).toHaveLength(3);
    const pulled = (await kiosk().pullConfig(config.since))!.tickets.find((t) => t.id === 'fault-0003')!;
    expect(pulled).toMatchObject({ state: 'open', level: 'vendor', note: '无人在时限内受理，已自动转交设备厂家' });
    expect(pulled.moves!.map((m) => m.action)).toEqual(['climb', 'climb', 'climb']);
  });

  it('climbs once when the queue is read twice at the same moment (two staff, or the timer beside a read)', async () => {
    const openedAt = now - 30 * 60_000;
    await kiosk().reportFaults([{ id: 'fault-0009', openedAt: new Date(openedAt).toISOString(), deviceId: 'printer', summary: 'paper jam' }]);
    now = openedAt + 3 * 24 * 60 * 60_000;
    const [a, b] = await Promise.all([signIn(county, 'county'), signIn(county, 'county')]);
    await Promise.all([a.call('GET', '/console/api/faults'), b.call('GET', '/console/api/faults'), a.call('GET', '/console/api/faults')]);
    const queue = (await a.call('GET', '/console/api/faults')).body as unknown as FaultQueue;
    const climbs = queue.tickets.find((t) => t.id === 'fault-0009')!.moves.filter((m) => m.action === 'climb').map((m) => m.level);
    expect(climbs).toEqual(['township', 'county', 'vendor']);
  });

  it('stops climbing once a level acknowledges, and keeps a climb the kiosk also sends only once', async () => {
    now = clock;
    const openedAt = clock - 130 * 60_000; // the point's time ran out ten minutes ago
    await kiosk().reportFaults([{ id: 'fault-0004', openedAt: new Date(openedAt).toISOString(), deviceId: null, summary: 'printer offline' }]);
    const tuwo = await signIn(county, 'tuwo');
    const climbed = (await tuwo.call('POST', '/console/api/faults/fault-0004/acknowledge', {})).body as unknown as FaultTicketRow;
    // The township acknowledges at the level the ticket has climbed to by now.
    expect(climbed).toMatchObject({ level: 'township', acknowledgedBy: '土沃乡人社所 王建国' });
    // The kiosk climbed it too (same rule, same instant) and reports its move: the county keeps one climb.
    await kiosk().reportFaults([{ id: 'fault-0004', openedAt: new Date(openedAt).toISOString(), deviceId: null, summary: 'printer offline', moves: [{ at: new Date(openedAt + 120 * 60_000).toISOString(), action: 'climb', level: 'township', by: 'system' }] }]);
    now = clock + 10 * 24 * 60 * 60_000;
    const later = ((await (await signIn(county, 'tuwo')).call('GET', '/console/api/faults')).body as unknown as FaultQueue).tickets.find((t) => t.id === 'fault-0004')!;
    expect(later).toMatchObject({ level: 'township', dueAt: null });
    expect(later.moves.map((m) => [m.action, m.level])).toEqual([
      ['climb', 'township'],
      ['acknowledge', 'township'],
    ]);
  });
});

describe('console faults, nobody looking', () => {
  it('the gateway climbs on its own timer: the kiosk sees the new level without anyone opening the console', async () => {
    const county = await startConsoleCounty({ console: { faultClimbIntervalMs: 50 } });
    try {
      const point = DEMO_POINTS.find((p) => p.kioskId === 'demo-kiosk-2')!;
      const kiosk = new HttpCountyClient({ baseUrl: county.url, kioskId: point.kioskId, secret: point.secret });
      const openedAt = Date.now() - 121 * 60_000;
      await kiosk.reportFaults([{ id: 'fault-timer', openedAt: new Date(openedAt).toISOString(), deviceId: null, summary: 'camera dark' }]);
      let pulled: { level?: string; state: string } | undefined;
      for (let i = 0; i < 100 && pulled?.level !== 'township'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        pulled = (await kiosk.pullConfig(0))!.tickets.find((t) => t.id === 'fault-timer');
      }
      expect(pulled).toMatchObject({ level: 'township', state: 'open', note: '无人在时限内受理，已自动转交乡镇人社所' });
      kiosk.close();
    } finally {
      await county.close();
    }
  });
});
