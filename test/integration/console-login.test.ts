import type { CountyServer } from '../../src/county/server';
import { hashPassword, parseHash } from '../../src/county/console/password-hash';
import { insertStaff, staffById } from '../../src/county/console/staff-register';
import { TEST_HASH_PARAMS, call, demoPassword, signIn, startConsoleCounty } from '../support/console-fixtures';

/** Console sign-in against the gateway's route group: lockout, idle expiry, cookies, CSRF, audit, scope. */
describe('console login', () => {
  let county: CountyServer;
  let clock = Date.parse('2026-11-30T09:00:00Z');
  beforeAll(async () => {
    county = await startConsoleCounty({ now: () => new Date(clock) });
  });
  afterAll(() => county.close());

  const audit = (action: string, target: string) =>
    county.query.selectFrom('audit_log').select(['actor_id', 'at']).where('action', '=', action).where('target', '=', target).orderBy('seq').execute();

  it('sets an HttpOnly SameSite=Strict cookie scoped to the console, and the session answers who is signed in', async () => {
    const res = await call(county, 'POST', '/console/api/login', { username: 'tuwo', password: demoPassword('tuwo') });
    expect(res.status).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^county_console=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/console/);
    const session = await call(county, 'GET', '/console/api/session', undefined, { cookie: cookie.split(';')[0]! });
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ staff: { id: 'township-tuwo', scope: { kind: 'township', township: '140105001' } } });
    expect((await audit('login', 'township-tuwo')).at(-1)).toEqual({ actor_id: 'township-tuwo', at: clock });
  });

  it('refuses a wrong password and an unknown name alike, and audits both', async () => {
    expect((await call(county, 'POST', '/console/api/login', { username: 'county', password: 'nope' })).body).toEqual({ error: 'bad_credentials' });
    expect((await call(county, 'POST', '/console/api/login', { username: 'nobody', password: 'nope' })).body).toEqual({ error: 'bad_credentials' });
    expect(await audit('login.bad_credentials', 'county-admin')).toHaveLength(1);
    await call(county, 'POST', '/console/api/login', { username: 'county', password: demoPassword('county') });
    expect((await staffById(county.query, 'county-admin'))!.failedAttempts).toBe(0);
  });

  it('locks after five wrong passwords even when twelve arrive at once, and the right password then waits too', async () => {
    const attempts = await Promise.all(Array.from({ length: 12 }, () => call(county, 'POST', '/console/api/login', { username: 'beige', password: 'wrong-password' })));
    const errors = attempts.map((a) => a.body.error);
    // Only five were ever checked: four answered "wrong", the fifth wrong one locked the account.
    expect(errors.filter((e) => e === 'bad_credentials')).toHaveLength(4);
    expect(errors.filter((e) => e === 'account_locked')).toHaveLength(8);
    const right = await call(county, 'POST', '/console/api/login', { username: 'beige', password: demoPassword('beige') });
    expect(right.status).toBe(429);
    expect(right.body).toEqual({ error: 'account_locked', retryAt: new Date(clock + 15 * 60_000).toISOString() });
    clock += 15 * 60_000 + 1;
    expect((await call(county, 'POST', '/console/api/login', { username: 'beige', password: demoPassword('beige') })).status).toBe(200);
    expect((await audit('login.account_locked', 'township-beige')).length).toBeGreaterThanOrEqual(9);
  });

  it('ends a session after fifteen idle minutes, and keeps it while it is used', async () => {
    const client = await signIn(county, 'tuwo');
    clock += 14 * 60_000;
    expect((await client.call('GET', '/console/api/session')).status).toBe(200);
    clock += 14 * 60_000;
    expect((await client.call('GET', '/console/api/session')).status).toBe(200);
    clock += 15 * 60_000 + 1;
    const expired = await client.call('GET', '/console/api/session');
    expect(expired).toMatchObject({ status: 401, body: { error: 'session_expired' } });
    expect((await client.call('GET', '/console/api/session')).body).toEqual({ error: 'not_signed_in' });
  });

  it('refuses a change without the session CSRF token, or with another session token', async () => {
    const client = await signIn(county, 'tuwo');
    const other = await signIn(county, 'beige');
    expect((await call(county, 'POST', '/console/api/logout', {}, { cookie: client.cookie })).body).toEqual({ error: 'csrf' });
    expect((await call(county, 'POST', '/console/api/logout', {}, { cookie: client.cookie, 'x-csrf-token': other.csrf })).body).toEqual({ error: 'csrf' });
    expect((await client.call('GET', '/console/api/session')).status).toBe(200);
    expect((await client.call('POST', '/console/api/logout', {})).status).toBe(200);
    expect((await client.call('GET', '/console/api/session')).body).toEqual({ error: 'not_signed_in' });
    expect((await audit('logout', 'township-tuwo')).length).toBeGreaterThanOrEqual(1);
  });

  it('keeps kiosk-only accounts out of the console', async () => {
    await insertStaff(county.query, { id: 'clerk-x', username: 'clerkx', displayName: 'Clerk X', roles: ['clerk'], scope: { kind: 'points', points: ['140105001201'] }, passwordHash: await hashPassword('clerk-x-pass', TEST_HASH_PARAMS) }, clock);
    expect((await call(county, 'POST', '/console/api/login', { username: 'clerkx', password: 'clerk-x-pass' })).body).toEqual({ error: 'forbidden' });
  });

  it('stores scrypt parameters in the hash and raises a weaker hash to current guidance at sign-in', async () => {
    expect(parseHash((await staffById(county.query, 'county-admin'))!.passwordHash)).toMatchObject({ ln: 17, r: 8, p: 1 }); // re-hashed by the sign-in above
    expect(parseHash((await staffById(county.query, 'township-beige'))!.passwordHash)).toMatchObject({ ln: 17 });
    const before = (await staffById(county.query, 'clerk-x'))!.passwordHash;
    expect(parseHash(before)).toMatchObject({ ln: TEST_HASH_PARAMS.ln });
  });

  it("shows a township only its own points and audit trail; the county admin sees all", async () => {
    const tuwo = await signIn(county, 'tuwo');
    const beige = await signIn(county, 'beige');
    const admin = await signIn(county, 'county');
    const codes = async (c: typeof tuwo) => ((await c.call('GET', '/console/api/points')).body.points as Array<{ divisionCode: string }>).map((p) => p.divisionCode);
    expect(await codes(tuwo)).toEqual(['140105001000', '140105001201']);
    expect(await codes(beige)).toEqual(['140105002203']);
    expect(await codes(admin)).toEqual(['140105001000', '140105001201', '140105002203']);
    const trail = async (c: typeof tuwo) => (await c.call('GET', '/console/api/audit')).body.entries as Array<{ actorId: string | null }>;
    const tuwoTrail = await trail(tuwo);
    expect(tuwoTrail.some((e) => e.actorId === 'township-tuwo')).toBe(true);
    expect(tuwoTrail.some((e) => e.actorId === 'township-beige' || e.actorId === 'county-admin')).toBe(false);
    expect((await trail(beige)).some((e) => e.actorId === 'township-tuwo')).toBe(false);
    expect((await trail(admin)).some((e) => e.actorId === 'township-beige')).toBe(true);
  });

  it('answers every API route with 401 when nobody is signed in', async () => {
    for (const url of ['/console/api/session', '/console/api/points', '/console/api/audit']) expect((await call(county, 'GET', url)).status).toBe(401);
  });
});
