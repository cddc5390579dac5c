import crypto, { createHash } from 'node:crypto';
import { consoleLogin } from '../../src/county/console/console-login';
import { closeSession, closeSessionsOf, openSession, touchSession } from '../../src/county/console/console-sessions';
import { hashPassword, parseHash } from '../../src/county/console/password-hash';
import { insertStaff, staffById } from '../../src/county/console/staff-register';
import type { CountyDatabase } from '../../src/county/db/connection';
import { closeTestCountyDatabase, openTestCountyDatabase } from '../support/county-database';
import { TEST_HASH_PARAMS } from '../support/console-fixtures';

/**
 * The console's sign-in (console-login.ts) and sessions (console-sessions.ts) called directly on the county
 * database, one edge at a time: the count of wrong passwords to the lock, the lock's end to the millisecond, what a
 * right password clears, the idle and absolute session limits to the millisecond, and what each logout removes.
 * console-login.test.ts covers the same through the HTTP routes.
 */
const T0 = Date.parse('2026-12-01T09:00:00Z');
const POLICY = { maxFailures: 3, lockMs: 60_000 };

describe('console sign-in and sessions on the county database', () => {
  let county: CountyDatabase;
  const password = (id: string) => `pass-of-${id}`;
  const row = (id: string) => county.query.selectFrom('staff_register').select(['failed_attempts', 'locked_until', 'password_hash']).where('id', '=', id).executeTakeFirstOrThrow();
  const add = async (id: string, extra: { roles?: Array<'township' | 'countyAdmin' | 'clerk' | 'technician'>; disabled?: boolean } = {}) =>
    insertStaff(
      county.query,
      {
        id,
        username: `user-${id}`,
        displayName: id,
        roles: extra.roles ?? ['township'],
        scope: { kind: 'township', township: '140105001' },
        passwordHash: await hashPassword(password(id), TEST_HASH_PARAMS),
        ...(extra.disabled ? { disabled: true } : {}),
      },
      T0,
    );

  beforeAll(async () => {
    county = await openTestCountyDatabase('console-sign-in-');
  });
  afterAll(() => closeTestCountyDatabase(county));

  describe('consoleLogin', () => {
    it('signs in with the right password, raises a weak hash to current guidance, and clears nothing it need not', async () => {
      await add('ok-1');
      const before = (await row('ok-1')).password_hash;
      const outcome = await consoleLogin(county.query, 'user-ok-1', password('ok-1'), T0, POLICY);
      expect(outcome).toEqual({ ok: true, staff: expect.objectContaining({ id: 'ok-1', username: 'user-ok-1', failedAttempts: 0, lockedUntil: null }) });
      const after = await row('ok-1');
      expect(after).toMatchObject({ failed_attempts: 0, locked_until: null });
      expect(after.password_hash).not.toBe(before);
      expect(parseHash(after.password_hash)).toMatchObject({ ln: 17, r: 8, p: 1 });
      // The raised hash still opens, and is left alone from then on.
      expect((await consoleLogin(county.query, 'user-ok-1', password('ok-1'), T0 + 1, POLICY)).ok).toBe(true);
      expect((await row('ok-1')).password_hash).toBe(after.password_hash);
    });

    it('counts wrong passwords and locks at the policy limit, answering the lock with its end', async () => {
      await add('lock-1');
      const wrong = (at: number) => consoleLogin(county.query, 'user-lock-1', 'wrong', at, POLICY);
      expect(await wrong(T0)).toEqual({ ok: false, reason: 'bad_credentials', staff: expect.objectContaining({ id: 'lock-1', failedAttempts: 1, lockedUntil: null }) });
      expect(await row('lock-1')).toMatchObject({ failed_attempts: 1, locked_until: null });
      expect((await wrong(T0 + 1)).ok).toBe(false);
      expect(await row('lock-1')).toMatchObject({ failed_attempts: 2, locked_until: null });
      expect(await wrong(T0 + 2)).toEqual({ ok: false, reason: 'account_locked', retryAt: T0 + 2 + 60_000, staff: expect.objectContaining({ id: 'lock-1', failedAttempts: 3, lockedUntil: T0 + 2 + 60_000 }) });
      expect(await row('lock-1')).toMatchObject({ failed_attempts: 3, locked_until: T0 + 60_002 });
      // While locked even the right password is refused, and nothing more is counted.
      expect(await consoleLogin(county.query, 'user-lock-1', password('lock-1'), T0 + 60_001, POLICY)).toEqual({
        ok: false,
        reason: 'account_locked',
        retryAt: T0 + 60_002,
        staff: expect.objectContaining({ id: 'lock-1', failedAttempts: 3 }),
      });
      expect(await row('lock-1')).toMatchObject({ failed_attempts: 3, locked_until: T0 + 60_002 });
      // At the lock's end the attempt counts as the first again: a wrong one is 1 of 3, not a new lock.
      expect(await wrong(T0 + 60_002)).toEqual({ ok: false, reason: 'bad_credentials', staff: expect.objectContaining({ failedAttempts: 1, lockedUntil: null }) });
      expect(await row('lock-1')).toMatchObject({ failed_attempts: 1, locked_until: null });
    });

    it('locks with the default policy at the fifth wrong password for fifteen minutes', async () => {
      await add('lock-5');
      for (let i = 0; i < 4; i++) expect((await consoleLogin(county.query, 'user-lock-5', 'wrong', T0)).ok).toBe(false);
      expect(await row('lock-5')).toMatchObject({ failed_attempts: 4, locked_until: null });
      expect(await consoleLogin(county.query, 'user-lock-5', 'wrong', T0)).toMatchObject({ ok: false, reason: 'account_locked', retryAt: T0 + 15 * 60_000 });
    });

    it('clears the count after a right password', async () => {
      await add('clear-1');
      await consoleLogin(county.query, 'user-clear-1', 'wrong', T0, POLICY);
      await consoleLogin(county.query, 'user-clear-1', 'wrong', T0, POLICY);
      expect((await consoleLogin(county.query, 'user-clear-1', password('clear-1'), T0, POLICY)).ok).toBe(true);
      expect(await row('clear-1')).toMatchObject({ failed_attempts: 0, locked_until: null });
      expect(await consoleLogin(county.query, 'user-clear-1', 'wrong', T0, POLICY)).toMatchObject({ reason: 'bad_credentials', staff: { failedAttempts: 1 } });
    });

    it('answers an unknown name as a wrong password, naming nobody, after the same scrypt work as a real check', async () => {
      expect(await consoleLogin(county.query, 'user-nobody', 'whatever', T0, POLICY)).toEqual({ ok: false, reason: 'bad_credentials' });
      // Counted, not timed: the second unknown name derives one key at current guidance, as a wrong password would.
      const scrypt = jest.spyOn(crypto, 'scrypt');
      try {
        expect(await consoleLogin(county.query, 'user-nobody-2', 'whatever', T0, POLICY)).toEqual({ ok: false, reason: 'bad_credentials' });
        expect(scrypt.mock.calls.map((c) => (c[3] as { N: number }).N)).toEqual([2 ** 17]);
      } finally {
        scrypt.mockRestore();
      }
    });

    it('refuses a disabled account only after its password was right, and a kiosk-only account as forbidden', async () => {
      await add('off-1', { disabled: true });
      expect(await consoleLogin(county.query, 'user-off-1', 'wrong', T0, POLICY)).toMatchObject({ ok: false, reason: 'bad_credentials' });
      expect(await consoleLogin(county.query, 'user-off-1', password('off-1'), T0, POLICY)).toEqual({ ok: false, reason: 'account_disabled', staff: expect.objectContaining({ id: 'off-1' }) });
      expect(await row('off-1')).toMatchObject({ failed_attempts: 0 });
      await add('clerk-1', { roles: ['clerk', 'technician'] });
      expect(await consoleLogin(county.query, 'user-clerk-1', password('clerk-1'), T0, POLICY)).toEqual({ ok: false, reason: 'forbidden', staff: expect.objectContaining({ id: 'clerk-1' }) });
      // Neither kept its weak hash raised: only a sign-in that succeeds re-hashes.
      expect(parseHash((await staffById(county.query, 'clerk-1'))!.passwordHash)).toMatchObject({ ln: TEST_HASH_PARAMS.ln });
      await add('admin-1', { roles: ['clerk', 'countyAdmin'] });
      expect((await consoleLogin(county.query, 'user-admin-1', password('admin-1'), T0, POLICY)).ok).toBe(true);
    });
  });

  describe('console sessions', () => {
    const IDLE = { idleMs: 1_000, absoluteMs: 5_000 };
    const stored = () => county.query.selectFrom('console_sessions').select(['id_hash', 'staff_id', 'csrf', 'created_at', 'last_seen']).orderBy('created_at').execute();

    it('stores only the token hash, with its own CSRF token, and answers the session while it is used', async () => {
      await county.query.deleteFrom('console_sessions').execute();
      const a = await openSession(county.query, 'ok-1', T0);
      const b = await openSession(county.query, 'ok-1', T0);
      expect(a.token).toMatch(/^[\w-]{43}$/);
      expect(a.csrf).toMatch(/^[\w-]{43}$/);
      expect(new Set([a.token, a.csrf, b.token, b.csrf]).size).toBe(4);
      const rows = await stored();
      expect(rows.map((r) => r.id_hash).sort()).toEqual([a.token, b.token].map((t) => createHash('sha256').update(t).digest('hex')).sort());
      expect(rows.find((r) => r.csrf === a.csrf)).toMatchObject({ staff_id: 'ok-1', created_at: T0, last_seen: T0 });
      expect(await touchSession(county.query, a.token, T0 + 400, IDLE)).toEqual({ state: 'active', staffId: 'ok-1', csrf: a.csrf });
      expect((await stored()).find((r) => r.csrf === a.csrf)!.last_seen).toBe(T0 + 400);
      expect(await touchSession(county.query, `${a.token}x`, T0 + 400, IDLE)).toEqual({ state: 'unknown' });
    });

    it('ends a session idle longer than the limit (the limit itself still passes) and forgets it', async () => {
      const s = await openSession(county.query, 'ok-1', T0);
      expect((await touchSession(county.query, s.token, T0 + 1_000, IDLE)).state).toBe('active');
      expect((await touchSession(county.query, s.token, T0 + 2_000, IDLE)).state).toBe('active');
      expect(await touchSession(county.query, s.token, T0 + 3_001, IDLE)).toEqual({ state: 'expired' });
      expect(await touchSession(county.query, s.token, T0 + 3_001, IDLE)).toEqual({ state: 'unknown' });
    });

    it('ends a session older than the absolute limit however busy it is', async () => {
      const s = await openSession(county.query, 'ok-1', T0);
      for (let at = T0 + 1_000; at <= T0 + 5_000; at += 1_000) expect([at - T0, (await touchSession(county.query, s.token, at, IDLE)).state]).toEqual([at - T0, 'active']);
      expect(await touchSession(county.query, s.token, T0 + 5_001, IDLE)).toEqual({ state: 'expired' });
      expect(await touchSession(county.query, s.token, T0 + 5_001, IDLE)).toEqual({ state: 'unknown' });
    });

    it('closes one session at logout, and every session of an account at once', async () => {
      await county.query.deleteFrom('console_sessions').execute();
      const a1 = await openSession(county.query, 'ok-1', T0);
      const a2 = await openSession(county.query, 'ok-1', T0);
      const b = await openSession(county.query, 'lock-1', T0);
      await closeSession(county.query, a1.token);
      expect((await touchSession(county.query, a1.token, T0, IDLE)).state).toBe('unknown');
      expect((await touchSession(county.query, a2.token, T0, IDLE)).state).toBe('active');
      const c = await openSession(county.query, 'ok-1', T0);
      expect(await closeSessionsOf(county.query, 'ok-1')).toBe(2);
      expect([(await touchSession(county.query, a2.token, T0, IDLE)).state, (await touchSession(county.query, c.token, T0, IDLE)).state]).toEqual(['unknown', 'unknown']);
      expect((await touchSession(county.query, b.token, T0, IDLE)).state).toBe('active');
      expect(await closeSessionsOf(county.query, 'ok-1')).toBe(0);
    });
  });
});
