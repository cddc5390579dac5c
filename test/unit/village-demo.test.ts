import { demoVillageDuties } from '../../src/county/village-demo';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';

/**
 * The demo point's village list (village-demo.ts): who is on it and the dates, by the point's own calendar (UTC+8),
 * so the list made late in the evening UTC is already the next day's, month's or year's there.
 */
const r = (i: number) => SAMPLE_RESIDENTS[i]!;
const list = (monthEnd: string, yearEnd: string, today: string) => [
  { kind: 'certificationDue', idNumber: r(1).idNumber, name: r(1).name, date: monthEnd },
  { kind: 'certificationDue', idNumber: r(5).idNumber, name: r(5).name, date: monthEnd },
  { kind: 'cardExpiring', idNumber: r(1).idNumber, name: r(1).name, date: r(1).socialSecurityCard.expiryDate },
  { kind: 'pinLocked', idNumber: r(4).idNumber, name: r(4).name, date: today },
  { kind: 'contributionUnpaid', idNumber: r(0).idNumber, name: r(0).name, date: yearEnd },
];

describe("the demo point's village list", () => {
  it("dates each entry by the point's calendar: the last millisecond of a day there, and the next day's first", () => {
    expect(demoVillageDuties(new Date('2026-11-30T15:59:59.999Z'))).toEqual(list('2026-11-30', '2026-12-31', '2026-11-30'));
    expect(demoVillageDuties(new Date('2026-11-30T16:00:00.000Z'))).toEqual(list('2026-12-31', '2026-12-31', '2026-12-01'));
  });

  it("turns the year at the point's midnight, and ends February on its last day", () => {
    expect(demoVillageDuties(new Date('2026-12-31T16:00:00.000Z'))).toEqual(list('2027-01-31', '2027-12-31', '2027-01-01'));
    expect(demoVillageDuties(new Date('2028-02-10T00:00:00.000Z'))).toEqual(list('2028-02-29', '2028-12-31', '2028-02-10'));
    expect(demoVillageDuties(new Date('2027-02-10T00:00:00.000Z'))[0]!.date).toBe('2027-02-28');
  });
});
