import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { publishConfigPart } from '../../src/county/county-state';
import type { CountyServer } from '../../src/county/server';
import { HttpCountyClient } from '../../src/main/sync/http-county-client';
import { TEST_KIOSK, startTestCounty } from '../support/county-fixtures';
import { batchItem } from '../support/county-items';

const [wang, li] = [SAMPLE_RESIDENTS[0]!, SAMPLE_RESIDENTS[1]!];
const ADMIN = { authorization: 'Bearer admin-test-token', 'content-type': 'application/json' };
const DAY = 86_400_000;

/**
 * A temporary card block is the county's: a loss report stores the block, it holds for the county's published
 * period (7, 10 or 15 days) and then lifts by itself, read against the county's clock; a cancelled report lifts it
 * early. The county's own lookup of the card says which, at every moment (runs on SQLite and PostgreSQL).
 */
describe('a temporary card block stored at the county lifts by itself', () => {
  let county: CountyServer;
  let client: HttpCountyClient;
  let clock = new Date('2026-12-01T09:00:00.000Z');
  beforeAll(async () => {
    const catalog = defaultCatalog();
    county = await startTestCounty({ catalog, now: () => clock });
    await publishConfigPart(county.query, 'catalog', { ...catalog, settings: { ...catalog.settings, cardBlockDays: { value: 10, setOn: '2026-11-20' } } });
    client = new HttpCountyClient({ baseUrl: county.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret, now: () => clock.getTime() });
  });
  afterAll(async () => {
    client.close();
    await county.close();
  });

  const send = async (item: ReturnType<typeof batchItem>) => {
    expect((await client.sendBatch([item])).results[0]!.status).toBe('accepted');
    await county.relay.tick();
  };
  const lookup = async (idNumber: string) => {
    const res = await fetch(`${county.url}/admin/v1/cards/block-state`, { method: 'POST', headers: ADMIN, body: JSON.stringify({ idNumber }) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('is blocked until the published 10 days have passed, then lifted, without anything sweeping it', async () => {
    expect((await lookup(wang.idNumber)).body).toEqual({ state: 'none', blockedAt: null, liftsAt: null, liftedAt: null });
    const blockedAt = clock.toISOString();
    const liftsAt = new Date(clock.getTime() + 10 * DAY).toISOString();
    await send(batchItem(wang, 'CARD-02', { form: { operation: 'reportLoss' } }));
    expect((await lookup(wang.idNumber)).body).toEqual({ state: 'blocked', blockedAt, liftsAt, liftedAt: null });

    clock = new Date(Date.parse(liftsAt) - 1);
    expect((await lookup(wang.idNumber)).body).toMatchObject({ state: 'blocked' });
    clock = new Date(Date.parse(liftsAt));
    expect((await lookup(wang.idNumber)).body).toEqual({ state: 'lifted', blockedAt, liftsAt, liftedAt: liftsAt });
    clock = new Date(Date.parse(liftsAt) + 30 * DAY);
    expect((await lookup(wang.idNumber)).body).toMatchObject({ state: 'lifted', liftedAt: liftsAt });
    // Another resident's card was never blocked.
    expect((await lookup(li.idNumber)).body).toMatchObject({ state: 'none' });
  });

  it('a cancelled loss report lifts it at once; a new report blocks it again for a whole period', async () => {
    const blockedAt = clock.toISOString();
    await send(batchItem(li, 'CARD-02', { form: { operation: 'reportLoss' } }));
    expect((await lookup(li.idNumber)).body).toMatchObject({ state: 'blocked', blockedAt });
    clock = new Date(clock.getTime() + 2 * DAY);
    await send(batchItem(li, 'CARD-02', { form: { operation: 'cancelLossReport' } }));
    expect((await lookup(li.idNumber)).body).toEqual({ state: 'cancelled', blockedAt, liftsAt: new Date(Date.parse(blockedAt) + 10 * DAY).toISOString(), liftedAt: clock.toISOString() });

    const again = clock.toISOString();
    await send(batchItem(li, 'CARD-02', { form: { operation: 'reportLoss' } }));
    expect((await lookup(li.idNumber)).body).toEqual({ state: 'blocked', blockedAt: again, liftsAt: new Date(clock.getTime() + 10 * DAY).toISOString(), liftedAt: null });
  });

  it('refuses a lookup without a valid ID number, and without the admin token', async () => {
    expect((await lookup('12345')).status).toBe(400);
    const res = await fetch(`${county.url}/admin/v1/cards/block-state`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ idNumber: wang.idNumber }) });
    expect(res.status).toBe(401);
  });
});
