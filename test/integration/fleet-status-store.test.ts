import { refreshFleetStatus } from '../../src/county/console/fleet-status';
import type { CountyDatabase } from '../../src/county/db/connection';
import { closeTestCountyDatabase, openTestCountyDatabase } from '../support/county-database';

/**
 * The fleet table's refresh (fleet-status.ts) called directly on the county database: each heartbeat's figures in
 * their columns, which device states count as trouble, the kiosk's clock offset rounded to the second either way, an
 * unreadable heartbeat kept as heard-from with empty figures, and only heartbeats that changed parsed again.
 * console-fleet.test.ts covers the same through a started county and the console's routes.
 */
const HEARD = '2026-12-01T08:00:00.000Z';
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

const heartbeat = (kioskId: string, over: Record<string, unknown> = {}) => ({
  kioskId,
  at: HEARD,
  appVersion: '1.4.2',
  configVersion: 17,
  queueDepth: 3,
  rejected: 1,
  oldestPendingAt: '2026-12-01T07:40:00.000Z',
  devices: [],
  catalogVersion: 9,
  ...over,
});

describe('fleet status on the county database', () => {
  let county: CountyDatabase;
  const status = (kioskId: string) => county.query.selectFrom('fleet_status').selectAll().where('kiosk_id', '=', kioskId).executeTakeFirst();
  const heard = async (kioskId: string, at: string, body: unknown) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    await county.query
      .insertInto('heartbeats')
      .values({ kiosk_id: kioskId, at, body: text })
      .onConflict((c) => c.column('kiosk_id').doUpdateSet({ at, body: text }))
      .execute();
  };

  beforeAll(async () => {
    county = await openTestCountyDatabase('fleet-status-');
  });
  afterAll(() => closeTestCountyDatabase(county));

  it('does nothing without heartbeats', async () => {
    await refreshFleetStatus(county.query);
    expect(await county.query.selectFrom('fleet_status').selectAll().execute()).toEqual([]);
  });

  it('keeps every figure of a heartbeat, counts only devices not online, busy or unconfigured as trouble, and rounds the clock offset', async () => {
    const devices = [
      { id: 'reader', kind: 'idCard', state: 'online' },
      { id: 'printer', kind: 'printer', state: 'busy' },
      { id: 'face', kind: 'face', state: 'notConfigured' },
      { id: 'slip', kind: 'printer', state: 'paperOut' },
      { id: 'card', kind: 'ssCard', state: 'offline' },
    ];
    // The kiosk's clock 90.6 s ahead of the county's (rounds to 91), the other's 2.6 s behind (rounds to -3).
    await heard('kiosk-a', HEARD, heartbeat('kiosk-a', { at: plus(HEARD, 90_600), devices }));
    await heard('kiosk-b', HEARD, heartbeat('kiosk-b', { at: plus(HEARD, -2_600), catalogVersion: undefined, oldestPendingAt: null }));
    await refreshFleetStatus(county.query);
    expect(await status('kiosk-a')).toEqual({
      kiosk_id: 'kiosk-a',
      heartbeat_at: HEARD,
      devices: JSON.stringify(devices),
      devices_in_trouble: 2,
      queue_depth: 3,
      rejected: 1,
      oldest_pending_at: '2026-12-01T07:40:00.000Z',
      app_version: '1.4.2',
      config_version: 17,
      catalog_version: 9,
      clock_offset_seconds: 91,
    });
    expect(await status('kiosk-b')).toMatchObject({ devices: '[]', devices_in_trouble: 0, oldest_pending_at: null, catalog_version: null, clock_offset_seconds: -3 });
  });

  it('keeps a heartbeat it cannot read as heard from, with every figure empty', async () => {
    await heard('kiosk-c', HEARD, '{not json');
    await heard('kiosk-d', HEARD, { kioskId: 'kiosk-d', devices: [{ id: 'x', kind: 'y', state: 'broken' }] });
    await refreshFleetStatus(county.query);
    const empty = { heartbeat_at: HEARD, devices: '[]', devices_in_trouble: 0, queue_depth: null, rejected: null, oldest_pending_at: null, app_version: null, config_version: null, catalog_version: null, clock_offset_seconds: null };
    expect(await status('kiosk-c')).toEqual({ kiosk_id: 'kiosk-c', ...empty });
    expect(await status('kiosk-d')).toEqual({ kiosk_id: 'kiosk-d', ...empty });
  });

  it('parses again only the heartbeats that changed since the last refresh, and replaces every figure of those', async () => {
    // A mark in the stored row shows whether the refresh wrote it again.
    await county.query.updateTable('fleet_status').set({ queue_depth: 999 }).execute();
    await refreshFleetStatus(county.query);
    for (const k of ['kiosk-a', 'kiosk-b', 'kiosk-c', 'kiosk-d']) expect(await status(k)).toMatchObject({ queue_depth: 999 });

    const later = plus(HEARD, 60_000);
    await heard('kiosk-a', later, heartbeat('kiosk-a', { at: later, queueDepth: 0, rejected: 0, appVersion: '1.5.0', configVersion: 18, catalogVersion: 10, oldestPendingAt: null }));
    await heard('kiosk-c', later, heartbeat('kiosk-c', { at: later, devices: [{ id: 'slip', kind: 'printer', state: 'paperOut' }] }));
    await refreshFleetStatus(county.query);
    expect(await status('kiosk-a')).toEqual({
      kiosk_id: 'kiosk-a',
      heartbeat_at: later,
      devices: '[]',
      devices_in_trouble: 0,
      queue_depth: 0,
      rejected: 0,
      oldest_pending_at: null,
      app_version: '1.5.0',
      config_version: 18,
      catalog_version: 10,
      clock_offset_seconds: 0,
    });
    expect(await status('kiosk-c')).toMatchObject({ heartbeat_at: later, devices_in_trouble: 1, queue_depth: 3, clock_offset_seconds: 0 });
    expect(await status('kiosk-b')).toMatchObject({ queue_depth: 999 });
    expect(await status('kiosk-d')).toMatchObject({ queue_depth: 999 });
  });
});
