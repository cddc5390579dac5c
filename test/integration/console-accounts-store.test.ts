import { accountsInScope, createAccount, publishKioskStaff, resetPassword, setDisabled, toAccount, updateAccount } from '../../src/county/console/accounts';
import { openSession } from '../../src/county/console/console-sessions';
import { insertStaff } from '../../src/county/console/staff-register';
import type { CountyDatabase } from '../../src/county/db/connection';
import type { Scope, StaffRole } from '../../src/shared/console/api';
import { closeTestCountyDatabase, openTestCountyDatabase } from '../support/county-database';

/**
 * The console's account management (accounts.ts) called directly on the county database: who may create, rescope,
 * disable and reset which account (a township only kiosk accounts inside its own township, the county admin every
 * account), what each answers outside that (404 outside the manager's sight, 403 inside it but not theirs, 409 for a
 * taken username), which hash format each kind of account gets, when the kiosks' staff list is published again, and
 * which sessions end. console-accounts.test.ts covers the same through a started county and the console's routes.
 */
const T1 = '140105001';
const T2 = '140105002';
const P1 = `${T1}001`;
const P2 = `${T2}001`;
const COUNTY: Scope = { kind: 'county' };
const TOWNSHIP1: Scope = { kind: 'township', township: T1 };
const TOWNSHIP2: Scope = { kind: 'township', township: T2 };
const NOW = Date.parse('2026-12-01T09:00:00.000Z');
// A kiosk-format hash (scrypt$...) for accounts seeded directly; the ones under test are hashed for real.
const SEEDED_HASH = `scrypt$ln=17,r=8,p=1$${'A'.repeat(24)}$${'B'.repeat(44)}`;
const KIOSK_HASH = /^scrypt\$ln=\d+,r=\d+,p=\d+\$/;
const CONSOLE_HASH = /^\$scrypt\$ln=\d+,r=\d+,p=\d+\$/;

describe('console accounts on the county database', () => {
  let county: CountyDatabase;
  const row = (id: string) => county.query.selectFrom('staff_register').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const staffPart = () => county.query.selectFrom('config_parts').select(['version', 'body']).where('part', '=', 'staff').executeTakeFirst();
  const published = async () => JSON.parse((await staffPart())?.body ?? 'null') as Array<{ id: string; username: string; disabled: boolean; passwordHash: string; roles: string[]; displayName: string }> | null;
  const sessionsOf = async (id: string) => (await county.query.selectFrom('console_sessions').select('staff_id').where('staff_id', '=', id).execute()).length;
  const seed = (id: string, roles: StaffRole[], scope: Scope) => insertStaff(county.query, { id, username: `u-${id}`, displayName: `name ${id}`, roles, scope, passwordHash: SEEDED_HASH }, NOW - 1000);
  const iso = (ms: number) => new Date(ms).toISOString();

  beforeAll(async () => {
    county = await openTestCountyDatabase('console-accounts-');
    await seed('admin', ['countyAdmin'], COUNTY);
    await seed('town1', ['township'], TOWNSHIP1);
    await seed('town2', ['township'], TOWNSHIP2);
    await seed('clerk1', ['clerk'], TOWNSHIP1);
    await seed('clerk2', ['clerk', 'technician'], TOWNSHIP2);
    await seed('tech-p1', ['technician'], { kind: 'points', points: [P1] });
  });
  afterAll(() => closeTestCountyDatabase(county));

  it('shows the county admin every account and a township the accounts inside its township, by username', async () => {
    expect((await accountsInScope(county.query, COUNTY)).map((a) => a.id)).toEqual(['admin', 'clerk1', 'clerk2', 'tech-p1', 'town1', 'town2']);
    expect((await accountsInScope(county.query, TOWNSHIP1)).map((a) => a.id)).toEqual(['clerk1', 'tech-p1', 'town1']);
    const [clerk1] = await accountsInScope(county.query, TOWNSHIP1);
    expect(clerk1).toEqual({ id: 'clerk1', username: 'u-clerk1', displayName: 'name clerk1', roles: ['clerk'], scope: TOWNSHIP1, disabled: false, lockedUntil: null, updatedAt: iso(NOW - 1000) });
  });

  it('turns a register row into the console account, the lock as a time', () => {
    const record = { id: 'x', username: 'u', displayName: 'd', roles: ['clerk'] as StaffRole[], scope: TOWNSHIP1, passwordHash: SEEDED_HASH, disabled: true, failedAttempts: 3, lockedUntil: NOW + 5, updatedAt: NOW };
    expect(toAccount(record)).toEqual({ id: 'x', username: 'u', displayName: 'd', roles: ['clerk'], scope: TOWNSHIP1, disabled: true, lockedUntil: iso(NOW + 5), updatedAt: iso(NOW) });
  });

  it('publishes the kiosk accounts alone, by username, disabled ones marked', async () => {
    await county.query.updateTable('staff_register').set({ disabled: 1 }).where('id', '=', 'clerk2').execute();
    const version = await publishKioskStaff(county.query);
    expect((await staffPart())?.version).toBe(version);
    expect(await published()).toEqual([
      { id: 'clerk1', username: 'u-clerk1', displayName: 'name clerk1', roles: ['clerk'], passwordHash: SEEDED_HASH, disabled: false },
      { id: 'clerk2', username: 'u-clerk2', displayName: 'name clerk2', roles: ['clerk', 'technician'], passwordHash: SEEDED_HASH, disabled: true },
      { id: 'tech-p1', username: 'u-tech-p1', displayName: 'name tech-p1', roles: ['technician'], passwordHash: SEEDED_HASH, disabled: false },
    ]);
    await county.query.updateTable('staff_register').set({ disabled: 0 }).where('id', '=', 'clerk2').execute();
  });

  it('lets a township create kiosk accounts inside its township only, hashed for the kiosk and published at once', async () => {
    const input = (username: string, roles: StaffRole[], scope: Scope) => ({ username, displayName: `名 ${username}`, roles, scope, password: 'correct horse battery' });
    for (const [roles, scope] of [
      [['clerk'], TOWNSHIP2],
      [['clerk'], COUNTY],
      [['technician'], { kind: 'points', points: [P1, P2] }],
      [['township'], TOWNSHIP1],
      // Mixed roles: the route's schema refuses them, and the rule here does not lean on it.
      [['clerk', 'township'], TOWNSHIP1],
    ] as Array<[StaffRole[], Scope]>) {
      expect(await createAccount(county.query, TOWNSHIP1, input('refused', roles, scope), NOW)).toEqual({ ok: false, status: 403, error: 'forbidden' });
    }
    expect(await county.query.selectFrom('staff_register').select('id').where('username', '=', 'refused').execute()).toEqual([]);

    const before = (await staffPart())!.version;
    const made = await createAccount(county.query, TOWNSHIP1, input('new-clerk', ['clerk'], { kind: 'points', points: [P1] }), NOW);
    if (!made.ok) throw new Error('refused');
    expect(made.account).toEqual({ id: expect.stringMatching(/^staff-[0-9a-f-]{36}$/), username: 'new-clerk', displayName: '名 new-clerk', roles: ['clerk'], scope: { kind: 'points', points: [P1] }, disabled: false, lockedUntil: null, updatedAt: iso(NOW) });
    const stored = await row(made.account.id);
    expect(stored.password_hash).toMatch(KIOSK_HASH);
    expect(stored.scope_township).toBe(T1);
    expect((await staffPart())!.version).toBeGreaterThan(before);
    expect((await published())!.find((a) => a.id === made.account.id)).toEqual({ id: made.account.id, username: 'new-clerk', displayName: '名 new-clerk', roles: ['clerk'], passwordHash: stored.password_hash, disabled: false });

    expect(await createAccount(county.query, TOWNSHIP1, input('new-clerk', ['clerk'], TOWNSHIP1), NOW)).toEqual({ ok: false, status: 409, error: 'conflict' });
    expect(await createAccount(county.query, COUNTY, input('u-town2', ['township'], TOWNSHIP2), NOW)).toEqual({ ok: false, status: 409, error: 'conflict' });
  });

  it('lets the county admin create a console account, hashed for the console and not published to kiosks', async () => {
    const before = (await staffPart())!.version;
    const made = await createAccount(county.query, COUNTY, { username: 'town3', displayName: '第三所', roles: ['township'], scope: { kind: 'township', township: '140105003' }, password: 'correct horse battery' }, NOW);
    if (!made.ok) throw new Error('refused');
    expect(made.account).toMatchObject({ username: 'town3', roles: ['township'], scope: { kind: 'township', township: '140105003' }, disabled: false });
    expect((await row(made.account.id)).password_hash).toMatch(CONSOLE_HASH);
    expect((await staffPart())!.version).toBe(before);
  });

  it('answers 404 for an account outside the manager sight, 403 for one in sight but not theirs, and rescopes only within the manager scope', async () => {
    const change = { displayName: '改名', scope: TOWNSHIP1 };
    expect(await updateAccount(county.query, TOWNSHIP1, 'nobody', change, NOW)).toEqual({ ok: false, status: 404, error: 'not_found' });
    expect(await updateAccount(county.query, TOWNSHIP1, 'clerk2', change, NOW)).toEqual({ ok: false, status: 404, error: 'not_found' });
    expect(await updateAccount(county.query, TOWNSHIP1, 'admin', change, NOW)).toEqual({ ok: false, status: 404, error: 'not_found' });
    expect(await updateAccount(county.query, TOWNSHIP1, 'town1', change, NOW)).toEqual({ ok: false, status: 403, error: 'forbidden' });
    expect(await updateAccount(county.query, TOWNSHIP1, 'clerk1', { displayName: '改名', scope: TOWNSHIP2 }, NOW)).toEqual({ ok: false, status: 403, error: 'forbidden' });
    expect(await setDisabled(county.query, TOWNSHIP1, 'clerk2', true, NOW)).toEqual({ ok: false, status: 404, error: 'not_found' });
    expect(await setDisabled(county.query, TOWNSHIP1, 'town1', true, NOW)).toEqual({ ok: false, status: 403, error: 'forbidden' });
    expect(await resetPassword(county.query, TOWNSHIP1, 'clerk2', 'another long one', NOW)).toEqual({ ok: false, status: 404, error: 'not_found' });
    expect(await resetPassword(county.query, TOWNSHIP1, 'town1', 'another long one', NOW)).toEqual({ ok: false, status: 403, error: 'forbidden' });
    expect(await row('clerk1')).toMatchObject({ display_name: 'name clerk1', disabled: 0, password_hash: SEEDED_HASH });
    expect(await row('town1')).toMatchObject({ disabled: 0, password_hash: SEEDED_HASH });

    const before = (await staffPart())!.version;
    const moved = await updateAccount(county.query, TOWNSHIP1, 'clerk1', { displayName: '李秀英', scope: { kind: 'points', points: [P1] } }, NOW + 1);
    expect(moved).toEqual({ ok: true, account: { id: 'clerk1', username: 'u-clerk1', displayName: '李秀英', roles: ['clerk'], scope: { kind: 'points', points: [P1] }, disabled: false, lockedUntil: null, updatedAt: iso(NOW + 1) } });
    expect(await row('clerk1')).toMatchObject({ scope_township: T1 });
    expect((await staffPart())!.version).toBeGreaterThan(before);
    expect((await published())!.find((a) => a.id === 'clerk1')).toMatchObject({ displayName: '李秀英' });

    // The county admin moves any account anywhere; a console account's change publishes nothing.
    const between = (await staffPart())!.version;
    expect(await updateAccount(county.query, COUNTY, 'town2', { displayName: '二所', scope: { kind: 'township', township: '140105004' } }, NOW + 2)).toMatchObject({ ok: true, account: { displayName: '二所', scope: { kind: 'township', township: '140105004' } } });
    expect(await row('town2')).toMatchObject({ scope_township: '140105004', updated_at: NOW + 2 });
    expect((await staffPart())!.version).toBe(between);
    expect(await updateAccount(county.query, COUNTY, 'clerk2', { displayName: '跨所', scope: { kind: 'points', points: [P1, P2] } }, NOW + 2)).toMatchObject({ ok: true });
    expect(await row('clerk2')).toMatchObject({ scope_township: null });
  });

  it('disables an account (ending its console sessions), enables it again (leaving them), and tells the kiosks', async () => {
    await openSession(county.query, 'tech-p1', NOW);
    await openSession(county.query, 'town1', NOW);
    const before = (await staffPart())!.version;
    expect(await setDisabled(county.query, TOWNSHIP1, 'tech-p1', true, NOW + 3)).toMatchObject({ ok: true, account: { id: 'tech-p1', disabled: true, updatedAt: iso(NOW + 3) } });
    expect(await sessionsOf('tech-p1')).toBe(0);
    expect(await sessionsOf('town1')).toBe(1);
    expect((await published())!.find((a) => a.id === 'tech-p1')).toMatchObject({ disabled: true });
    expect((await staffPart())!.version).toBeGreaterThan(before);

    await openSession(county.query, 'tech-p1', NOW + 4);
    expect(await setDisabled(county.query, TOWNSHIP1, 'tech-p1', false, NOW + 4)).toMatchObject({ ok: true, account: { disabled: false } });
    expect(await sessionsOf('tech-p1')).toBe(1);
    expect((await published())!.find((a) => a.id === 'tech-p1')).toMatchObject({ disabled: false });

    const between = (await staffPart())!.version;
    expect(await setDisabled(county.query, COUNTY, 'town1', true, NOW + 5)).toMatchObject({ ok: true, account: { disabled: true } });
    expect(await sessionsOf('town1')).toBe(0);
    expect((await staffPart())!.version).toBe(between);
  });

  it('resets a password in the account kind own format, lifting its lock and ending its console sessions', async () => {
    await county.query.updateTable('staff_register').set({ failed_attempts: 4, locked_until: NOW + 60_000 }).where('id', 'in', ['clerk1', 'town1']).execute();
    expect((await accountsInScope(county.query, TOWNSHIP1)).find((a) => a.id === 'clerk1')).toMatchObject({ lockedUntil: iso(NOW + 60_000) });
    await openSession(county.query, 'clerk1', NOW);
    const before = (await staffPart())!.version;
    expect(await resetPassword(county.query, TOWNSHIP1, 'clerk1', 'another long one', NOW + 6)).toMatchObject({ ok: true, account: { id: 'clerk1', lockedUntil: null, updatedAt: iso(NOW + 6) } });
    const clerk = await row('clerk1');
    expect(clerk).toMatchObject({ failed_attempts: 0, locked_until: null });
    expect(clerk.password_hash).toMatch(KIOSK_HASH);
    expect(clerk.password_hash).not.toBe(SEEDED_HASH);
    expect(await sessionsOf('clerk1')).toBe(0);
    expect((await published())!.find((a) => a.id === 'clerk1')).toMatchObject({ passwordHash: clerk.password_hash });
    expect((await staffPart())!.version).toBeGreaterThan(before);

    await openSession(county.query, 'town1', NOW);
    expect(await resetPassword(county.query, COUNTY, 'town1', 'another long one', NOW + 7)).toMatchObject({ ok: true, account: { lockedUntil: null } });
    const town = await row('town1');
    expect(town).toMatchObject({ failed_attempts: 0, locked_until: null, updated_at: NOW + 7 });
    expect(town.password_hash).toMatch(CONSOLE_HASH);
    expect(await sessionsOf('town1')).toBe(0);
  });
});
