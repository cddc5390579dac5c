import { runLookup } from '../../src/county/lookups';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { DEMO_SITE_CONFIG, parseSiteConfig } from '../../src/main/config/load-site-config';
import { createKioskCore, type KioskCore } from '../../src/main/core';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { publishConfigPart } from '../../src/county/county-state';
import { DEMO_STAFF_PASSWORDS } from '../../src/county/demo-seed';
import type { CountyServer } from '../../src/county/server';
import { TEST_KIOSK, startTestCounty } from '../support/county-fixtures';
import { tempDataDir } from '../support/store-fixtures';

function waitFor<T>(check: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      const value = check();
      if (value !== undefined) return resolve(value);
      if (Date.now() - started > timeoutMs) return reject(new Error('timed out'));
      setTimeout(tick, 50);
    };
    tick();
  });
}

describe('the core with a county: sync service, staff login, config flowing down', () => {
  let county: CountyServer & { configPublicKeyFile: string };
  let core: KioskCore;
  const events: Array<{ event: string; data: unknown }> = [];
  beforeAll(async () => {
    county = await startTestCounty({ catalog: defaultCatalog() });
    const config = parseSiteConfig({ ...DEMO_SITE_CONFIG, county: { url: county.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret, development: true, configPublicKeyFile: county.configPublicKeyFile, syncIntervalSeconds: 5 } });
    core = await createKioskCore({ config, dataDir: tempDataDir('kiosk-core-'), simulate: true, log: createMemoryLogger().logger, appVersion: '0.0.0-test' });
    core.events.subscribe((event, data) => events.push({ event, data }));
  });
  afterAll(async () => {
    await core.close();
    await county.close();
  });

  it('pulls the staff list at start, then a clerk logs in with the county password (scrypt) and sees the sync state', async () => {
    const conn = core.newConnection('internal');
    await waitFor(() => events.find((e) => e.event === 'config.changed' && (e.data as { part: string }).part === 'staff'));
    expect(await core.dispatcher.dispatch(conn, 'sync.now', {})).toMatchObject({ error: { code: 'forbidden' } });
    expect(await core.dispatcher.dispatch(conn, 'staff.login', { username: 'li', password: 'wrong' })).toMatchObject({ error: { code: 'invalid_credentials', messageKey: 'errors:invalid_credentials' } });
    expect(await core.dispatcher.dispatch(conn, 'staff.login', { username: 'li', password: DEMO_STAFF_PASSWORDS.li })).toEqual({ result: { id: 'clerk-li', displayName: '李秀英', roles: ['clerk'] } });
    expect(await core.dispatcher.dispatch(conn, 'staff.me', {})).toMatchObject({ result: { staff: { id: 'clerk-li' } } });
    const now = await core.dispatcher.dispatch(conn, 'sync.now', {});
    expect(now).toMatchObject({ result: { ok: true, status: { configured: true, online: true, pending: 0 } } });
    expect(await core.dispatcher.dispatch(conn, 'staff.logout', {})).toEqual({ result: { loggedOut: true } });
    expect(await core.dispatcher.dispatch(conn, 'sync.now', {})).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('locks a username after five wrong passwords', async () => {
    const conn = core.newConnection('internal');
    for (let i = 0; i < 5; i++) await core.dispatcher.dispatch(conn, 'staff.login', { username: 'zhao', password: `nope${i}` });
    expect(await core.dispatcher.dispatch(conn, 'staff.login', { username: 'zhao', password: DEMO_STAFF_PASSWORDS.zhao })).toMatchObject({
      error: { code: 'invalid_credentials', retryable: false, details: { lockedForSeconds: expect.any(Number) } },
    });
  });

  it('a catalogue published at the county replaces the shipped one on the kiosk', async () => {
    const conn = core.newConnection('internal');
    const catalog = defaultCatalog();
    const renamed = { ...catalog, items: catalog.items.map((i) => (i.code === 'JOB-01' ? { ...i, name: { 'zh-CN': '求职登记（新版）', en: 'Job-seeker registration (new)' } } : i)) };
    const version = await publishConfigPart(county.query, 'catalog', renamed);
    await core.dispatcher.dispatch(await loggedInTechnician(), 'sync.now', {});
    await waitFor(() => events.find((e) => e.event === 'config.changed' && (e.data as { version: number }).version === version));
    const got = (await core.dispatcher.dispatch(conn, 'catalog.get', { code: 'JOB-01' })) as { result: { name: { 'zh-CN': string } } };
    expect(got.result.name['zh-CN']).toBe('求职登记（新版）');
  });

  it('answers online lookups for listings through the county; personal ones need a resident', async () => {
    const conn = core.newConnection('internal');
    const vacancies = (await core.dispatcher.dispatch(conn, 'queries.run', { itemCode: 'JOB-02', params: {} })) as { result: { rows: unknown[] } };
    expect(vacancies.result.rows.length).toBeGreaterThan(0);
    expect(await core.dispatcher.dispatch(conn, 'queries.run', { itemCode: 'INS-06', params: { period: 'all' } })).toMatchObject({ error: { code: 'session_required' } });
    expect(await core.dispatcher.dispatch(conn, 'sync.status', {})).toMatchObject({ result: { configured: true, online: true } });
  });

  it("a personal lookup answers with the identified resident's own rows: two residents, each their own", async () => {
    const rowsOf = async (residentIndex: number) => {
      const conn = core.newConnection('internal');
      expect(await core.dispatcher.dispatch(conn, 'dev.idCard.insert', { residentIndex })).not.toHaveProperty('error');
      expect(await core.dispatcher.dispatch(conn, 'session.identify', { source: 'idCard' })).not.toHaveProperty('error');
      const answer = (await core.dispatcher.dispatch(conn, 'queries.run', { itemCode: 'INS-06', params: { period: 'all' } })) as { result: { rows: unknown[] } };
      await core.dispatcher.dispatch(conn, 'session.end', { reason: 'finished' });
      await core.dispatcher.dispatch(conn, 'dev.idCard.remove', {});
      const r = SAMPLE_RESIDENTS[residentIndex]!;
      // What the county's records say for this very resident (the lookup is computed from the ID number).
      const own = runLookup('INS-06', { idNumber: r.idNumber, name: r.name, sex: r.sex, birthDate: r.birthDate }, new Date(), { period: 'all' }, 'zh-CN').rows;
      return { got: answer.result.rows, own };
    };
    const first = await rowsOf(0);
    const second = await rowsOf(3);
    expect(first.got).toEqual(first.own);
    expect(second.got).toEqual(second.own);
    expect(first.own).not.toEqual(second.own); // else the comparison could not tell the residents apart
  });

  it('shows the county announcements in force, and a technician fault ticket reaches the county', async () => {
    const conn = core.newConnection('internal');
    const current = (await core.dispatcher.dispatch(conn, 'announcements.current', {})) as { result: { announcements: Array<{ id: string }> } };
    expect(current.result.announcements.map((a) => a.id)).toEqual(['winter-2026']);
    expect(await core.dispatcher.dispatch(conn, 'faults.open', { summary: 'printer jams' })).toMatchObject({ error: { code: 'forbidden' } });
    const tech = await loggedInTechnician();
    const opened = (await core.dispatcher.dispatch(tech, 'faults.open', { deviceId: 'receipt-printer', summary: 'paper jams; resident 140105196803120133 waited' })) as { result: { id: string; summary: string } };
    expect(opened.result.summary).not.toContain('140105196803120133');
    await core.dispatcher.dispatch(tech, 'sync.now', {});
    expect(await county.query.selectFrom('faults').select(['device_id', 'state']).where('id', '=', opened.result.id).executeTakeFirst()).toEqual({ device_id: 'receipt-printer', state: 'open' });
    expect(await core.dispatcher.dispatch(tech, 'faults.list', {})).toMatchObject({ result: { tickets: [{ id: opened.result.id, state: 'sent' }] } });
  });

  async function loggedInTechnician() {
    const conn = core.newConnection('internal');
    await core.dispatcher.dispatch(conn, 'staff.login', { username: 'tech', password: DEMO_STAFF_PASSWORDS.tech });
    return conn;
  }
});
