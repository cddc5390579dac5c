import { pointDateTime } from '../shared/domain/point-day';

/**
 * Times on console pages: absolute on China's clock (the county and its points keep one time zone, whatever the
 * browser's computer is set to), or "5 minutes ago" relative to the gateway's clock.
 */
export function formatTime(iso: string | null): string | null {
  return iso ? pointDateTime(iso) : null;
}

export function formatAgo(iso: string | null, nowIso: string, language: string): string | null {
  if (!iso) return null;
  const seconds = Math.round((Date.parse(iso) - Date.parse(nowIso)) / 1000);
  const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86400), 'day');
}
