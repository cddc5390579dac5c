import { randomUUID } from 'node:crypto';
import { DEMO_POINTS } from '../../src/county/console/console-demo-seed';
import { DEMO_KIOSK_ID, DEMO_KIOSK_SECRET } from '../../src/county/demo-seed';
import { reportSigner } from '../../src/main/report/report-signature';
import { reportSigningText, type MonthlyReportPayload } from '../../src/shared/report/monthly-report';
import { BatchItemSchema, type BatchItem } from '../../src/shared/sync/protocol';

/** A demo point's signed monthly report as its kiosk would send it: `items` item code -> self-service count. */
export function signedReportItem(kioskId: string, month: string, version: number, submittedAt: string, items: Record<string, number>, notes = ''): BatchItem {
  const point = DEMO_POINTS.find((p) => p.kioskId === kioskId)!;
  const secret = kioskId === DEMO_KIOSK_ID ? DEMO_KIOSK_SECRET : point.secret;
  const zero = { self: 0, assisted: 0, window: 0, homeVisit: 0, proxy: 0 };
  const unsigned: Omit<MonthlyReportPayload, 'signature'> = {
    kioskId,
    divisionCode: point.divisionCode,
    siteName: point.name,
    month,
    version,
    madeAt: submittedAt,
    submittedAt,
    submittedBy: { id: 'clerk-li', name: '李秀英' },
    notes,
    figures: {
      month,
      items: Object.entries(items).map(([itemCode, self]) => ({ itemCode, byChannel: { ...zero, self, window: 1 } })),
      queries: { ...zero, self: 4 },
      prints: { receipt: 2, certificate: 1, notification: 0, queryResult: 3 },
      inquiries: { opened: 1, closed: 1 },
      cases: { opened: 1, done: 0, overdue: 0 },
      helpCalls: 2,
      faults: { opened: 1, closed: 1 },
      officeMinutes: 9600,
      devices: [{ deviceId: 'receipt-printer', kind: 'receiptPrinter', usableMinutes: 9120 }],
      distinctResidents: 7,
    },
  };
  const payload = { ...unsigned, signature: reportSigner(secret)(reportSigningText(unsigned)) };
  return BatchItemSchema.parse({ id: randomUUID(), kind: 'monthlyReport', createdAt: submittedAt, residentRef: null, payload, attachments: [] });
}
