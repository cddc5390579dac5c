import { randomUUID } from 'node:crypto';
import { intakeBatch } from '../../src/county/county-state';
import { firstPassedSiteRecords, siteRecordsOf } from '../../src/county/site-records';
import type { CountyServer } from '../../src/county/server';
import { AcceptanceRecordSchema, CommissioningRecordSchema, criteriaOf, type AcceptanceRecord, type CommissioningRecord } from '../../src/shared/commissioning/site-record';
import { BatchItemSchema, type BatchItem } from '../../src/shared/sync/protocol';
import { startConsoleCounty } from '../support/console-fixtures';

/**
 * Commissioning and acceptance records at the county: one schema on both sides (the kiosk makes them, the console's
 * programme reads them), kept once per outbox id, and an acceptance only from a township or county account whose
 * scope covers the point.
 */
const KIOSK = 'demo-kiosk-2'; // 土沃乡东庄村 (township 140105001)
const DIVISION = '140105001201';
const AT = '2026-11-02T03:00:00.000Z';

function commissioning(over: Partial<CommissioningRecord> = {}): CommissioningRecord {
  const steps: CommissioningRecord['steps'] = [
    { id: 'device:printer', deviceKind: 'receiptPrinter', how: 'automatic', passed: true, detail: 'test page printed', checkedAt: AT, checkedBy: { id: 'tech-zhao', name: '赵师傅' } },
    { id: 'countyReachable', how: 'automatic', passed: true, checkedAt: AT, checkedBy: { id: 'tech-zhao', name: '赵师傅' } },
    { id: 'publicity', how: 'manual', passed: true, checkedAt: AT, checkedBy: { id: 'tech-zhao', name: '赵师傅' } },
  ];
  return {
    kind: 'commissioning',
    recordId: randomUUID(),
    kioskId: KIOSK,
    divisionCode: DIVISION,
    siteName: { 'zh-CN': '东庄村服务点', en: 'Dongzhuang Village Point' },
    appVersion: '1.0.0',
    startedAt: AT,
    completedAt: AT,
    technician: { id: 'tech-zhao', name: '赵师傅' },
    steps,
    passed: true,
    ...over,
  };
}

function acceptance(signer: AcceptanceRecord['signedBy'], over: Partial<AcceptanceRecord> = {}): AcceptanceRecord {
  return {
    kind: 'acceptance',
    recordId: randomUUID(),
    kioskId: KIOSK,
    divisionCode: DIVISION,
    siteName: { 'zh-CN': '东庄村服务点', en: 'Dongzhuang Village Point' },
    appVersion: '1.0.0',
    completedAt: AT,
    standard: 'basic',
    criteria: criteriaOf('basic').map((id) => ({ id, met: true })),
    signedBy: signer,
    commissioningRecordId: randomUUID(),
    passed: true,
    ...over,
  };
}

const item = (payload: CommissioningRecord | AcceptanceRecord, id = randomUUID()): BatchItem =>
  BatchItemSchema.parse({ id, kind: 'siteRecord', createdAt: AT, residentRef: null, payload, attachments: [] });

describe('site records (commissioning, acceptance) at the county', () => {
  let county: CountyServer;
  beforeAll(async () => {
    county = await startConsoleCounty({ now: () => new Date(AT) });
  });
  afterAll(async () => {
    await county?.close();
  });

  it('refuses a record whose verdict disagrees with its steps or whose criteria are not the standard', () => {
    const failing = commissioning();
    failing.steps[1] = { ...failing.steps[1]!, passed: false };
    expect(CommissioningRecordSchema.safeParse(failing).success).toBe(false);
    expect(CommissioningRecordSchema.safeParse({ ...failing, passed: false }).success).toBe(true);
    const signer = { id: 'township-tuwo', name: '王建国', role: 'township' as const };
    expect(AcceptanceRecordSchema.safeParse(acceptance(signer, { standard: 'demonstration' })).success).toBe(false);
    expect(AcceptanceRecordSchema.safeParse(acceptance(signer, { criteria: criteriaOf('basic').slice(1).map((id) => ({ id, met: true })) })).success).toBe(false);
  });

  it('keeps a commissioning record once, field by field, and the first passing one per point', async () => {
    const record = commissioning();
    const batchItem = item(record);
    const now = new Date(AT);
    expect(await intakeBatch(county.query, KIOSK, [batchItem], now)).toEqual([{ id: batchItem.id, status: 'accepted' }]);
    expect(await intakeBatch(county.query, KIOSK, [batchItem], now)).toEqual([{ id: batchItem.id, status: 'duplicate' }]);
    expect((await intakeBatch(county.query, 'demo-kiosk-3', [batchItem], now))[0]).toMatchObject({ status: 'rejected', reason: 'idTakenByAnotherKiosk' });
    const stored = await siteRecordsOf(county.query, KIOSK, 'commissioning');
    expect(stored).toHaveLength(1);
    expect(stored[0]!.record).toEqual(record);
    expect((await firstPassedSiteRecords(county.query, 'commissioning')).get(KIOSK)?.record.recordId).toBe(record.recordId);
  });

  it('refuses a record a kiosk sends for another kiosk', async () => {
    const result = await intakeBatch(county.query, 'demo-kiosk-3', [item(commissioning())], new Date(AT));
    expect(result[0]).toMatchObject({ status: 'rejected', reason: 'recordOfAnotherKiosk' });
  });

  it('keeps an acceptance signed by the township of the point or the county, refuses any other signer', async () => {
    const now = new Date(AT);
    const own = item(acceptance({ id: 'township-tuwo', name: '王建国', role: 'township' }));
    const county1 = item(acceptance({ id: 'county-admin', name: '管理员', role: 'countyAdmin' }));
    const otherTownship = item(acceptance({ id: 'township-beige', name: '刘芳', role: 'township' }));
    const unknown = item(acceptance({ id: 'nobody', name: '某人', role: 'countyAdmin' }));
    const results = await intakeBatch(county.query, KIOSK, [own, county1, otherTownship, unknown], now);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'rejected', 'rejected']);
    expect(results[2]!.reason).toBe('signerNotEntitled');
    expect((await siteRecordsOf(county.query, KIOSK, 'acceptance')).map((s) => (s.record.kind === 'acceptance' ? s.record.signedBy.id : null))).toEqual(['township-tuwo', 'county-admin']);
  });
});
