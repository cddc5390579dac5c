import { HeartbeatSchema, type Heartbeat } from '../../shared/sync/protocol';
import type { Fleet, FleetRow, Scope } from '../../shared/console/api';
import type { CountyDb } from '../county-db';
import { toPoint } from './points';
import { pointCondition } from './scope';

/** Device states a kiosk reports that need nobody's attention. */
const FINE_STATES = new Set(['online', 'busy', 'notConfigured']);

/**
 * The fleet in one query over the points in scope: each point's last heartbeat, and when its items last arrived.
 * A point is silent when its last heartbeat is older than `silentAfterSeconds`, or it never sent one.
 */
export function fleet(db: CountyDb, scope: Scope, now: Date, silentAfterSeconds: number): Fleet {
  const where = pointCondition(scope);
  const rows = db
    .prepare(
      `SELECT p.*, h.at AS heartbeat_at, h.body AS heartbeat,
              (SELECT MAX(d.at) FROM deliveries d WHERE d.kiosk_id = p.kiosk_id) AS items_at
       FROM points p LEFT JOIN heartbeats h ON h.kiosk_id = p.kiosk_id
       WHERE ${where.sql} ORDER BY p.division_code`,
    )
    .all(...where.params) as Array<Parameters<typeof toPoint>[0] & { heartbeat_at: string | null; heartbeat: string | null; items_at: string | null }>;
  return {
    now: now.toISOString(),
    silentAfterSeconds,
    rows: rows.map((r): FleetRow => {
      const parsed = r.heartbeat ? HeartbeatSchema.safeParse(JSON.parse(r.heartbeat)) : null;
      const hb: Heartbeat | null = parsed?.success ? parsed.data : null;
      const heardAt = r.heartbeat_at ? Date.parse(r.heartbeat_at) : null;
      return {
        point: toPoint(r),
        lastHeartbeatAt: r.heartbeat_at,
        silent: heardAt === null || now.getTime() - heardAt > silentAfterSeconds * 1000,
        devices: hb?.devices ?? [],
        devicesInTrouble: hb ? hb.devices.filter((d) => !FINE_STATES.has(d.state)).length : 0,
        queueDepth: hb?.queueDepth ?? null,
        rejected: hb?.rejected ?? null,
        oldestPendingAt: hb?.oldestPendingAt ?? null,
        lastItemsAt: r.items_at,
        appVersion: hb?.appVersion ?? null,
        configVersion: hb?.configVersion ?? null,
        catalogVersion: hb?.catalogVersion ?? null,
        clockOffsetSeconds: hb && heardAt !== null ? Math.round((Date.parse(hb.at) - heardAt) / 1000) : null,
      };
    }),
  };
}
