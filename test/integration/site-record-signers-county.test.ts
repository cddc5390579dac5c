import { randomUUID } from 'node:crypto';
import { registerPoint } from '../../src/county/console/points';
import { insertStaff } from '../../src/county/console/staff-register';
import { hashPassword } from '../../src/county/console/password-hash';
import { confirmAcceptanceSigner, firstPassedSiteRecords, intakeSiteRecord, siteRecordsOf } from '../../src/county/site-records';
import type { CountyDatabase } from '../../src/county/db/connection';
import type { Scope, StaffRole } from '../../src/shared/console/api';
import { criteriaOf, type AcceptanceRecord, type CommissioningRecord } from '../../src/shared/commissioning/site-record';
import type { SiteRecordItem } from '../../src/shared/sync/protocol';
import { countyTestEngine, openTestCountyDatabase } from '../support/county-database';

const KIOSK = 'kiosk-dz';
const DIVISION = '140105001201'; // 东庄村, township 140105001
const ELSEWHERE = '140105002301'; // a village of township 140105002
const AT = '2026-11-02T03:00:00.000Z';
const NOW = Date.parse(AT);
const PASSWORD = 'correct horse 7';
const site = { 'zh-CN': '东庄村服务点', en: 'Dongzhuang' };

function commissioning(completedAt: string, passed: boolean, kioskId = KIOSK): CommissioningRecord {
  const by = { id: 'tech-zhao', name: '赵师傅' };
  return {
    kind: 'commissioning',
    recordId: randomUUID(),
    kioskId,
    divisionCode: DIVISION,
    siteName: site,
    appVersion: '1.0.0',
    startedAt: completedAt,
    completedAt,
    technician: by,
    steps: [{ id: 'countyReachable', how: 'automatic', passed, checkedAt: completedAt, checkedBy: by }],
    passed,
  };
}

function acceptance(signerId: string, over: Partial<AcceptanceRecord> = {}): AcceptanceRecord {
  return {
    kind: 'acceptance',
    recordId: randomUUID(),
    kioskId: KIOSK,
    divisionCode: DIVISION,
    siteName: site,
    appVersion: '1.0.0',
    completedAt: AT,
    standard: 'basic',
    criteria: criteriaOf('basic').map((id) => ({ id, met: true })),
    signedBy: { id: signerId, name: signerId, role: 'township' },
    commissioningRecordId: randomUUID(),
    passed: true,
    ...over,
  };
}

const item = (payload: CommissioningRecord | AcceptanceRecord): SiteRecordItem => ({ id: randomUUID(), kind: 'siteRecord', createdAt: payload.completedAt, residentRef: null, payload, attachments: [] });

/**
 * Site records at the county (store level, on the test engine): who may sign an acceptance, checked on the record
 * and on the credentials typed at the kiosk (site-records-county.test.ts has one of each signer through a console
 * county; commissioning.test.ts one signer through a kiosk), and the programme's readings.
 */
describe(`site records and their signers at the county (${countyTestEngine})`, () => {
  let db: CountyDatabase;
  beforeAll(async () => {
    db = await openTestCountyDatabase('county-site-signers-');
    // Cheap scrypt parameters: the hash's cost is not what this test is about.
    const hash = await hashPassword(PASSWORD, { ln: 10, r: 8, p: 1 });
    const staff = (id: string, roles: StaffRole[], scope: Scope, over: { displayName?: string; disabled?: boolean } = {}) =>
      insertStaff(db.query, { id, username: id, displayName: over.displayName ?? `name of ${id}`, roles, scope, passwordHash: hash, disabled: over.disabled ?? false }, NOW);
    await staff('tuwo', ['township'], { kind: 'township', township: '140105001' }, { displayName: `土沃乡人社所${'王'.repeat(60)}` });
    await staff('beige', ['township'], { kind: 'township', township: '140105002' });
    await staff('admin', ['countyAdmin', 'township'], { kind: 'county' });
    await staff('gone', ['township'], { kind: 'township', township: '140105001' }, { disabled: true });
    // Never signed in with the right password before its lockout, so its hash stays cheap (a sign-in rehashes at full cost).
    await staff('guessed', ['township'], { kind: 'township', township: '140105001' });
    await staff('clerk', ['clerk'], { kind: 'county' });
    await staff('tech', ['technician', 'clerk'], { kind: 'county' });
  });
  afterAll(() => db.close());

  it('with no register of points, refuses any signer typed at the kiosk (it cannot tell the point), and judges a record by the division it names', async () => {
    expect(await confirmAcceptanceSigner(db.query, KIOSK, 'admin', PASSWORD, NOW)).toStrictEqual({ ok: false, status: 403, error: 'signer_not_entitled' });
    const named = item(acceptance('beige', { divisionCode: ELSEWHERE }));
    expect(await intakeSiteRecord(db.query, KIOSK, named, new Date(AT))).toStrictEqual({ id: named.id, status: 'accepted' });
    await registerPoint(db.query, { kioskId: KIOSK, divisionCode: DIVISION, name: site, level: 'village' });
  });

  it('confirms a township account of the point or a county admin, named as the county knows them, and refuses every other', async () => {
    expect(await confirmAcceptanceSigner(db.query, KIOSK, 'tuwo', PASSWORD, NOW)).toStrictEqual({ ok: true, signer: { id: 'tuwo', name: `土沃乡人社所${'王'.repeat(54)}`, role: 'township' } });
    expect(await confirmAcceptanceSigner(db.query, KIOSK, 'admin', PASSWORD, NOW)).toStrictEqual({ ok: true, signer: { id: 'admin', name: 'name of admin', role: 'countyAdmin' } });
    const notEntitled = { ok: false, status: 403, error: 'signer_not_entitled' };
    expect(await confirmAcceptanceSigner(db.query, KIOSK, 'beige', PASSWORD, NOW)).toStrictEqual(notEntitled);
    expect(await confirmAcceptanceSigner(db.query, KIOSK, 'gone', PASSWORD, NOW)).toStrictEqual(notEntitled);
    expect(await confirmAcceptanceSigner(db.query, KIOSK, 'clerk', PASSWORD, NOW)).toStrictEqual(notEntitled);
    expect(await confirmAcceptanceSigner(db.query, 'kiosk-unregistered', 'tuwo', PASSWORD, NOW)).toStrictEqual(notEntitled);
    expect(await confirmAcceptanceSigner(db.query, KIOSK, 'nobody', PASSWORD, NOW)).toStrictEqual({ ok: false, status: 401, error: 'bad_credentials' });
  });

  it('answers 401 to a wrong password and 423 once the account is locked, even with the right one', async () => {
    for (let i = 0; i < 4; i++) expect(await confirmAcceptanceSigner(db.query, KIOSK, 'guessed', 'wrong', NOW)).toStrictEqual({ ok: false, status: 401, error: 'bad_credentials' });
    expect(await confirmAcceptanceSigner(db.query, KIOSK, 'guessed', 'wrong', NOW)).toStrictEqual({ ok: false, status: 423, error: 'account_locked' });
    expect(await confirmAcceptanceSigner(db.query, KIOSK, 'guessed', PASSWORD, NOW + 1000)).toStrictEqual({ ok: false, status: 423, error: 'account_locked' });
  });

  it("keeps an acceptance only from an enabled township or county account covering the point's registered division", async () => {
    const now = new Date(AT);
    const intake = async (record: AcceptanceRecord, kioskId = KIOSK) => {
      const i = item(record);
      const answer = await intakeSiteRecord(db.query, kioskId, i, now);
      expect(answer.id).toBe(i.id);
      return answer.status === 'rejected' ? answer.reason : answer.status;
    };
    expect(await intake(acceptance('tuwo'))).toBe('accepted');
    expect(await intake(acceptance('admin'))).toBe('accepted');
    // The registered division decides, whatever the record names.
    expect(await intake(acceptance('tuwo', { divisionCode: ELSEWHERE }))).toBe('accepted');
    expect(await intake(acceptance('beige', { divisionCode: ELSEWHERE }))).toBe('signerNotEntitled');
    expect(await intake(acceptance('gone'))).toBe('signerNotEntitled');
    expect(await intake(acceptance('clerk'))).toBe('signerNotEntitled');
    expect(await intake(acceptance('tech'))).toBe('signerNotEntitled');
    expect(await intake(acceptance('nobody'))).toBe('signerNotEntitled');
    expect(await intake({ ...acceptance('tuwo'), kioskId: 'kiosk-other' })).toBe('recordOfAnotherKiosk');
    const stored = await db.query.selectFrom('site_records').select(['kiosk_id', 'kind', 'passed', 'completed_at', 'received_at']).where('kind', '=', 'acceptance').execute();
    expect(stored).toHaveLength(4);
    expect(stored[1]).toStrictEqual({ kiosk_id: KIOSK, kind: 'acceptance', passed: 1, completed_at: AT, received_at: AT });
  });

  it("reads a point's records oldest first (then by arrival), of one kind or both, and each point's first passing one", async () => {
    const kiosk = 'kiosk-programme';
    const keep = async (record: CommissioningRecord, receivedAt: string) => intakeSiteRecord(db.query, kiosk, item(record), new Date(receivedAt));
    const late = commissioning('2026-11-05T00:00:00.000Z', true, kiosk);
    const failed = commissioning('2026-11-01T00:00:00.000Z', false, kiosk);
    const first = commissioning('2026-11-03T00:00:00.000Z', true, kiosk);
    const sameTime = commissioning('2026-11-03T00:00:00.000Z', true, kiosk);
    await keep(late, '2026-11-05T01:00:00.000Z');
    await keep(sameTime, '2026-11-06T00:00:00.000Z');
    await keep(failed, '2026-11-01T01:00:00.000Z');
    await keep(first, '2026-11-03T01:00:00.000Z');
    expect((await siteRecordsOf(db.query, kiosk)).map((s) => [s.record.recordId, s.receivedAt])).toEqual([
      [failed.recordId, '2026-11-01T01:00:00.000Z'],
      [first.recordId, '2026-11-03T01:00:00.000Z'],
      [sameTime.recordId, '2026-11-06T00:00:00.000Z'],
      [late.recordId, '2026-11-05T01:00:00.000Z'],
    ]);
    expect(await siteRecordsOf(db.query, kiosk, 'acceptance')).toEqual([]);
    expect((await siteRecordsOf(db.query, kiosk, 'commissioning')).map((s) => s.record)).toStrictEqual([failed, first, sameTime, late]);
    const firstPassed = await firstPassedSiteRecords(db.query, 'commissioning');
    expect(firstPassed.get(kiosk)?.record.completedAt).toBe('2026-11-03T00:00:00.000Z');
    expect(firstPassed.get(kiosk)?.record.passed).toBe(true);
    expect(firstPassed.has(KIOSK)).toBe(false);
    expect([...(await firstPassedSiteRecords(db.query, 'acceptance')).keys()]).toEqual([KIOSK]);
  });
});
