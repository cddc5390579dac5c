import { POINT_UTC_OFFSET_MS } from '../shared/domain/point-day';
import { SAMPLE_RESIDENTS } from '../shared/samples/residents';
import type { VillageDutyEntry } from '../shared/sync/village-list';

/**
 * The demo point's village list (a real county's feed comes from its social-security system): the two elderly
 * residents due for certification by the month's end, the expired card, the blocked PIN, one unpaid contribution.
 */
export function demoVillageDuties(now: Date): VillageDutyEntry[] {
  const r = (i: number) => SAMPLE_RESIDENTS[i]!;
  // The point's own calendar (China time), not UTC: late evening UTC is already the next day there.
  const local = new Date(now.getTime() + POINT_UTC_OFFSET_MS);
  const monthEnd = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
  const yearEnd = `${local.getUTCFullYear()}-12-31`;
  return [
    { kind: 'certificationDue', idNumber: r(1).idNumber, name: r(1).name, date: monthEnd },
    { kind: 'certificationDue', idNumber: r(5).idNumber, name: r(5).name, date: monthEnd },
    { kind: 'cardExpiring', idNumber: r(1).idNumber, name: r(1).name, date: r(1).socialSecurityCard.expiryDate },
    { kind: 'pinLocked', idNumber: r(4).idNumber, name: r(4).name, date: local.toISOString().slice(0, 10) },
    { kind: 'contributionUnpaid', idNumber: r(0).idNumber, name: r(0).name, date: yearEnd },
  ];
}
