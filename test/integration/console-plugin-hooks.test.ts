import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { hashPassword } from '../../src/county/console/password-hash';
import { openSession } from '../../src/county/console/console-sessions';
import { insertStaff } from '../../src/county/console/staff-register';
import type { CountyServer } from '../../src/county/server';
import { seedConsoleDemo } from '../../src/county/console';
import { TEST_HASH_PARAMS, call, demoPassword } from '../support/console-fixtures';
import { startUnseededCounty } from '../support/county-fixtures';
import { tempDataDir } from '../support/store-fixtures';

/**
 * The console's route group (console-plugin.ts) answer by answer: the headers on every answer, sign-in (each refusal
 * at its status, audited with who and which township; the cookie's attributes; the session's description), the API's
 * hook (no cookie, an unknown or expired session, a disabled account, CSRF on every unsafe method, county-only
 * routes), sign-out, the API's own 404 and error answers, and the built page served from its directory. Sessions for
 * the hook's tests are opened on the database directly (a sign-in re-hashes to current guidance: slow); sign-in itself
 * is tested through the route. console-login.test.ts covers lockout and idle time end to end.
 */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

describe("the console's route group", () => {
  let county: CountyServer;
  let clock = Date.parse('2026-11-30T09:00:00.000Z');
  const page = tempDataDir('console-page-');
  fs.writeFileSync(path.join(page, 'index.html'), '<!doctype html><title>console</title>');
  fs.writeFileSync(path.join(page, 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(page, '.secret'), 'not for the web');

  const auditRows = (action: string) => county.query.selectFrom('audit_log').select(['at', 'actor_id', 'actor_name', 'action', 'target', 'township']).where('action', '=', action).orderBy('seq').execute();
  /** A live session of an account, as a cookie and its CSRF token. */
  const session = async (staffId: string) => {
    const opened = await openSession(county.query, staffId, clock);
    return { cookie: `county_console=${opened.token}`, csrf: opened.csrf };
  };
  const as = (s: { cookie: string; csrf: string }, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, extra: Record<string, string> = {}) => call(county, method, `/console/api${url}`, body, { cookie: s.cookie, 'x-csrf-token': s.csrf, ...extra });

  beforeAll(async () => {
    county = await startUnseededCounty({ now: () => new Date(clock), console: { staticDir: page } });
    await seedConsoleDemo(county.query, { now: new Date(clock), hashParams: TEST_HASH_PARAMS });
    const hash = await hashPassword('right-password', TEST_HASH_PARAMS);
    const township = { kind: 'township', township: '140105001' } as const;
    await insertStaff(county.query, { id: 'off', username: 'off', displayName: '停用', roles: ['township'], scope: township, passwordHash: hash, disabled: true }, clock);
    await insertStaff(county.query, { id: 'clerk-only', username: 'clerkonly', displayName: '窗口', roles: ['clerk'], scope: township, passwordHash: hash }, clock);
    await insertStaff(county.query, { id: 'lockme', username: 'lockme', displayName: '锁', roles: ['township'], scope: { kind: 'township', township: '140105002' }, passwordHash: hash }, clock);
    await insertStaff(county.query, { id: 'leaving', username: 'leaving', displayName: '将停用', roles: ['township'], scope: township, passwordHash: hash }, clock);
  });
  afterAll(() => county.close());

  it('signs in: the session described, an HttpOnly SameSite=Strict cookie for /console only, audited with the township', async () => {
    clock += 1000;
    const res = await call(county, 'POST', '/console/api/login', { username: 'tuwo', password: demoPassword('tuwo') });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      csrfToken: expect.stringMatching(/^[\w-]{20,}$/),
      idleSeconds: 900,
      staff: { id: 'township-tuwo', username: 'tuwo', displayName: '土沃乡人社所 王建国', roles: ['township'], scope: { kind: 'township', township: '140105001' } },
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie.split('; ').slice(1).sort()).toEqual(['HttpOnly', 'Path=/console', 'SameSite=Strict']);
    const token = cookie.split(';')[0]!;
    expect(await auditRows('login')).toEqual([{ at: clock, actor_id: 'township-tuwo', actor_name: '土沃乡人社所 王建国', action: 'login', target: 'township-tuwo', township: '140105001' }]);
    // The cookie and token it gave open the session.
    expect((await call(county, 'GET', '/console/api/session', undefined, { cookie: token })).body).toEqual(res.body);
  });

  it('refuses a sign-in by reason and status, and audits each with who it was (nobody for an unknown name)', async () => {
    clock += 1000;
    const login = (username: string, password: string) => call(county, 'POST', '/console/api/login', { username, password });
    expect(await login('nobody', 'x')).toMatchObject({ status: 401, body: { error: 'bad_credentials' } });
    expect(await login('lockme', 'wrong')).toMatchObject({ status: 401, body: { error: 'bad_credentials' } });
    expect(await login('off', 'right-password')).toMatchObject({ status: 403, body: { error: 'account_disabled' } });
    expect(await login('clerkonly', 'right-password')).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(await auditRows('login.bad_credentials')).toEqual([
      { at: clock, actor_id: null, actor_name: null, action: 'login.bad_credentials', target: null, township: null },
      { at: clock, actor_id: 'lockme', actor_name: '锁', action: 'login.bad_credentials', target: 'lockme', township: '140105002' },
    ]);
    expect(await auditRows('login.account_disabled')).toEqual([{ at: clock, actor_id: 'off', actor_name: '停用', action: 'login.account_disabled', target: 'off', township: '140105001' }]);
    expect(await auditRows('login.forbidden')).toEqual([{ at: clock, actor_id: 'clerk-only', actor_name: '窗口', action: 'login.forbidden', target: 'clerk-only', township: '140105001' }]);
    for (let i = 0; i < 4; i++) await login('lockme', 'wrong');
    const locked = await login('lockme', 'right-password');
    expect(locked).toMatchObject({ status: 429, body: { error: 'account_locked', retryAt: new Date(clock + 15 * 60_000).toISOString() } });
    expect(Object.keys(locked.body).sort()).toEqual(['error', 'retryAt']);
    expect((await auditRows('login.account_locked')).at(-1)).toEqual({ at: clock, actor_id: 'lockme', actor_name: '锁', action: 'login.account_locked', target: 'lockme', township: '140105002' });
    expect(locked.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a sign-in body that is not JSON or not a name and a password, naming the field', async () => {
    const raw = async (body: string | undefined) => {
      const res = await fetch(`${county.url}/console/api/login`, { method: 'POST', ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } }) });
      return { status: res.status, body: (await res.json()) as unknown };
    };
    expect(await raw('{"username":')).toEqual({ status: 400, body: { error: 'invalid_json' } });
    expect(await raw('')).toEqual({ status: 400, body: { error: 'invalid_json' } });
    expect(await raw(undefined)).toEqual({ status: 400, body: { error: 'invalid_body', field: 'username' } });
    expect(await raw('[]')).toEqual({ status: 400, body: { error: 'invalid_body', field: '(body)' } });
    expect(await raw(JSON.stringify({ username: 'tuwo' }))).toEqual({ status: 400, body: { error: 'invalid_body', field: 'password' } });
    expect(await raw(JSON.stringify({ username: '  ', password: 'x' }))).toEqual({ status: 400, body: { error: 'invalid_body', field: 'username' } });
  });

  it('puts the no-store, nosniff, no-referrer and content-security headers on every console answer', async () => {
    const s = await session('county-admin');
    const answers = [
      await fetch(`${county.url}/console/api/session`, { headers: { cookie: s.cookie } }),
      await fetch(`${county.url}/console/api/session`),
      await fetch(`${county.url}/console/api/no-such`, { headers: { cookie: s.cookie } }),
      await fetch(`${county.url}/console/api/login`, { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } }),
      await fetch(`${county.url}/console/`),
    ];
    for (const res of answers) {
      expect([res.url, res.status, res.headers.get('cache-control'), res.headers.get('x-content-type-options'), res.headers.get('referrer-policy'), res.headers.get('content-security-policy')]).toEqual([
        res.url,
        res.status,
        'no-store',
        'nosniff',
        'no-referrer',
        CSP,
      ]);
    }
    expect(answers.map((r) => r.status)).toEqual([200, 401, 404, 400, 200]);
  });

  it('answers 401 without a session cookie, with an unknown one, with an expired one; a disabled account loses its session', async () => {
    expect((await call(county, 'GET', '/console/api/points')).body).toEqual({ error: 'not_signed_in' });
    expect(await call(county, 'GET', '/console/api/points', undefined, { cookie: 'county_console=not-a-session' })).toMatchObject({ status: 401, body: { error: 'not_signed_in' } });
    const old = await session('township-tuwo');
    clock += 15 * 60_000 + 1;
    expect(await as(old, 'GET', '/points')).toMatchObject({ status: 401, body: { error: 'session_expired' } });
    const leaving = await session('leaving');
    expect((await as(leaving, 'GET', '/session')).status).toBe(200);
    await county.query.updateTable('staff_register').set({ disabled: 1 }).where('id', '=', 'leaving').execute();
    expect(await as(leaving, 'GET', '/session')).toMatchObject({ status: 401, body: { error: 'not_signed_in' } });
    // Enabled again, the old session stays closed: the refusal ended it.
    await county.query.updateTable('staff_register').set({ disabled: 0 }).where('id', '=', 'leaving').execute();
    expect(await as(leaving, 'GET', '/session')).toMatchObject({ status: 401, body: { error: 'not_signed_in' } });
  });

  it('wants the CSRF token on POST, PUT, PATCH and DELETE (found or not), never on GET', async () => {
    const s = await session('county-admin');
    const other = await session('township-tuwo');
    const without = { cookie: s.cookie };
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await fetch(`${county.url}/console/api/no-such-route`, { method, headers: without });
      expect([method, res.status, await res.json()]).toEqual([method, 403, { error: 'csrf' }]);
    }
    for (const token of [other.csrf, `${s.csrf}x`, s.csrf.slice(1), '']) {
      expect([token, await call(county, 'POST', '/console/api/logout', {}, { cookie: s.cookie, 'x-csrf-token': token })]).toMatchObject([token, { status: 403, body: { error: 'csrf' } }]);
    }
    expect(await call(county, 'GET', '/console/api/no-such-route', undefined, without)).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect((await call(county, 'GET', '/console/api/session', undefined, without)).status).toBe(200);
    // With its own token, a change reaches its route.
    expect(await as(s, 'PUT', '/no-such-route', {})).toMatchObject({ status: 404, body: { error: 'not_found' } });
  });

  it('answers a township 403 forbidden on a county-only route; the county admin reaches it', async () => {
    const town = await session('township-tuwo');
    const admin = await session('county-admin');
    expect(await as(town, 'GET', '/publishing/catalog/in-force')).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect((await as(admin, 'GET', '/publishing/catalog/in-force')).status).toBe(200);
    // The township's own routes answer it.
    expect((await as(town, 'GET', '/points')).status).toBe(200);
  });

  it("gives the session's account, its points and its audit trail within its scope", async () => {
    const town = await session('township-tuwo');
    expect((await as(town, 'GET', '/session')).body).toEqual({
      csrfToken: town.csrf,
      idleSeconds: 900,
      staff: { id: 'township-tuwo', username: 'tuwo', displayName: '土沃乡人社所 王建国', roles: ['township'], scope: { kind: 'township', township: '140105001' } },
    });
    expect(((await as(town, 'GET', '/points')).body.points as Array<{ kioskId: string }>).map((p) => p.kioskId)).toEqual(['demo-kiosk', 'demo-kiosk-2']);
    const trail = (await as(town, 'GET', '/audit')).body.entries as Array<{ action: string; actorId: string | null }>;
    expect(trail.length).toBeGreaterThan(0);
    expect(trail.every((e) => ['township-tuwo', 'off', 'clerk-only'].includes(e.actorId ?? ''))).toBe(true);
    const all = (await as(await session('county-admin'), 'GET', '/audit')).body.entries as Array<{ actorId: string | null }>;
    expect(all.some((e) => e.actorId === 'lockme')).toBe(true);
  });

  it('signs out: the session ends, the cookie is cleared, the sign-out audited', async () => {
    clock += 1000;
    const s = await session('township-tuwo');
    const res = await as(s, 'POST', '/logout', {});
    expect(res).toMatchObject({ status: 200, body: { ok: true } });
    expect(String(res.headers['set-cookie'])).toMatch(/^county_console=; .*Path=\/console/);
    expect(String(res.headers['set-cookie'])).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(await as(s, 'GET', '/session')).toMatchObject({ status: 401, body: { error: 'not_signed_in' } });
    expect((await auditRows('logout')).at(-1)).toEqual({ at: clock, actor_id: 'township-tuwo', actor_name: '土沃乡人社所 王建国', action: 'logout', target: 'township-tuwo', township: '140105001' });
  });

  it("answers a failure under a route as the console's internal error, and a framework refusal by its status", async () => {
    const s = await session('county-admin');
    await sql`ALTER TABLE points RENAME TO points_away`.execute(county.query);
    try {
      expect(await as(s, 'GET', '/points')).toMatchObject({ status: 500, body: { error: 'internal' } });
    } finally {
      await sql`ALTER TABLE points_away RENAME TO points`.execute(county.query);
    }
    const refused = await fetch(`${county.url}/console/api/logout`, { method: 'POST', body: 'x', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/xml' } });
    expect([refused.status, await refused.json()]).toEqual([415, { error: 'invalid_body' }]);
  });

  it('serves the built page from its directory, never its dot files', async () => {
    const index = await fetch(`${county.url}/console/`);
    expect([index.status, await index.text()]).toEqual([200, '<!doctype html><title>console</title>']);
    const script = await fetch(`${county.url}/console/app.js`);
    expect([script.status, await script.text()]).toEqual([200, 'console.log(1)']);
    const hidden = await fetch(`${county.url}/console/.secret`);
    expect(hidden.status).not.toBe(200);
    expect(await hidden.text()).not.toContain('not for the web');
  });
});
