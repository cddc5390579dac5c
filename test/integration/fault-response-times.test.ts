import { DEMO_SITE_CONFIG, parseSiteConfig } from '../../src/main/config/load-site-config';
import { createKioskCore, type KioskCore } from '../../src/main/core';
import type { Connection } from '../../src/main/dispatcher';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { DEMO_POINTS } from '../../src/county/console/console-demo-seed';
import { publishConfigPart } from '../../src/county/county-state';
import type { CountyServer } from '../../src/county/server';
import type { FaultQueue } from '../../src/shared/console/api';
import type { FaultTicketView } from '../../src/main/faults/fault-desk';
import { signIn, startConsoleCounty } from '../support/console-fixtures';
import { tempDataDir } from '../support/store-fixtures';

jest.setTimeout(60_000);

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The county's fault response times reach the kiosks in the site settings (config round) and both sides climb by
 * them (issue 10): a ticket climbs out of the point at the published point time, not the default 120 minutes, and the
 * county climbs it further at the published township time; publishing another time moves the next climb's instant.
 * Kiosk and county run on one controlled clock.
 */
describe('fault response times published by the county', () => {
  let county: CountyServer;
  let core: KioskCore;
  let technician: Connection;
  let now = new Date('2026-11-02T01:00:00.000Z');
  const point = DEMO_POINTS.find((p) => p.kioskId === 'demo-kiosk-2')!;

  const ok = async <T>(method: string, params: unknown = {}): Promise<T> => {
    const outcome = await core.dispatcher.dispatch(technician, method, params);
    if ('error' in outcome) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
    return outcome.result as T;
  };
  const ticket = async (id: string) => (await ok<{ tickets: FaultTicketView[] }>('faults.list')).tickets.find((t) => t.id === id)!;
  const sync = async () => expect(await ok('sync.now')).toMatchObject({ ok: true });
  const countyRow = async (id: string) => ((await (await signIn(county, 'county')).call('GET', '/console/api/faults')).body as unknown as FaultQueue).tickets.find((t) => t.id === id)!;
  const publish = async (times: { point: number; township: number; county: number; vendor: number }) => {
    await publishConfigPart(county.query, 'site', { onDuty: '李秀英', consultationPhone: '0351-12333', faultResponseMinutes: times });
    await sync(); // the config round brings the site settings to the kiosk
  };

  beforeAll(async () => {
    county = await startConsoleCounty({ now: () => now, console: { faultClimbIntervalMs: 0 } });
    const config = parseSiteConfig({ ...DEMO_SITE_CONFIG, county: { url: county.url, kioskId: point.kioskId, secret: point.secret, development: true, syncIntervalSeconds: 3600 } });
    core = await createKioskCore({ config, dataDir: tempDataDir('kiosk-fault-times-'), simulate: true, log: createMemoryLogger().logger, appVersion: '0.0.0-test', now: () => now });
    technician = core.newConnection('internal');
    technician.staff = { id: 'tech-sun', displayName: '孙技术员', roles: ['technician'] };
  });
  afterAll(async () => {
    await core?.close();
    await county?.close();
  });

  it('the kiosk climbs out of the point at the published time, the county climbs on at its published time', async () => {
    await publish({ point: 30, township: 50, county: 480, vendor: 2880 });
    const opened = await ok<FaultTicketView>('faults.open', { deviceId: 'receipt-printer', summary: 'cutter stuck' });
    const t0 = Date.parse(opened.openedAt);
    expect(opened).toMatchObject({ level: 'point', dueAt: iso(t0 + 30 * MIN) });
    await sync();
    now = new Date(t0 + 29 * MIN);
    expect(await ticket(opened.id)).toMatchObject({ level: 'point' });
    now = new Date(t0 + 31 * MIN);
    expect(await ticket(opened.id)).toMatchObject({ level: 'township', levelSince: iso(t0 + 30 * MIN), dueAt: iso(t0 + 80 * MIN) });
    await sync();
    expect(await countyRow(opened.id)).toMatchObject({ level: 'township', levelSince: iso(t0 + 30 * MIN), dueAt: iso(t0 + 80 * MIN) });

    // The township does not answer: the county climbs it at 30 + 50 minutes, and the kiosk hears it by sync.
    now = new Date(t0 + 95 * MIN);
    const atCounty = await countyRow(opened.id);
    expect(atCounty).toMatchObject({ level: 'county', levelSince: iso(t0 + 80 * MIN), dueAt: iso(t0 + 560 * MIN) });
    expect(atCounty.moves.map((m) => `${m.action}@${m.level}@${(Date.parse(m.at) - t0) / MIN}`)).toEqual(['climb@township@30', 'climb@county@80']);
    await sync();
    expect(await ticket(opened.id)).toMatchObject({ level: 'county', levelSince: iso(t0 + 80 * MIN) });
  });

  it('a changed time moves the climb instant on both sides', async () => {
    await publish({ point: 45, township: 20, county: 480, vendor: 2880 });
    const opened = await ok<FaultTicketView>('faults.open', { deviceId: 'id-reader', summary: 'reads no card' });
    const t0 = Date.parse(opened.openedAt);
    expect(opened.dueAt).toBe(iso(t0 + 45 * MIN));
    await sync();
    // Where 30 minutes climbed it before, it now stands at the point.
    now = new Date(t0 + 44 * MIN);
    expect(await ticket(opened.id)).toMatchObject({ level: 'point' });
    expect(await countyRow(opened.id)).toMatchObject({ level: 'point', dueAt: iso(t0 + 45 * MIN) });
    now = new Date(t0 + 70 * MIN);
    // Not asked in between: the county alone climbs it twice, each at its instant (45, then 45 + 20).
    const atCounty = await countyRow(opened.id);
    expect(atCounty.moves.map((m) => `${m.action}@${m.level}@${(Date.parse(m.at) - t0) / MIN}`)).toEqual(['climb@township@45', 'climb@county@65']);
    await sync();
    expect(await ticket(opened.id)).toMatchObject({ level: 'county', levelSince: iso(t0 + 65 * MIN) });
  });
});
