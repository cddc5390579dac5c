import { describe, expect, it } from '@jest/globals';
import { CalendarDaySchema, isCalendarDay } from './calendar-day';

describe('a calendar day', () => {
  it('is a real day written YYYY-MM-DD, nothing else', () => {
    for (const good of ['2027-01-10', '2028-02-29', '2026-12-31']) expect(isCalendarDay(good)).toBe(true);
    for (const bad of ['2027-02-29', '2027-02-30', '2027-13-01', '2027-00-10', '2027-1-10', '01/10/2027', '2027-01-10x', 'x2027-01-10', '12027-01-10', '']) expect(isCalendarDay(bad)).toBe(false);
  });

  it('is checked the same at a boundary', () => {
    expect(CalendarDaySchema.safeParse('2028-02-29').success).toBe(true);
    expect(CalendarDaySchema.safeParse('2027-02-30').success).toBe(false);
  });
});
