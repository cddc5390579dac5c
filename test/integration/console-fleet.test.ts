import { DEMO_POINTS } from '../../src/county/console/console-demo-seed';
import type { CountyServer } from '../../src/county/server';
import type { Fleet } from '../../src/shared/console/api';
import { HttpCountyClient } from '../../src/main/sync/http-county-client';
import { signIn, startConsoleCounty } from '../support/console-fixtures';

/** The fleet page's API: what kiosks said in their signed heartbeats, per point, in the account's scope. */
describe('console fleet', () => {
  let county: CountyServer;
  let clock = Date.now();
  beforeAll(async () => {
    county = await startConsoleCounty({ now: () => new Date(clock), console: { silentAfterSeconds: 600 } });
  });
  afterAll(() => county.close());

  const kiosk = (id: string) => {
    const point = DEMO_POINTS.find((p) => p.kioskId === id)!;
    return new HttpCountyClient({ baseUrl: county.url, kioskId: id, secret: point.secret });
  };

  it('shows each point of the township with its heartbeat, devices, queue, versions and clock offset; silent points stand out', async () => {
    await kiosk('demo-kiosk-2').heartbeat({
      kioskId: 'demo-kiosk-2',
      at: new Date(clock + 42_000).toISOString(),
      appVersion: '0.1.0',
      configVersion: 7,
      catalogVersion: 5,
      queueDepth: 3,
      rejected: 0,
      oldestPendingAt: new Date(clock - 3_600_000).toISOString(),
      devices: [
        { id: 'receipt-printer', kind: 'receiptPrinter', state: 'userActionRequired' },
        { id: 'id-reader', kind: 'idCardReader', state: 'online' },
      ],
    });
    const tuwo = await signIn(county, 'tuwo');
    const answer = (await tuwo.call('GET', '/console/api/fleet')).body as unknown as Fleet;
    // Oldest heartbeat first, never heard from last.
    expect(answer.rows.map((r) => r.point.kioskId)).toEqual(['demo-kiosk-2', 'demo-kiosk']);
    const [village, demo] = answer.rows;
    expect(demo).toMatchObject({ silent: true, lastHeartbeatAt: null, queueDepth: null });
    expect(village).toMatchObject({
      silent: false,
      lastHeartbeatAt: new Date(clock).toISOString(),
      queueDepth: 3,
      oldestPendingAt: new Date(clock - 3_600_000).toISOString(),
      appVersion: '0.1.0',
      configVersion: 7,
      catalogVersion: 5,
      clockOffsetSeconds: 42,
      devicesInTrouble: 1,
    });

    clock += 601_000;
    const later = (await tuwo.call('GET', '/console/api/fleet')).body as unknown as Fleet;
    expect(later.rows.find((r) => r.point.kioskId === 'demo-kiosk-2')!.silent).toBe(true);
  });

  it('shows another township none of these points', async () => {
    const beige = await signIn(county, 'beige');
    const answer = (await beige.call('GET', '/console/api/fleet')).body as unknown as Fleet;
    expect(answer.rows.map((r) => r.point.kioskId)).toEqual(['demo-kiosk-3']);
    const admin = await signIn(county, 'county');
    expect(((await admin.call('GET', '/console/api/fleet')).body as unknown as Fleet).rows).toHaveLength(3);
  });
});
