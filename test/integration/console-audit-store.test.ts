import { audit, auditActor, auditEntries } from '../../src/county/console/audit';
import type { CountyDatabase } from '../../src/county/db/connection';
import { closeTestCountyDatabase, openTestCountyDatabase } from '../support/county-database';

/**
 * The console's audit trail (audit.ts) on the county database: every field of an entry as written and as the audit
 * page shows it, who sees which entries (the county all, a township its own, an account scoped to points none),
 * newest first, to a limit of 200 unless told.
 */
const T0 = Date.parse('2026-12-01T09:00:00.000Z');
const T1 = '140105001';
const T2 = '140105002';

describe('the console audit trail on the county database', () => {
  let county: CountyDatabase;
  beforeAll(async () => {
    county = await openTestCountyDatabase('console-audit-');
  });
  afterAll(() => closeTestCountyDatabase(county));

  it('names the staff member who acted by id and display name', () => {
    expect(auditActor({ id: 'township-tuwo', displayName: '土沃乡人社所 王建国' })).toEqual({ id: 'township-tuwo', name: '土沃乡人社所 王建国' });
  });

  it('writes every field, the detail empty unless given, and shows the county every entry newest first', async () => {
    await audit(county.query, T0, { id: 'township-tuwo', name: '王建国' }, 'case.take', 'case-1', T1, 'DB-1');
    await audit(county.query, T0 + 1, { id: null, name: null }, 'login.bad_credentials', null, null);
    await audit(county.query, T0 + 2, { id: 'township-beige', name: '刘芳' }, 'case.finish', 'case-2', T2, null);
    expect(await county.query.selectFrom('audit_log').select(['at', 'actor_id', 'actor_name', 'action', 'target', 'township', 'detail']).orderBy('seq').execute()).toEqual([
      { at: T0, actor_id: 'township-tuwo', actor_name: '王建国', action: 'case.take', target: 'case-1', township: T1, detail: 'DB-1' },
      { at: T0 + 1, actor_id: null, actor_name: null, action: 'login.bad_credentials', target: null, township: null, detail: null },
      { at: T0 + 2, actor_id: 'township-beige', actor_name: '刘芳', action: 'case.finish', target: 'case-2', township: T2, detail: null },
    ]);
    const all = await auditEntries(county.query, { kind: 'county' });
    expect(all.map(({ seq: _seq, ...rest }) => rest)).toEqual([
      { at: new Date(T0 + 2).toISOString(), actorId: 'township-beige', actorName: '刘芳', action: 'case.finish', target: 'case-2', detail: null },
      { at: new Date(T0 + 1).toISOString(), actorId: null, actorName: null, action: 'login.bad_credentials', target: null, detail: null },
      { at: new Date(T0).toISOString(), actorId: 'township-tuwo', actorName: '王建国', action: 'case.take', target: 'case-1', detail: 'DB-1' },
    ]);
    expect(all[0]!.seq).toBeGreaterThan(all[1]!.seq);
    expect(all[1]!.seq).toBeGreaterThan(all[2]!.seq);
  });

  it('shows a township only the entries filed under it, and an account scoped to points none', async () => {
    expect((await auditEntries(county.query, { kind: 'township', township: T1 })).map((e) => e.action)).toEqual(['case.take']);
    expect((await auditEntries(county.query, { kind: 'township', township: T2 })).map((e) => e.action)).toEqual(['case.finish']);
    expect(await auditEntries(county.query, { kind: 'township', township: '140105009' })).toEqual([]);
    expect(await auditEntries(county.query, { kind: 'points', points: [`${T1}201`] })).toEqual([]);
  });

  it('answers the newest 200 unless told another limit', async () => {
    for (let i = 0; i < 200; i += 1) await audit(county.query, T0 + 10 + i, { id: 'county-admin', name: '管理员' }, 'programme.dates', null, T1, `n${i}`);
    const newest = await auditEntries(county.query, { kind: 'county' });
    expect(newest).toHaveLength(200);
    expect(newest[0]!.detail).toBe('n199');
    expect(newest.at(-1)!.detail).toBe('n0');
    expect((await auditEntries(county.query, { kind: 'township', township: T1 })).at(-1)!.detail).toBe('n0');
    expect((await auditEntries(county.query, { kind: 'county' }, 2)).map((e) => e.detail)).toEqual(['n199', 'n198']);
  });
});
