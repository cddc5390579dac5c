import { AnnouncementListSchema, RemoteSiteSettingsSchema, type RemoteSiteSettings } from '../../shared/sync/protocol';
import type { Publication, SiteSettingsInput } from '../../shared/console/api';
import { publishConfigPart } from '../county-state';
import type { CountyDb } from '../county-db';

/**
 * Versioned publishing from the console. Every publication of a subject (the announcements, or one point's site
 * settings) is kept with who and when; rolling back publishes an earlier body again as a new version, in one action,
 * so the kiosks' version numbers only ever go up. The gateway's own config part is what kiosks pull.
 */
type Subject = 'announcements' | `site:${string}`;

interface Row {
  seq: number;
  subject: string;
  body: string;
  config_version: number;
  actor_name: string | null;
  at: number;
  rollback_of: number | null;
}

function record(db: CountyDb, subject: Subject, body: unknown, configVersion: number, actor: { id: string | null; name: string | null }, at: number, rollbackOf: number | null): void {
  db.prepare('INSERT INTO publications (subject, body, config_version, actor_id, actor_name, at, rollback_of) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    subject,
    JSON.stringify(body),
    configVersion,
    actor.id,
    actor.name,
    at,
    rollbackOf,
  );
}

/** The first time a subject is looked at, what the county had published before the console becomes version one. */
function ensureBaseline(db: CountyDb, subject: Subject, now: number): void {
  if (db.prepare('SELECT 1 FROM publications WHERE subject = ?').get(subject)) return;
  if (subject === 'announcements') {
    const row = db.prepare("SELECT version, body FROM config_parts WHERE part = 'announcements'").get() as { version: number; body: string } | undefined;
    record(db, subject, row ? JSON.parse(row.body) : [], row?.version ?? 0, { id: null, name: null }, now, null);
  } else {
    record(db, subject, {}, 0, { id: null, name: null }, now, null);
  }
}

export function history(db: CountyDb, subject: Subject, now: number): Publication[] {
  ensureBaseline(db, subject, now);
  const rows = db.prepare('SELECT * FROM publications WHERE subject = ? ORDER BY seq DESC LIMIT 50').all(subject) as Row[];
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

export function publishAnnouncements(db: CountyDb, list: unknown, actor: { id: string; name: string }, now: number, rollbackOf: number | null = null): number {
  const parsed = AnnouncementListSchema.parse(list);
  return db.transaction(() => {
    ensureBaseline(db, 'announcements', now);
    const version = publishConfigPart(db, 'announcements', parsed);
    record(db, 'announcements', parsed, version, actor, now, rollbackOf);
    return version;
  }).immediate();
}

/** The county-wide site settings every kiosk gets unless its point has its own. */
function countySite(db: CountyDb): RemoteSiteSettings {
  const row = db.prepare("SELECT body FROM config_parts WHERE part = 'site'").get() as { body: string } | undefined;
  return row ? RemoteSiteSettingsSchema.parse(JSON.parse(row.body)) : {};
}

export function pointSite(db: CountyDb, kioskId: string): SiteSettingsInput {
  const row = db.prepare('SELECT body FROM point_site_settings WHERE kiosk_id = ?').get(kioskId) as { body: string } | undefined;
  return row ? (JSON.parse(row.body) as SiteSettingsInput) : {};
}

export const effectiveSite = (db: CountyDb, kioskId: string): RemoteSiteSettings => ({ ...countySite(db), ...pointSite(db, kioskId) });

/**
 * One point's own settings. The county-wide 'site' part is republished unchanged so its version rises and every
 * kiosk pulls 'site' again; each gets its own point's settings on top (siteForKiosk).
 */
export function publishPointSite(db: CountyDb, kioskId: string, settings: SiteSettingsInput, actor: { id: string; name: string }, now: number, rollbackOf: number | null = null): number {
  return db.transaction(() => {
    const subject: Subject = `site:${kioskId}`;
    ensureBaseline(db, subject, now);
    db.prepare('INSERT INTO point_site_settings (kiosk_id, body) VALUES (?, ?) ON CONFLICT (kiosk_id) DO UPDATE SET body = excluded.body').run(kioskId, JSON.stringify(settings));
    const version = publishConfigPart(db, 'site', countySite(db));
    record(db, subject, settings, version, actor, now, rollbackOf);
    return version;
  }).immediate();
}

/** The body of an earlier publication of a subject, to publish again; null when there is no such version. */
export function earlierBody(db: CountyDb, subject: Subject, seq: number): unknown {
  const row = db.prepare('SELECT body FROM publications WHERE subject = ? AND seq = ?').get(subject, seq) as { body: string } | undefined;
  return row ? (JSON.parse(row.body) as unknown) : null;
}
