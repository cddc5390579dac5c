import { accountRoutes } from '../../src/county/console/account-routes';
import type { Account } from '../../src/shared/console/api';
import { startConsoleRouteStand, type ConsoleRouteCaller, type ConsoleRouteStand } from '../support/console-route-stand';

/**
 * The staff register's routes (account-routes.ts) on a bare fastify with the console's hooks, over the demo county:
 * what each route answers (the account, or the refusal's status and error), that every change and only a change is
 * audited with who, when, the account, its township and its username and roles, and that each route changes the
 * account it names in the way it says. accounts.ts's rules are pinned in console-accounts-store.test.ts;
 * console-accounts.test.ts covers the same through a started county and a kiosk's pull.
 */
const T0 = Date.parse('2026-12-01T09:00:00.000Z');
const clerk = (username: string, points = ['140105001201']) => ({ username, displayName: `${username} 显示名`, roles: ['clerk'], scope: { kind: 'points', points }, password: 'first-pass-2026' });

describe('account routes', () => {
  let stand: ConsoleRouteStand;
  let admin: ConsoleRouteCaller;
  let tuwo: ConsoleRouteCaller;
  let beige: ConsoleRouteCaller;
  beforeAll(async () => {
    stand = await startConsoleRouteStand([accountRoutes], { clock: T0, prefix: 'account-routes-' });
    admin = await stand.as('county-admin');
    tuwo = await stand.as('township-tuwo');
    beige = await stand.as('township-beige');
  });
  afterAll(() => stand.close());
  const q = () => stand.county.query;
  const trail = () => q().selectFrom('audit_log').select(['at', 'actor_id', 'actor_name', 'action', 'target', 'township', 'detail']).where('action', 'like', 'account.%').orderBy('seq').execute();
  const row = (id: string) => q().selectFrom('staff_register').select(['display_name', 'scope', 'disabled', 'password_hash', 'created_at', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow();

  let wang: Account;
  // The first test calls every route (the stand registers them in it; see console-route-stand.ts).
  it('creates an account and changes it through each route, each answered and audited with its township, username and roles', async () => {
    stand.clock = T0 + 1000;
    const answer = await tuwo.call('POST', '/accounts', clerk('wang.clerk'));
    expect(answer.status).toBe(200);
    wang = answer.body as unknown as Account;
    expect(wang).toEqual({ id: expect.stringMatching(/^staff-/), username: 'wang.clerk', displayName: 'wang.clerk 显示名', roles: ['clerk'], scope: { kind: 'points', points: ['140105001201'] }, disabled: false, lockedUntil: null, updatedAt: new Date(T0 + 1000).toISOString() });
    expect((await row(wang.id)).created_at).toBe(T0 + 1000);
    expect(await trail()).toEqual([{ at: T0 + 1000, actor_id: 'township-tuwo', actor_name: '土沃乡人社所 王建国', action: 'account.create', target: wang.id, township: '140105001', detail: 'wang.clerk clerk' }]);
    expect(((await tuwo.call('GET', '/accounts')).body.accounts as Account[]).find((a) => a.id === wang.id)).toEqual(wang);

    const step = async (at: number, method: 'PUT' | 'POST', url: string, body: unknown, action: string) => {
      stand.clock = at;
      const changed = await tuwo.call(method, url, body);
      expect(changed.status).toBe(200);
      expect((await trail()).at(-1)).toEqual({ at, actor_id: 'township-tuwo', actor_name: '土沃乡人社所 王建国', action, target: wang.id, township: '140105001', detail: 'wang.clerk clerk' });
      return changed.body as unknown as Account;
    };
    const moved = await step(T0 + 2000, 'PUT', `/accounts/${wang.id}`, { displayName: '王小红', scope: { kind: 'township', township: '140105001' } }, 'account.update');
    expect(moved).toMatchObject({ id: wang.id, displayName: '王小红', scope: { kind: 'township', township: '140105001' }, updatedAt: new Date(T0 + 2000).toISOString() });
    expect(await row(wang.id)).toMatchObject({ display_name: '王小红', updated_at: T0 + 2000 });

    expect(await step(T0 + 3000, 'POST', `/accounts/${wang.id}/disable`, undefined, 'account.disable')).toMatchObject({ id: wang.id, disabled: true });
    expect((await row(wang.id)).disabled).toBe(1);
    expect(await step(T0 + 4000, 'POST', `/accounts/${wang.id}/enable`, undefined, 'account.enable')).toMatchObject({ id: wang.id, disabled: false });
    expect((await row(wang.id)).disabled).toBe(0);

    const oldHash = (await row(wang.id)).password_hash;
    expect(await step(T0 + 5000, 'POST', `/accounts/${wang.id}/password`, { password: 'second-pass-2026' }, 'account.resetPassword')).toMatchObject({ id: wang.id, updatedAt: new Date(T0 + 5000).toISOString() });
    expect((await row(wang.id)).password_hash).not.toBe(oldHash);
    expect(await trail()).toHaveLength(5);
  });

  it('files an account over two townships under none', async () => {
    const wide = (await admin.call('POST', '/accounts', { ...clerk('wide.clerk', ['140105001201', '140105002203']), roles: ['clerk', 'technician'] })).body as unknown as Account;
    expect((await trail()).at(-1)).toEqual({ at: stand.clock, actor_id: 'county-admin', actor_name: '县人社局 管理员', action: 'account.create', target: wide.id, township: null, detail: 'wide.clerk clerk,technician' });
  });

  it("lists the accounts in the caller's sight", async () => {
    const names = async (caller: ConsoleRouteCaller) => {
      const answer = await caller.call('GET', '/accounts');
      expect(answer.status).toBe(200);
      return (answer.body.accounts as Account[]).map((a) => a.username);
    };
    expect(await names(beige)).toEqual(['beige']);
    expect(await names(tuwo)).toEqual(['li', 'tech', 'tuwo', 'wang.clerk', 'zhao']);
    expect(await names(admin)).toEqual(['beige', 'county', 'li', 'tech', 'tuwo', 'wang.clerk', 'wide.clerk', 'zhao']);
  });

  it('answers a refused change with its status and error, and audits nothing', async () => {
    const before = await trail();
    expect(await tuwo.call('POST', '/accounts', { ...clerk('x.user'), scope: { kind: 'points', points: ['140105002203'] } })).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(await tuwo.call('POST', '/accounts', clerk('wang.clerk'))).toMatchObject({ status: 409, body: { error: 'conflict' } });
    expect(await tuwo.call('POST', '/accounts', { ...clerk('x.user'), password: 'short' })).toMatchObject({ status: 400, body: { error: 'invalid_body', field: 'password' } });
    expect(await beige.call('PUT', `/accounts/${wang.id}`, { displayName: 'Y', scope: { kind: 'township', township: '140105002' } })).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await tuwo.call('PUT', `/accounts/${wang.id}`, { displayName: '' })).toMatchObject({ status: 400, body: { error: 'invalid_body', field: 'displayName' } });
    expect(await beige.call('POST', `/accounts/${wang.id}/disable`)).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await beige.call('POST', `/accounts/${wang.id}/enable`)).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await tuwo.call('POST', '/accounts/township-tuwo/disable')).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(await beige.call('POST', `/accounts/${wang.id}/password`, { password: 'takeover-pass-1' })).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await tuwo.call('POST', `/accounts/${wang.id}/password`, { password: 'short' })).toMatchObject({ status: 400, body: { error: 'invalid_body', field: 'password' } });
    // An id no account can have is not found either (not read as some other account).
    expect(await admin.call('POST', `/accounts/${'x'.repeat(65)}/disable`)).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await trail()).toEqual(before);
    expect((await row(wang.id)).disabled).toBe(0);
  });
});
