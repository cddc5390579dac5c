import { insertStaff, setPasswordHash, staffById } from '../../src/county/console/staff-register';
import type { CountyDatabase } from '../../src/county/db/connection';
import type { Scope, StaffRole } from '../../src/shared/console/api';
import { closeTestCountyDatabase, openTestCountyDatabase } from '../support/county-database';

/**
 * The county's staff register (staff-register.ts) called directly on the county database: every column an account
 * is stored with (its scope's township for filtering, enabled unless said otherwise, both times), every field read
 * back, and a new password hash stamped on that account alone. console-accounts-store.test.ts and
 * console-sign-in-store.test.ts reach the register through account management and sign-in.
 */
const T1 = '140105001';
const CREATED = Date.parse('2026-12-01T08:00:00.000Z');
const HASH = 'scrypt$ln=10,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==';

const account = (id: string, roles: StaffRole[], scope: Scope, disabled?: boolean) => ({
  id,
  username: `user-${id}`,
  displayName: `名字 ${id}`,
  roles,
  scope,
  passwordHash: `${HASH}-${id}`,
  ...(disabled === undefined ? {} : { disabled }),
});

describe('the staff register on the county database', () => {
  let county: CountyDatabase;
  const row = (id: string) => county.query.selectFrom('staff_register').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    county = await openTestCountyDatabase('staff-register-');
    await insertStaff(county.query, account('town', ['township'], { kind: 'township', township: T1 }), CREATED);
    await insertStaff(county.query, account('clerk', ['clerk', 'technician'], { kind: 'points', points: [`${T1}001`, `${T1}002`] }, false), CREATED + 1);
    await insertStaff(county.query, account('roving', ['technician'], { kind: 'points', points: [`${T1}001`, '140105002001'] }, true), CREATED + 2);
    await insertStaff(county.query, account('admin', ['countyAdmin'], { kind: 'county' }), CREATED + 3);
  });
  afterAll(() => closeTestCountyDatabase(county));

  it('stores every column of a new account, enabled unless said otherwise, created and updated at once', async () => {
    expect(await row('town')).toEqual({
      id: 'town',
      username: 'user-town',
      display_name: '名字 town',
      roles: '["township"]',
      scope: JSON.stringify({ kind: 'township', township: T1 }),
      scope_township: T1,
      password_hash: `${HASH}-town`,
      disabled: 0,
      failed_attempts: 0,
      locked_until: null,
      created_at: CREATED,
      updated_at: CREATED,
    });
    expect(await row('clerk')).toMatchObject({ roles: '["clerk","technician"]', disabled: 0, created_at: CREATED + 1, updated_at: CREATED + 1 });
    expect(await row('roving')).toMatchObject({ disabled: 1 });
  });

  it("files each account under its scope's township: named points of one township under it, of several or the county under none", async () => {
    expect((await row('clerk')).scope_township).toBe(T1);
    expect((await row('roving')).scope_township).toBeNull();
    expect((await row('admin')).scope_township).toBeNull();
  });

  it('reads an account back with every field, and null for an id not in the register', async () => {
    expect(await staffById(county.query, 'clerk')).toEqual({
      id: 'clerk',
      username: 'user-clerk',
      displayName: '名字 clerk',
      roles: ['clerk', 'technician'],
      scope: { kind: 'points', points: [`${T1}001`, `${T1}002`] },
      passwordHash: `${HASH}-clerk`,
      disabled: false,
      failedAttempts: 0,
      lockedUntil: null,
    });
    expect(await staffById(county.query, 'roving')).toMatchObject({ disabled: true });
    await county.query.updateTable('staff_register').set({ failed_attempts: 3, locked_until: CREATED + 900_000 }).where('id', '=', 'admin').execute();
    expect(await staffById(county.query, 'admin')).toEqual({
      id: 'admin',
      username: 'user-admin',
      displayName: '名字 admin',
      roles: ['countyAdmin'],
      scope: { kind: 'county' },
      passwordHash: `${HASH}-admin`,
      disabled: false,
      failedAttempts: 3,
      lockedUntil: CREATED + 900_000,
    });
    expect(await staffById(county.query, 'nobody')).toBeNull();
  });

  it('refuses to read a stored role or scope the console does not know', async () => {
    await county.query.updateTable('staff_register').set({ roles: '["mayor"]' }).where('id', '=', 'roving').execute();
    await expect(staffById(county.query, 'roving')).rejects.toThrow();
    await county.query.updateTable('staff_register').set({ roles: '["technician"]', scope: '{"kind":"province"}' }).where('id', '=', 'roving').execute();
    await expect(staffById(county.query, 'roving')).rejects.toThrow();
  });

  it('sets a new password hash and its time on that account alone', async () => {
    await setPasswordHash(county.query, 'town', `${HASH}-new`, CREATED + 60_000);
    expect(await row('town')).toMatchObject({ password_hash: `${HASH}-new`, created_at: CREATED, updated_at: CREATED + 60_000 });
    expect(await row('clerk')).toMatchObject({ password_hash: `${HASH}-clerk`, updated_at: CREATED + 1 });
    expect((await staffById(county.query, 'town'))!.passwordHash).toBe(`${HASH}-new`);
  });
});
