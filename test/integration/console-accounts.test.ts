import { DEMO_POINTS } from '../../src/county/console/console-demo-seed';
import type { CountyServer } from '../../src/county/server';
import type { Account } from '../../src/shared/console/api';
import { HttpCountyClient } from '../../src/main/sync/http-county-client';
import { call, signIn, startConsoleCounty } from '../support/console-fixtures';

/** The staff register from the console: scope rules on every change, and the kiosks' staff list following it. */
describe('console accounts', () => {
  let county: CountyServer;
  beforeAll(async () => {
    county = await startConsoleCounty();
  });
  afterAll(() => county.close());
  const kiosk = (id: string) => new HttpCountyClient({ baseUrl: county.url, kioskId: id, secret: DEMO_POINTS.find((p) => p.kioskId === id)!.secret || 'demo-secret-change-me-0123456789abcdef' });
  const staffAt = async (id: string) => (await kiosk(id).pullConfig(0))!.staff!.body;

  it('creates a clerk for one village; only that village’s kiosk gets the account, and disabling it reaches the kiosk', async () => {
    const tuwo = await signIn(county, 'tuwo');
    const created = await tuwo.call('POST', '/console/api/accounts', {
      username: 'wang.clerk',
      displayName: '王小红',
      roles: ['clerk'],
      scope: { kind: 'points', points: ['140105001201'] },
      password: 'first-pass-2026',
    });
    expect(created.status).toBe(200);
    const account = created.body as unknown as Account;
    expect(account).toMatchObject({ username: 'wang.clerk', disabled: false });
    expect((await staffAt('demo-kiosk-2')).find((a) => a.username === 'wang.clerk')).toMatchObject({ disabled: false, roles: ['clerk'] });
    expect((await staffAt('demo-kiosk')).some((a) => a.username === 'wang.clerk')).toBe(false);
    expect((await staffAt('demo-kiosk-3')).some((a) => a.username === 'wang.clerk')).toBe(false);
    // The demo clerks stay with 土沃乡's kiosks and never reach 北格镇's.
    expect((await staffAt('demo-kiosk')).map((a) => a.username).sort()).toEqual(['li', 'tech', 'zhao']);
    expect(await staffAt('demo-kiosk-3')).toEqual([]);

    const before = (await kiosk('demo-kiosk-2').pullConfig(0))!.version;
    expect((await tuwo.call('POST', `/console/api/accounts/${account.id}/disable`, {})).body).toMatchObject({ disabled: true });
    const next = await kiosk('demo-kiosk-2').pullConfig(before);
    expect(next!.staff!.body.find((a) => a.username === 'wang.clerk')).toMatchObject({ disabled: true });

    const oldHash = next!.staff!.body.find((a) => a.username === 'wang.clerk')!.passwordHash;
    expect((await tuwo.call('POST', `/console/api/accounts/${account.id}/password`, { password: 'second-pass-2026' })).status).toBe(200);
    expect((await staffAt('demo-kiosk-2')).find((a) => a.username === 'wang.clerk')!.passwordHash).not.toBe(oldHash);
    const trail = await county.query.selectFrom('audit_log').select(['actor_id', 'action']).where('target', '=', account.id).orderBy('seq').execute();
    expect(trail).toEqual([
      { actor_id: 'township-tuwo', action: 'account.create' },
      { actor_id: 'township-tuwo', action: 'account.disable' },
      { actor_id: 'township-tuwo', action: 'account.resetPassword' },
    ]);
  });

  it('keeps a township inside its own township and to kiosk roles; another township cannot see or touch its accounts', async () => {
    const tuwo = await signIn(county, 'tuwo');
    const make = (roles: string[], scope: unknown, username = 'x.user') => tuwo.call('POST', '/console/api/accounts', { username, displayName: 'X', roles, scope, password: 'long-enough-pass' });
    expect((await make(['township'], { kind: 'township', township: '140105001' })).body).toEqual({ error: 'forbidden' });
    expect((await make(['clerk'], { kind: 'points', points: ['140105002203'] })).body).toEqual({ error: 'forbidden' });
    expect((await make(['clerk'], { kind: 'county' })).body).toEqual({ error: 'forbidden' });
    expect((await make(['clerk', 'township'], { kind: 'township', township: '140105001' })).body).toMatchObject({ error: 'invalid_body', field: 'roles' });
    expect((await tuwo.call('POST', '/console/api/accounts', { username: 'short', displayName: 'X', roles: ['clerk'], scope: { kind: 'township', township: '140105001' }, password: 'short' })).body).toMatchObject({ field: 'password' });

    const beige = await signIn(county, 'beige');
    const beigeSees = ((await beige.call('GET', '/console/api/accounts')).body.accounts as Account[]).map((a) => a.username);
    expect(beigeSees).toEqual(['beige']);
    const wang = ((await tuwo.call('GET', '/console/api/accounts')).body.accounts as Account[]).find((a) => a.username === 'wang.clerk')!;
    expect((await beige.call('POST', `/console/api/accounts/${wang.id}/enable`, {})).body).toEqual({ error: 'not_found' });
    expect((await beige.call('POST', `/console/api/accounts/${wang.id}/password`, { password: 'takeover-pass-1' })).body).toEqual({ error: 'not_found' });
    expect((await beige.call('PUT', `/console/api/accounts/${wang.id}`, { displayName: 'Y', scope: { kind: 'township', township: '140105002' } })).body).toEqual({ error: 'not_found' });
    // Nor may tuwo move its clerk into 北格镇, or disable the county admin.
    expect((await tuwo.call('PUT', `/console/api/accounts/${wang.id}`, { displayName: 'Y', scope: { kind: 'township', township: '140105002' } })).body).toEqual({ error: 'forbidden' });
    expect((await tuwo.call('POST', '/console/api/accounts/county-admin/disable', {})).body).toEqual({ error: 'not_found' });
    expect((await tuwo.call('POST', '/console/api/accounts/township-tuwo/disable', {})).body).toEqual({ error: 'forbidden' });
  });

  it('lets the county create a township account, and disabling it ends its open session at once', async () => {
    const admin = await signIn(county, 'county');
    const created = await admin.call('POST', '/console/api/accounts', {
      username: 'tuwo.deputy',
      displayName: '土沃乡人社所 副所长',
      roles: ['township'],
      scope: { kind: 'township', township: '140105001' },
      password: 'deputy-pass-2026',
    });
    const deputy = await signIn(county, 'tuwo.deputy', 'deputy-pass-2026');
    expect((await deputy.call('GET', '/console/api/session')).status).toBe(200);
    await admin.call('POST', `/console/api/accounts/${(created.body as unknown as Account).id}/disable`, {});
    expect((await deputy.call('GET', '/console/api/session')).status).toBe(401);
    expect((await call(county, 'POST', '/console/api/login', { username: 'tuwo.deputy', password: 'deputy-pass-2026' })).body).toEqual({ error: 'account_disabled' });
  });
});
