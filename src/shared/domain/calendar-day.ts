import { z } from 'zod';

/** A real calendar day written YYYY-MM-DD: 2028-02-29 is one, 2027-02-29 and 2027-02-30 are not. */
export function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar day at a boundary (a form field, the console's API). */
export const CalendarDaySchema = z.string().refine(isCalendarDay, { message: 'not a calendar day (YYYY-MM-DD)' });
