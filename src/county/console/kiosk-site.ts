import type { CountyQuery } from '../db/connection';

/**
 * The site settings one kiosk receives: the county's, with its own point's published on top (the console's
 * publishing page sets these).
 */
export async function siteForKiosk(q: CountyQuery, kioskId: string, body: unknown): Promise<unknown> {
  const row = await q.selectFrom('point_site_settings').select('body').where('kiosk_id', '=', kioskId).executeTakeFirst();
  return row ? { ...(body as object), ...(JSON.parse(row.body) as object) } : body;
}
