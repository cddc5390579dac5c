import type { CountyDb } from '../county-db';

/**
 * The site settings one kiosk receives: the county's, with its own point's published on top (the console's
 * publishing page sets these). A gateway without the console's tables sends the county's as they are.
 */
export function siteForKiosk(db: CountyDb, kioskId: string, body: unknown): unknown {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'point_site_settings'").get();
  if (!table) return body;
  const row = db.prepare('SELECT body FROM point_site_settings WHERE kiosk_id = ?').get(kioskId) as { body: string } | undefined;
  return row ? { ...(body as object), ...(JSON.parse(row.body) as object) } : body;
}
