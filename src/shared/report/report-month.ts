/**
 * Months and office hours as the point lives them. Every point is in China (UTC+8, no daylight saving), so a
 * month starts at 00:00 +08:00 on its 1st; times are stored as UTC ISO strings and compared as such.
 */
export const POINT_UTC_OFFSET_MINUTES = 8 * 60;
const OFFSET_MS = POINT_UTC_OFFSET_MINUTES * 60_000;

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** "2026-10" for any instant in October 2026, point time. */
export function monthOf(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 7);
}

/** The day of the month (1..31) at the point. */
export function dayOfMonth(at: Date): number {
  return new Date(at.getTime() + OFFSET_MS).getUTCDate();
}

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Start (inclusive) and end (exclusive) of a month as epoch milliseconds. */
export function monthBounds(month: string): { start: number; end: number } {
  const startOf = (mm: string) => {
    const [y, m] = mm.split('-').map(Number) as [number, number];
    return Date.UTC(y, m - 1, 1) - OFFSET_MS;
  };
  return { start: startOf(month), end: startOf(nextMonth(month)) };
}

/** The same bounds as ISO strings, for comparing with stored `...T..Z` times. */
export function monthRangeIso(month: string): { from: string; to: string } {
  const { start, end } = monthBounds(month);
  return { from: new Date(start).toISOString(), to: new Date(end).toISOString() };
}

/** The instant a month's report falls due: the 15th at 24:00, point time (late after the 15th). */
export function reportDeadline(month: string): number {
  return monthBounds(nextMonth(month)).start + 15 * 24 * 60 * 60_000;
}

export interface OfficeHours {
  /** 1 = Monday ... 7 = Sunday. */
  days: readonly number[];
  open: string;
  close: string;
}

/** Every opening interval of a month as epoch milliseconds, in order. */
export function officeIntervals(month: string, hours: readonly OfficeHours[]): Array<{ start: number; end: number }> {
  const { start, end } = monthBounds(month);
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const out: Array<{ start: number; end: number }> = [];
  for (let day = start; day < end; day += 24 * 60 * 60_000) {
    const weekday = ((new Date(day + OFFSET_MS).getUTCDay() + 6) % 7) + 1;
    for (const h of hours) {
      if (!h.days.includes(weekday)) continue;
      const [o, c] = [minutes(h.open), minutes(h.close)];
      if (c > o) out.push({ start: day + o * 60_000, end: day + c * 60_000 });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** "2026-11-03 10:15", point time, for files and screens. */
export function formatPointTime(iso: string): string {
  return new Date(Date.parse(iso) + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
