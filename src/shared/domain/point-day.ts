/**
 * The point keeps China time (UTC+8, no daylight saving): "today", a tracking number's day and promised days all end
 * at the point's local midnight, not at UTC's (which falls at 08:00 there). Defined once for the kiosk's services.
 */
export const POINT_UTC_OFFSET_MS = 8 * 3600_000;

/** YYYY-MM-DD of the point's local day at `now`. */
export function pointDay(now: Date): string {
  return new Date(now.getTime() + POINT_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant the point's local day of `now` began, as an ISO string. */
export function startOfPointDay(now: Date): string {
  return new Date(Date.parse(`${pointDay(now)}T00:00:00Z`) - POINT_UTC_OFFSET_MS).toISOString();
}

/** The last millisecond of the point's local day `days` days after the day of `now` (0: the end of today). */
export function endOfPointDay(now: Date, days: number): string {
  return new Date(Date.parse(`${pointDay(now)}T00:00:00Z`) + (days + 1) * 86_400_000 - 1 - POINT_UTC_OFFSET_MS).toISOString();
}

/**
 * "YYYY-MM-DD HH:MM" of an instant on the point's clock: how screens, slips and registers show a time, in either
 * language and whatever time zone the host was set to. An unreadable value is shown as it came.
 */
export function pointDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + POINT_UTC_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** "HH:MM" of an instant on the point's clock. */
export function pointClockTime(iso: string): string {
  return Number.isNaN(Date.parse(iso)) ? iso : pointDateTime(iso).slice(11);
}
