import { AnnouncementListSchema, RemoteSiteSettingsSchema, type RemoteSiteSettings } from '../../shared/sync/protocol';
import type { Publication, SiteSettingsInput } from '../../shared/console/api';
import { publishConfigPart } from '../county-state';
import type { CountyQuery } from '../db/connection';
import { inTransaction } from '../db/transaction';
import { takeIncoming } from '../db/upsert';

/**
 * Versioned publishing from the console. Every publication of a subject (the announcements, or one point's site
 * settings) is kept with who and when; rolling back publishes an earlier body again as a new version, in one action,
 * so the kiosks' version numbers only ever go up. The gateway's own config part is what kiosks pull.
 */
export type Subject = 'announcements' | 'catalog' | `site:${string}`;

interface Row {
  seq: number;
  subject: string;
  body: string;
  config_version: number;
  actor_name: string | null;
  at: number;
  rollback_of: number | null;
}

export async function record(q: CountyQuery, subject: Subject, body: unknown, configVersion: number, actor: { id: string | null; name: string | null }, at: number, rollbackOf: number | null): Promise<void> {
  await q
    .insertInto('publications')
    .values({ subject, body: JSON.stringify(body), config_version: configVersion, actor_id: actor.id, actor_name: actor.name, at, rollback_of: rollbackOf })
    .execute();
}

/**
 * The first time a subject is looked at, what the county had published before the console becomes version one. The
 * catalogue has no version one until the county publishes one (the kiosks' shipped catalogue is not the county's).
 */
export async function ensureBaseline(q: CountyQuery, subject: Subject, now: number): Promise<void> {
  if (await q.selectFrom('publications').select('seq').where('subject', '=', subject).limit(1).executeTakeFirst()) return;
  if (subject === 'announcements' || subject === 'catalog') {
    const row = await q.selectFrom('config_parts').select(['version', 'body']).where('part', '=', subject).executeTakeFirst();
    if (!row && subject === 'catalog') return;
    await record(q, subject, row ? JSON.parse(row.body) : [], row?.version ?? 0, { id: null, name: null }, now, null);
  } else {
    await record(q, subject, {}, 0, { id: null, name: null }, now, null);
  }
}

export async function history(q: CountyQuery, subject: Subject, now: number): Promise<Publication[]> {
  await inTransaction(q, (trx) => ensureBaseline(trx, subject, now));
  const rows: Row[] = await q.selectFrom('publications').selectAll().where('subject', '=', subject).orderBy('seq', 'desc').limit(50).execute();
  return rows.map((r, i) => ({
    seq: r.seq,
    at: new Date(r.at).toISOString(),
    by: r.actor_name,
    configVersion: r.config_version,
    rollbackOf: r.rollback_of,
    current: i === 0,
    body: JSON.parse(r.body) as unknown,
  }));
}

export async function publishAnnouncements(q: CountyQuery, list: unknown, actor: { id: string; name: string }, now: number, rollbackOf: number | null = null): Promise<number> {
  const parsed = AnnouncementListSchema.parse(list);
  return inTransaction(q, async (trx) => {
    await ensureBaseline(trx, 'announcements', now);
    const version = await publishConfigPart(trx, 'announcements', parsed);
    await record(trx, 'announcements', parsed, version, actor, now, rollbackOf);
    return version;
  });
}

/** The county-wide site settings every kiosk gets unless its point has its own. */
export async function countySite(q: CountyQuery): Promise<RemoteSiteSettings> {
  const row = await q.selectFrom('config_parts').select('body').where('part', '=', 'site').executeTakeFirst();
  return row ? RemoteSiteSettingsSchema.parse(JSON.parse(row.body)) : {};
}

export async function pointSite(q: CountyQuery, kioskId: string): Promise<SiteSettingsInput> {
  const row = await q.selectFrom('point_site_settings').select('body').where('kiosk_id', '=', kioskId).executeTakeFirst();
  return row ? (JSON.parse(row.body) as SiteSettingsInput) : {};
}

export const effectiveSite = async (q: CountyQuery, kioskId: string): Promise<RemoteSiteSettings> => ({ ...(await countySite(q)), ...(await pointSite(q, kioskId)) });

/**
 * One point's own settings. The county-wide 'site' part is republished unchanged so its version rises and every
 * kiosk pulls 'site' again; each gets its own point's settings on top (siteForKiosk).
 */
export async function publishPointSite(q: CountyQuery, kioskId: string, settings: SiteSettingsInput, actor: { id: string; name: string }, now: number, rollbackOf: number | null = null): Promise<number> {
  return inTransaction(q, async (trx) => {
    const subject: Subject = `site:${kioskId}`;
    await ensureBaseline(trx, subject, now);
    await trx
      .insertInto('point_site_settings')
      .values({ kiosk_id: kioskId, body: JSON.stringify(settings) })
      .onConflict((c) => c.column('kiosk_id').doUpdateSet(takeIncoming('point_site_settings', 'body')))
      .execute();
    const version = await publishConfigPart(trx, 'site', await countySite(trx));
    await record(trx, subject, settings, version, actor, now, rollbackOf);
    return version;
  });
}

/** The body of an earlier publication of a subject, to publish again; null when there is no such version. */
export async function earlierBody(q: CountyQuery, subject: Subject, seq: number): Promise<unknown> {
  const row = await q.selectFrom('publications').select('body').where('subject', '=', subject).where('seq', '=', seq).executeTakeFirst();
  return row ? (JSON.parse(row.body) as unknown) : null;
}
