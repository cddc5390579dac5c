import { randomUUID } from 'node:crypto';
import { DEMO_POINTS } from '../../src/county/console/console-demo-seed';
import { criteriaOf, type AcceptanceRecord, type CommissioningRecord } from '../../src/shared/commissioning/site-record';
import { BatchItemSchema, type BatchItem } from '../../src/shared/sync/protocol';

/** A demo point's commissioning and acceptance records as its kiosk would send them (console tests). */
const pointOf = (kioskId: string) => DEMO_POINTS.find((p) => p.kioskId === kioskId)!;
const TECHNICIAN = { id: 'tech-zhao', name: '赵师傅' };

export function commissioning(kioskId: string, at: string, passed: boolean): CommissioningRecord {
  const point = pointOf(kioskId);
  return {
    kind: 'commissioning',
    recordId: randomUUID(),
    kioskId,
    divisionCode: point.divisionCode,
    siteName: point.name,
    appVersion: '1.0.0',
    startedAt: at,
    completedAt: at,
    technician: TECHNICIAN,
    steps: [
      { id: 'device:receipt-printer', deviceKind: 'receiptPrinter', how: 'automatic', passed, detail: passed ? 'test page printed' : 'paper out', checkedAt: at, checkedBy: TECHNICIAN },
      { id: 'countyReachable', how: 'automatic', passed: true, checkedAt: at, checkedBy: TECHNICIAN },
    ],
    passed,
  };
}

/** Signed by the point's township account (demo seed: 土沃乡 王建国), every basic criterion met. */
export function acceptance(kioskId: string, at: string): AcceptanceRecord {
  const point = pointOf(kioskId);
  return {
    kind: 'acceptance',
    recordId: randomUUID(),
    kioskId,
    divisionCode: point.divisionCode,
    siteName: point.name,
    appVersion: '1.0.0',
    completedAt: at,
    standard: 'basic',
    criteria: criteriaOf('basic').map((id) => ({ id, met: true })),
    signedBy: { id: 'township-tuwo', name: '土沃乡人社所 王建国', role: 'township' },
    commissioningRecordId: randomUUID(),
    passed: true,
  };
}

export const siteRecord = (payload: CommissioningRecord | AcceptanceRecord): BatchItem =>
  BatchItemSchema.parse({ id: randomUUID(), kind: 'siteRecord', createdAt: payload.completedAt, residentRef: null, payload, attachments: [] });
