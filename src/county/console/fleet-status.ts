import { HeartbeatSchema } from '../../shared/sync/protocol';
import type { CountyDb } from '../county-db';

/** Device states a kiosk reports that need nobody's attention. */
const FINE_STATES = new Set(['online', 'busy', 'notConfigured']);

/**
 * Each point's last heartbeat in plain columns, so the fleet table sorts, filters, counts and pages in SQL instead
 * of reading every kiosk's JSON for every page. Refreshed on read: only heartbeats that changed since the last
 * refresh are parsed again (a kiosk heartbeats every minute or so; the page asks every 10 s). The table is made by the
 * county's migration 003 (src/county/db/migrations).
 */
export function refreshFleetStatus(db: CountyDb): void {
  const changed = db
    .prepare('SELECT h.kiosk_id, h.at, h.body FROM heartbeats h LEFT JOIN fleet_status s ON s.kiosk_id = h.kiosk_id WHERE s.heartbeat_at IS NULL OR s.heartbeat_at <> h.at')
    .all() as Array<{ kiosk_id: string; at: string; body: string }>;
  if (changed.length === 0) return;
  const upsert = db.prepare(
    `INSERT INTO fleet_status (kiosk_id, heartbeat_at, devices, devices_in_trouble, queue_depth, rejected, oldest_pending_at, app_version, config_version, catalog_version, clock_offset_seconds)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (kiosk_id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at, devices = excluded.devices, devices_in_trouble = excluded.devices_in_trouble,
       queue_depth = excluded.queue_depth, rejected = excluded.rejected, oldest_pending_at = excluded.oldest_pending_at, app_version = excluded.app_version,
       config_version = excluded.config_version, catalog_version = excluded.catalog_version, clock_offset_seconds = excluded.clock_offset_seconds`,
  );
  db.transaction(() => {
    for (const row of changed) {
      let body: unknown = null;
      try {
        body = JSON.parse(row.body);
      } catch {
        // kept as "heard from, nothing readable": the time still counts, the figures stay empty
      }
      const parsed = HeartbeatSchema.safeParse(body);
      const hb = parsed.success ? parsed.data : null;
      upsert.run(
        row.kiosk_id,
        row.at,
        JSON.stringify(hb?.devices ?? []),
        hb ? hb.devices.filter((d) => !FINE_STATES.has(d.state)).length : 0,
        hb?.queueDepth ?? null,
        hb?.rejected ?? null,
        hb?.oldestPendingAt ?? null,
        hb?.appVersion ?? null,
        hb?.configVersion ?? null,
        hb?.catalogVersion ?? null,
        hb ? Math.round((Date.parse(hb.at) - Date.parse(row.at)) / 1000) : null,
      );
    }
  })();
}
