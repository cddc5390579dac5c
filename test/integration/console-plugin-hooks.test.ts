import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { hashPassword, type ScryptParams } from '../../src/county/console/password-hash';
import { openSession } from '../../src/county/console/console-sessions';
import { insertStaff } from '../../src/county/console/staff-register';
import { seedConsoleDemo } from '../../src/county/console';
import type { ConsoleRoutes } from '../../src/county/console/console-plugin';
import type { CountyDatabase } from '../../src/county/db/connection';
import { TEST_HASH_PARAMS, call as countyCall, demoPassword } from '../support/console-fixtures';
import { startConsoleRouteKit, type ConsoleRouteKit } from '../support/console-route-kit';
import { closeTestCountyDatabase, openTestCountyDatabase } from '../support/county-database';
import { startUnseededCounty, type TestCounty } from '../support/county-fixtures';
import { tempDataDir } from '../support/store-fixtures';

// Sign-ins through the route verify, and re-hash to "current guidance", at the tests' cheap scrypt cost
// (TEST_HASH_PARAMS) instead of 128 MiB a hash: the route group, not the hash's cost, is under test here
// (console-password-hash and console-sign-in-store test the cost and the re-hash). Read when first used, once the
// fixtures have loaded.
jest.mock('../../src/county/console/password-hash', () => {
  const actual = jest.requireActual<typeof import('../../src/county/console/password-hash')>('../../src/county/console/password-hash');
  const cheap = (): ScryptParams => jest.requireActual<typeof import('../support/console-route-kit')>('../support/console-route-kit').TEST_HASH_PARAMS;
  return {
    ...actual,
    get CURRENT_PARAMS() {
      return cheap();
    },
    hashPassword: (password: string, params?: ScryptParams) => actual.hashPassword(password, params ?? cheap()),
  };
});

/**
 * The console's route group (console-plugin.ts, as console/index.ts puts it in the gateway) answer by answer: the
 * headers on every answer, sign-in (each refusal at its status, audited with who and which township; the cookie's
 * attributes; the session's description; the gateway's lockout and session settings), the API's hook (no cookie, an
 * unknown or expired session, a disabled account, CSRF on every unsafe method, county-only routes), sign-out, the
 * API's own 404 and error answers, the built page served from its directory, and the group's defaults. Sessions for
 * the hook's tests are opened on the database directly; sign-in itself is tested through the route.
 * console-login.test.ts covers lockout and idle time end to end at the real scrypt cost.
 *
 * Every request gives up after REQUEST_MS: a change that leaves a request unanswered fails its test at once instead
 * of holding the run (a mutation run meets many). Nothing here measures time; the limit only ends a wait.
 */
const REQUEST_MS = 3_000;
const briefly = () => AbortSignal.timeout(REQUEST_MS);
/** The gateway's console settings here, each unlike its default so the test sees that the group reads them. */
const SESSION = { idleMs: 10 * 60_000, absoluteMs: 12 * 3_600_000 };
const LOCKOUT = { maxFailures: 3, lockMs: 5 * 60_000 };
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

describe("the console's route group", () => {
  /** The gateway's log lines (at its default level, warn and above). */
  const gatewayLog: string[] = [];
  let clock = Date.parse('2026-11-30T09:00:00.000Z');
  const page = tempDataDir('console-page-');
  fs.writeFileSync(path.join(page, 'index.html'), '<!doctype html><title>console</title>');
  fs.writeFileSync(path.join(page, 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(page, '.secret'), 'not for the web');

  // The gateway starts at the first call of whichever test runs first, so what runs as the group registers (route
  // paths, the page's directory, console/index.ts) is covered by a test, not by a beforeAll: a mutation run counts it
  // (what runs outside a test is static to Stryker, and ignored) and tries it against the first test, which reaches
  // every route.
  let starting: Promise<TestCounty> | undefined;
  const gateway = () =>
    (starting ??= (async () => {
      const started = await startUnseededCounty({ now: () => new Date(clock), log: { destination: { write: (line: string) => void gatewayLog.push(line) } }, console: { staticDir: page, secureCookie: true, session: SESSION, lockout: LOCKOUT } });
      await seedConsoleDemo(started.query, { now: new Date(clock), hashParams: TEST_HASH_PARAMS });
      const hash = await hashPassword('right-password', TEST_HASH_PARAMS);
      const township = { kind: 'township', township: '140105001' } as const;
      await insertStaff(started.query, { id: 'off', username: 'off', displayName: '停用', roles: ['township'], scope: township, passwordHash: hash, disabled: true }, clock);
      await insertStaff(started.query, { id: 'clerk-only', username: 'clerkonly', displayName: '窗口', roles: ['clerk'], scope: township, passwordHash: hash }, clock);
      await insertStaff(started.query, { id: 'lockme', username: 'lockme', displayName: '锁', roles: ['township'], scope: { kind: 'township', township: '140105002' }, passwordHash: hash }, clock);
      await insertStaff(started.query, { id: 'leaving', username: 'leaving', displayName: '将停用', roles: ['township'], scope: township, passwordHash: hash }, clock);
      return started;
    })());
  const query = async () => (await gateway()).query;
  const call = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}) => countyCall(await gateway(), method, url, body, headers, briefly());
  /** fetch of a path on the gateway, for what call() does not send (other methods and content types, no body). */
  const fetchBriefly = async (url: string, init: RequestInit = {}) => fetch(`${(await gateway()).url}${url}`, { ...init, signal: briefly() });
  const auditRows = async (action: string) => (await query()).selectFrom('audit_log').select(['at', 'actor_id', 'actor_name', 'action', 'target', 'township']).where('action', '=', action).orderBy('seq').execute();
  /** A live session of an account, as a cookie and its CSRF token. */
  const session = async (staffId: string) => {
    const opened = await openSession(await query(), staffId, clock);
    return { cookie: `county_console=${opened.token}`, csrf: opened.csrf };
  };
  const as = (s: { cookie: string; csrf: string }, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, extra: Record<string, string> = {}) => call(method, `/console/api${url}`, body, { cookie: s.cookie, 'x-csrf-token': s.csrf, ...extra });

  afterAll(async () => {
    if (starting) await (await starting).close();
  });

  // The first test reaches every route of the group (see gateway() above).
  it('puts the group together in the gateway: the page, sign-in, every API route of its own and of the pages, its 404, its error answer, sign-out', async () => {
    clock += 1000;
    const index = await fetchBriefly('/console/');
    expect([index.status, await index.text()]).toEqual([200, '<!doctype html><title>console</title>']);
    expect((await fetchBriefly('/console/.secret')).status).not.toBe(200);
    fs.writeFileSync(path.join(page, 'first.js'), 'console.log(0)');
    const first = await fetchBriefly('/console/first.js');
    expect([first.status, await first.text()]).toEqual([200, 'console.log(0)']);

    const login = await call('POST', '/console/api/login', { username: 'tuwo', password: demoPassword('tuwo') });
    expect([login.status, login.body.idleSeconds, String(login.headers['set-cookie']).split('; ').slice(1).sort()]).toEqual([200, 600, ['HttpOnly', 'Path=/console', 'SameSite=Strict', 'Secure']]);
    const s = { cookie: String(login.headers['set-cookie']).split(';')[0]!, csrf: String(login.body.csrfToken) };
    expect(await as(s, 'GET', '/session')).toMatchObject({ status: 200, body: login.body });
    expect(((await as(s, 'GET', '/points')).body.points as Array<{ kioskId: string }>).map((p) => p.kioskId)).toEqual(['demo-kiosk', 'demo-kiosk-2']);
    expect(((await as(s, 'GET', '/audit')).body.entries as Array<{ at: string; action: string; actorId: string }>).find((e) => e.action === 'login')).toMatchObject({ at: new Date(clock).toISOString(), actorId: 'township-tuwo' });
    // A page's route (registered by console/index.ts) behind the group's hook: county-only, so a township is refused.
    expect(await as(s, 'GET', '/publishing/catalog/in-force')).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    // Not GET: the page's wildcard route takes every GET under /console, and answers a missing file by the gateway's 404.
    expect(await as(s, 'DELETE', '/no-such-route')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    const refused = await fetchBriefly('/console/api/logout', { method: 'POST', body: 'x', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/xml' } });
    expect([refused.status, await refused.json()]).toEqual([415, { error: 'invalid_body' }]);
    expect(await as(s, 'POST', '/logout', {})).toMatchObject({ status: 200, body: { ok: true } });
    expect(await as(s, 'GET', '/session')).toMatchObject({ status: 401, body: { error: 'not_signed_in' } });
  });

  it('signs in: the session described with the idle time set, an HttpOnly SameSite=Strict Secure cookie for /console only, audited with the township', async () => {
    clock += 1000;
    const res = await call('POST', '/console/api/login', { username: 'tuwo', password: demoPassword('tuwo') });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      csrfToken: expect.stringMatching(/^[\w-]{20,}$/),
      idleSeconds: 600,
      staff: { id: 'township-tuwo', username: 'tuwo', displayName: '土沃乡人社所 王建国', roles: ['township'], scope: { kind: 'township', township: '140105001' } },
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie.split('; ').slice(1).sort()).toEqual(['HttpOnly', 'Path=/console', 'SameSite=Strict', 'Secure']);
    const token = cookie.split(';')[0]!;
    expect((await auditRows('login')).at(-1)).toEqual({ at: clock, actor_id: 'township-tuwo', actor_name: '土沃乡人社所 王建国', action: 'login', target: 'township-tuwo', township: '140105001' });
    // The cookie and token it gave open the session.
    expect((await call('GET', '/console/api/session', undefined, { cookie: token })).body).toEqual(res.body);
  });

  it("refuses a sign-in by reason and status, audits each with who it was (nobody for an unknown name), and locks by the gateway's policy", async () => {
    clock += 1000;
    const login = (username: string, password: string) => call('POST', '/console/api/login', { username, password });
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
    // The third wrong password in a row locks (LOCKOUT; the default allows five) for five minutes (the default: 15).
    expect(await login('lockme', 'wrong')).toMatchObject({ status: 401, body: { error: 'bad_credentials' } });
    const retryAt = new Date(clock + LOCKOUT.lockMs).toISOString();
    expect(await login('lockme', 'wrong')).toEqual(expect.objectContaining({ status: 429, body: { error: 'account_locked', retryAt } }));
    const locked = await login('lockme', 'right-password');
    expect(locked).toEqual(expect.objectContaining({ status: 429, body: { error: 'account_locked', retryAt } }));
    expect((await auditRows('login.account_locked')).at(-1)).toEqual({ at: clock, actor_id: 'lockme', actor_name: '锁', action: 'login.account_locked', target: 'lockme', township: '140105002' });
    expect(locked.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a sign-in body that is not JSON or not a name and a password, naming the field', async () => {
    const raw = async (body: string | undefined) => {
      const res = await fetchBriefly(`/console/api/login`, { method: 'POST', ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } }) });
      return { status: res.status, body: (await res.json()) as unknown };
    };
    expect(await raw('{"username":')).toEqual({ status: 400, body: { error: 'invalid_json' } });
    expect(await raw('')).toEqual({ status: 400, body: { error: 'invalid_json' } });
    expect(await raw(undefined)).toEqual({ status: 400, body: { error: 'invalid_body', field: 'username' } });
    expect(await raw('[]')).toEqual({ status: 400, body: { error: 'invalid_body', field: '(body)' } });
    expect(await raw(JSON.stringify({ username: 'tuwo' }))).toEqual({ status: 400, body: { error: 'invalid_body', field: 'password' } });
    expect(await raw(JSON.stringify({ username: '  ', password: 'x' }))).toEqual({ status: 400, body: { error: 'invalid_body', field: 'username' } });
    // A body sent as text is refused before the route (the gateway keeps only its JSON and octet-stream parsers):
    // 415, in the console's own words.
    const text = await fetchBriefly(`/console/api/login`, { method: 'POST', body: JSON.stringify({ username: 'nobody', password: 'x' }), headers: { 'content-type': 'text/plain' } });
    expect([text.status, await text.json()]).toEqual([415, { error: 'invalid_body' }]);
    // A field deep in a body is named by its whole path.
    expect(await as(await session('county-admin'), 'PUT', '/publishing/announcements', { announcements: [{ id: '' }] })).toMatchObject({ status: 400, body: { error: 'invalid_body', field: 'announcements.0.id' } });
  });

  it('puts the no-store, nosniff, no-referrer and content-security headers on every console answer', async () => {
    const s = await session('county-admin');
    const answers = [
      await fetchBriefly(`/console/api/session`, { headers: { cookie: s.cookie } }),
      await fetchBriefly(`/console/api/session`),
      await fetchBriefly(`/console/api/no-such`, { headers: { cookie: s.cookie } }),
      await fetchBriefly(`/console/api/login`, { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } }),
      await fetchBriefly(`/console/`),
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
    expect((await call('GET', '/console/api/points')).body).toEqual({ error: 'not_signed_in' });
    expect(await call('GET', '/console/api/points', undefined, { cookie: 'county_console=not-a-session' })).toMatchObject({ status: 401, body: { error: 'not_signed_in' } });
    const old = await session('township-tuwo');
    // Past the gateway's idle time (SESSION: ten minutes), well inside the default's fifteen.
    clock += SESSION.idleMs + 1;
    expect(await as(old, 'GET', '/points')).toMatchObject({ status: 401, body: { error: 'session_expired' } });
    const leaving = await session('leaving');
    expect((await as(leaving, 'GET', '/session')).status).toBe(200);
    await (await query()).updateTable('staff_register').set({ disabled: 1 }).where('id', '=', 'leaving').execute();
    expect(await as(leaving, 'GET', '/session')).toMatchObject({ status: 401, body: { error: 'not_signed_in' } });
    // Enabled again, the old session stays closed: the refusal ended it.
    await (await query()).updateTable('staff_register').set({ disabled: 0 }).where('id', '=', 'leaving').execute();
    expect(await as(leaving, 'GET', '/session')).toMatchObject({ status: 401, body: { error: 'not_signed_in' } });
  });

  it('wants the CSRF token on POST, PUT, PATCH and DELETE (found or not), never on GET', async () => {
    const s = await session('county-admin');
    const other = await session('township-tuwo');
    const without = { cookie: s.cookie };
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await fetchBriefly(`/console/api/no-such-route`, { method, headers: without });
      expect([method, res.status, await res.json()]).toEqual([method, 403, { error: 'csrf' }]);
    }
    for (const token of [other.csrf, `${s.csrf}x`, s.csrf.slice(1), '']) {
      expect([token, await call('POST', '/console/api/logout', {}, { cookie: s.cookie, 'x-csrf-token': token })]).toMatchObject([token, { status: 403, body: { error: 'csrf' } }]);
    }
    expect(await call('GET', '/console/api/no-such-route', undefined, without)).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect((await call('GET', '/console/api/session', undefined, without)).status).toBe(200);
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
      idleSeconds: 600,
      staff: { id: 'township-tuwo', username: 'tuwo', displayName: '土沃乡人社所 王建国', roles: ['township'], scope: { kind: 'township', township: '140105001' } },
    });
    expect(((await as(town, 'GET', '/points')).body.points as Array<{ kioskId: string }>).map((p) => p.kioskId)).toEqual(['demo-kiosk', 'demo-kiosk-2']);
    // A sign-out in each township leaves a row of its own in the trail.
    await as(await session('township-tuwo'), 'POST', '/logout', {});
    await as(await session('township-beige'), 'POST', '/logout', {});
    const trail = (await as(town, 'GET', '/audit')).body.entries as Array<{ action: string; actorId: string | null }>;
    expect(trail.filter((e) => e.action === 'logout').map((e) => e.actorId)).toContain('township-tuwo');
    expect(trail.every((e) => ['township-tuwo', 'off', 'clerk-only', 'leaving'].includes(e.actorId ?? ''))).toBe(true);
    const all = (await as(await session('county-admin'), 'GET', '/audit')).body.entries as Array<{ action: string; actorId: string | null }>;
    expect(all.filter((e) => e.action === 'logout').map((e) => e.actorId)).toEqual(expect.arrayContaining(['township-tuwo', 'township-beige']));
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

  it("answers a failure under a route as the console's internal error, logged by the gateway, and a framework refusal by its status", async () => {
    const s = await session('county-admin');
    await sql`ALTER TABLE points RENAME TO points_away`.execute(await query());
    try {
      expect(await as(s, 'GET', '/points')).toMatchObject({ status: 500, body: { error: 'internal' } });
    } finally {
      await sql`ALTER TABLE points_away RENAME TO points`.execute(await query());
    }
    const failures = gatewayLog.map((line) => JSON.parse(line) as { level: number; msg: string }).filter((l) => l.level >= 50);
    expect(failures.map((l) => l.msg)).toEqual(['request failed']);
    const refused = await fetchBriefly(`/console/api/logout`, { method: 'POST', body: 'x', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/xml' } });
    expect([refused.status, await refused.json()]).toEqual([415, { error: 'invalid_body' }]);
  });

  it('serves the built page from its directory, never its dot files', async () => {
    const index = await fetchBriefly(`/console/`);
    expect([index.status, await index.text()]).toEqual([200, '<!doctype html><title>console</title>']);
    const script = await fetchBriefly(`/console/app.js`);
    expect([script.status, await script.text()]).toEqual([200, 'console.log(1)']);
    const hidden = await fetchBriefly(`/console/.secret`);
    expect(hidden.status).not.toBe(200);
    expect(await hidden.text()).not.toContain('not for the web');
    // A page rebuilt while the gateway runs is served as it is now, not as the directory was at start.
    fs.writeFileSync(path.join(page, 'later.js'), 'console.log(2)');
    const later = await fetchBriefly(`/console/later.js`);
    expect([later.status, await later.text()]).toEqual([200, 'console.log(2)']);
  });
});


describe("the console's route group with its defaults, on the route kit", () => {
  const at = Date.parse('2026-11-30T09:00:00.000Z');
  let database: CountyDatabase;
  let kit: ConsoleRouteKit;
  const errorsLogged: string[] = [];
  // A page directory without its index.html (a build that failed half way): the group serves its API only.
  const page = tempDataDir('console-page-no-index-');
  fs.writeFileSync(path.join(page, 'app.js'), 'console.log(1)');
  // A route group whose route throws an error carrying the status in its path, as fastify's own errors carry theirs.
  const failing: ConsoleRoutes = (api) => {
    api.get('/fails/:status', async (request) => {
      throw Object.assign(new Error('failed under the route'), { statusCode: Number((request.params as { status: string }).status) });
    });
  };

  beforeAll(async () => {
    database = await openTestCountyDatabase('console-plugin-defaults-');
    const passwordHash = await hashPassword('right-password', TEST_HASH_PARAMS);
    await insertStaff(database.query, { id: 'plain', username: 'plain', displayName: '默认', roles: ['township'], scope: { kind: 'township', township: '140105001' }, passwordHash }, at);
    kit = startConsoleRouteKit(database, [failing], { now: () => new Date(at), settings: { staticDir: page }, errorsLogged });
  });
  afterAll(async () => {
    await kit.close();
    await closeTestCountyDatabase(database);
  });

  // One test: the kit registers the group at its first call, so every check of what registration decides is here.
  it('keeps a session 15 minutes idle, sets its cookie without Secure, serves no page without index.html, and answers an error by its status', async () => {
    const call = await kit.as('plain', at);
    const res = await call('POST', '/console/api/login', { username: 'plain', password: 'right-password' }, undefined, briefly());
    expect([res.status, res.body.idleSeconds]).toEqual([200, 900]);
    expect(String(res.headers['set-cookie']).split('; ').slice(1).sort()).toEqual(['HttpOnly', 'Path=/console', 'SameSite=Strict']);

    const script = await call('GET', '/console/app.js', undefined, undefined, briefly());
    expect(script.status).toBe(404);
    expect(script.raw.toString()).not.toContain('console.log');

    // An error with a 4xx status is answered by that status as invalid_body, any other as 500 internal.
    const answers = [];
    for (const status of [399, 400, 404, 499, 500, 503]) {
      const failed = await call('GET', `/console/api/fails/${status}`, undefined, undefined, briefly());
      answers.push([status, failed.status, failed.body]);
    }
    expect(answers).toEqual([
      [399, 500, { error: 'internal' }],
      [400, 400, { error: 'invalid_body' }],
      [404, 404, { error: 'invalid_body' }],
      [499, 499, { error: 'invalid_body' }],
      [500, 500, { error: 'internal' }],
      [503, 500, { error: 'internal' }],
    ]);
    // Each 500 is logged at error level with what failed (the gateway's logger masks it, county-gateway-log.test.ts);
    // a refusal the caller caused is not.
    const logged = errorsLogged.map((line) => JSON.parse(line) as { level: number; msg: string; err: { message: string } });
    expect(logged.map((l) => [l.level, l.msg, l.err.message])).toEqual([399, 500, 503].map(() => [50, 'request failed', 'failed under the route']));
  });
});
