import { endOfPointDay, pointClockTime, pointDateTime, pointDay, startOfPointDay } from './point-day';

describe("the point's local day (China time)", () => {
  it('turns at local midnight, 16:00 UTC, not at UTC midnight', () => {
    expect(pointDay(new Date('2026-11-30T15:59:59.999Z'))).toBe('2026-11-30');
    expect(pointDay(new Date('2026-11-30T16:00:00.000Z'))).toBe('2026-12-01');
    expect(pointDay(new Date('2026-12-31T23:30:00.000Z'))).toBe('2027-01-01');
  });
  it('starts and ends at local midnight, over month and year ends', () => {
    expect(startOfPointDay(new Date('2026-12-01T01:00:00Z'))).toBe('2026-11-30T16:00:00.000Z');
    expect(startOfPointDay(new Date('2026-12-01T17:00:00Z'))).toBe('2026-12-01T16:00:00.000Z');
    expect(endOfPointDay(new Date('2026-11-30T17:00:00Z'), 0)).toBe('2026-12-01T15:59:59.999Z');
    expect(endOfPointDay(new Date('2026-12-30T02:00:00Z'), 3)).toBe('2027-01-02T15:59:59.999Z');
  });
  it("shows an instant on the point's clock whatever the host's time zone, and an unreadable value as it came", () => {
    expect(pointDateTime('2026-11-30T23:58:40.123Z')).toBe('2026-12-01 07:58');
    expect(pointDateTime('2026-12-31T16:00:00Z')).toBe('2027-01-01 00:00');
    expect(pointClockTime('2026-11-30T23:58:40Z')).toBe('07:58');
    expect(pointDateTime('not a time')).toBe('not a time');
    expect(pointClockTime('')).toBe('');
  });
});
