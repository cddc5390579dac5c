import { randomBytes, scryptSync } from 'node:crypto';
import { hashPassword } from '../../src/county/passwords';
import { SiteConfigSchema } from '../../src/shared/config/site-config';
import { KioskError } from '../../src/shared/contract/errors';
import { parsePasswordHash } from '../../src/shared/sync/password-hash';
import { openTestStore, tempDataDir } from '../support/store-fixtures';
import { demoSiteConfig } from '../../src/main/config/load-site-config';
import { newConnection, type CallContext, type Connection } from '../../src/main/dispatcher';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { applyConfigParts, getConfigPart } from '../../src/main/store/config-versions';
import type { KioskStore } from '../../src/main/store/kiosk-store';
import { STAFF_LOGIN_MAX_MS, StaffService } from '../../src/main/services/staff';

const { logger } = createMemoryLogger();
const ctxOf = (connection: Connection): CallContext => ({ connection, roles: new Set(['public']), log: logger });
const PASSWORD = 'Correct-Horse-9';

function legacyHash(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${scryptSync(password, salt, 32, { N: 16384, r: 8, p: 1 }).toString('base64')}`;
}

function storeWithStaff(passwordHash: string): KioskStore {
  const store = openTestStore(tempDataDir('kiosk-staff-'));
  const staff = [
    { id: 'clerk-li', username: 'li', displayName: 'Li', roles: ['clerk'], passwordHash, disabled: false },
    { id: 'clerk-off', username: 'off', displayName: 'Off', roles: ['clerk'], passwordHash, disabled: true },
  ];
  applyConfigParts(store.db, [{ part: 'staff', version: 1, body: staff }], new Date().toISOString(), store.key);
  return store;
}

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (error) {
    const e = error as KioskError;
    return `${e.code}${(e.details as { reason?: string } | undefined)?.reason ? `:${(e.details as { reason: string }).reason}` : ''}`;
  }
}

describe('staff login', () => {
  const hash = hashPassword(PASSWORD);
  let clock = Date.parse('2026-11-30T08:00:00Z');
  const now = () => new Date(clock);

  it('stores the staff list sealed: the database holds no hash, and the service still reads it', () => {
    const store = storeWithStaff(hash);
    const raw = (store.db.prepare("SELECT body FROM config_versions WHERE part = 'staff'").get() as { body: string }).body;
    expect(raw).not.toContain('scrypt');
    expect(raw).not.toContain('clerk-li');
    expect(getConfigPart(store.db, 'staff')).toBeNull();
    expect(new StaffService({ store, now }).accounts().map((a) => a.id)).toEqual(['clerk-li', 'clerk-off']);
  });

  it('makes hashes with the current scrypt parameters written into each hash', () => {
    expect(parsePasswordHash(hash)?.params).toEqual({ ln: 17, r: 8, p: 1 });
  });

  it('counts an attempt before checking it: 41 guesses sent at once never let the right password in', async () => {
    const store = storeWithStaff(hash);
    const service = new StaffService({ store, now });
    // 40 wrong guesses and the right one, all at once, from many connections (the review's attack).
    const attempts = Array.from({ length: 41 }, (_, i) => service.login('li', i === 40 ? PASSWORD : `guess-${i}`, ctxOf(newConnection('ws'))));
    const results = await Promise.all(attempts.map(outcome));
    expect(results[40]).not.toBe('ok');
    // Only as many were checked as the kiosk allows at once; the rest were told to wait.
    expect(results.filter((r) => r === 'invalid_credentials').length).toBeLessThanOrEqual(2);
    expect(results.filter((r) => r === 'invalid_credentials:busy').length).toBeGreaterThanOrEqual(39);
  });

  it('locks a username after five wrong passwords, counted before the check', async () => {
    const store = storeWithStaff(hash);
    const service = new StaffService({ store, now });
    const results: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      // Two at a time (the kiosk's limit), each pair counted before either is checked.
      results.push(...(await Promise.all([0, 1].map((j) => outcome(service.login('li', `guess-${i}-${j}`, ctxOf(newConnection('ws'))))))));
    }
    expect(results.slice(0, 5)).toEqual(Array(5).fill('invalid_credentials'));
    expect(results[5]).toBe('invalid_credentials:username');
    expect(await outcome(service.login('li', PASSWORD, ctxOf(newConnection('ws'))))).toBe('invalid_credentials:username');
  });

  it('a locked username opens again when its lock expires, not a moment before', async () => {
    const store = storeWithStaff(hash);
    // A kiosk-wide limit above this test's guesses, so only the username lock is at work.
    const service = new StaffService({ store, now, globalMaxFailures: 100 });
    for (let i = 0; i < 5; i += 1) expect(await outcome(service.login('li', `guess-${i}`, ctxOf(newConnection('ws'))))).toBe('invalid_credentials');
    const lockedAt = clock;
    expect(await outcome(service.login('li', PASSWORD, ctxOf(newConnection('ws'))))).toBe('invalid_credentials:username');
    clock = lockedAt + 60_000 - 1;
    expect(await outcome(service.login('li', PASSWORD, ctxOf(newConnection('ws'))))).toBe('invalid_credentials:username');
    clock = lockedAt + 60_000 + 1;
    expect(await outcome(service.login('li', PASSWORD, ctxOf(newConnection('ws'))))).toBe('ok');
  });

  it('checks one login per connection at a time', async () => {
    const store = storeWithStaff(hash);
    const service = new StaffService({ store, now });
    const connection = newConnection('ws');
    const [a, b] = await Promise.all([outcome(service.login('li', 'x1', ctxOf(connection))), outcome(service.login('li', 'x2', ctxOf(connection)))]);
    expect([a, b].sort()).toEqual(['invalid_credentials', 'invalid_credentials:busy']);
  });

  it('throttles guessing across usernames, and forgets old entries', async () => {
    const store = storeWithStaff(hash);
    const service = new StaffService({ store, now, globalMaxFailures: 6 });
    const connection = newConnection('ws');
    for (let i = 0; i < 6; i += 1) expect(await outcome(service.login(`user${i}`, 'guess', ctxOf(connection)))).toBe('invalid_credentials');
    expect(service.trackedUsernames()).toBe(6);
    // A new username gets no fresh five tries: the kiosk as a whole waits.
    expect(await outcome(service.login('li', PASSWORD, ctxOf(connection)))).toBe('invalid_credentials:kiosk');
    clock += 11 * 60_000;
    expect(await outcome(service.login('li', PASSWORD, ctxOf(connection)))).toBe('ok');
    expect(service.trackedUsernames()).toBe(0);
  });

  it('refuses a disabled account, and a login ends by itself after its time (roles gone, screen told)', async () => {
    const store = storeWithStaff(hash);
    const told: unknown[] = [];
    const events = { emit: (event: string, data: unknown) => told.push({ event, data }) } as never;
    const service = new StaffService({ store, now, events });
    expect(await outcome(service.login('off', PASSWORD, ctxOf(newConnection('ws'))))).toBe('invalid_credentials');
    const connection = newConnection('ws');
    await service.login('li', PASSWORD, ctxOf(connection));
    expect(service.current(connection)?.roles).toEqual(['clerk']);
    clock += STAFF_LOGIN_MAX_MS + 1;
    expect(service.current(connection)).toBeNull();
    expect(connection.staff).toBeUndefined();
    expect(told).toEqual([{ event: 'staff.changed', data: { staffId: 'clerk-li', reason: 'expired' } }]);
  });

  it('accepts an old-format hash and replaces it with a current one on a successful login', async () => {
    const store = storeWithStaff(legacyHash(PASSWORD));
    const service = new StaffService({ store, now });
    await service.login('li', PASSWORD, ctxOf(newConnection('ws')));
    const upgraded = service.accounts().find((a) => a.id === 'clerk-li')!.passwordHash;
    expect(parsePasswordHash(upgraded)?.params).toEqual({ ln: 17, r: 8, p: 1 });
    expect(await outcome(service.login('li', PASSWORD, ctxOf(newConnection('ws'))))).toBe('ok');
  });

  it('refuses a site config that still names technicianPinHash (it was never checked)', () => {
    const config = demoSiteConfig() as unknown as { kiosk: Record<string, unknown> };
    const result = SiteConfigSchema.safeParse({ ...config, kiosk: { ...config.kiosk, technicianPinHash: 'scrypt$a$b' } });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('technicianPinHash');
  });
});
