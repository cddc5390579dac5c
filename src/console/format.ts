/** Times on console pages: absolute in the page's language, or "5 minutes ago" relative to the gateway's clock. */
export function formatTime(iso: string | null, language: string): string | null {
  return iso ? new Date(iso).toLocaleString(language, { hour12: false }) : null;
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
