import { HeartbeatSchema } from '../../shared/sync/protocol';
import type { CountyQuery } from '../db/connection';
import { inTransaction } from '../db/transaction';

/** Device states a kiosk reports that need nobody's attention. */
const FINE_STATES = new Set(['online', 'busy', 'notConfigured']);

/**
 * Each point's last heartbeat in plain columns, so the fleet table sorts, filters, counts and pages in SQL instead
 * of reading every kiosk's JSON for every page. Refreshed on read: only heartbeats that changed since the last
 * refresh are parsed again (a kiosk heartbeats every minute or so; the page asks every 10 s). The table is made by the
 * county's migration 003 (src/county/db/migrations).
 */
export async function refreshFleetStatus(q: CountyQuery): Promise<void> {
  const changed = await q
    .selectFrom('heartbeats as h')
    .leftJoin('fleet_status as s', 's.kiosk_id', 'h.kiosk_id')
    .select(['h.kiosk_id', 'h.at', 'h.body'])
    .where((e) => e.or([e('s.heartbeat_at', 'is', null), e('s.heartbeat_at', '<>', e.ref('h.at'))]))
    .execute();
  if (changed.length === 0) return;
  await inTransaction(q, async (trx) => {
    for (const row of changed) {
      let body: unknown = null;
      try {
        body = JSON.parse(row.body);
      } catch {
        // kept as "heard from, nothing readable": the time still counts, the figures stay empty
      }
      const parsed = HeartbeatSchema.safeParse(body);
      const hb = parsed.success ? parsed.data : null;
      const status = {
        kiosk_id: row.kiosk_id,
        heartbeat_at: row.at,
        devices: JSON.stringify(hb?.devices ?? []),
        devices_in_trouble: hb ? hb.devices.filter((d) => !FINE_STATES.has(d.state)).length : 0,
        queue_depth: hb?.queueDepth ?? null,
        rejected: hb?.rejected ?? null,
        oldest_pending_at: hb?.oldestPendingAt ?? null,
        app_version: hb?.appVersion ?? null,
        config_version: hb?.configVersion ?? null,
        catalog_version: hb?.catalogVersion ?? null,
        clock_offset_seconds: hb ? Math.round((Date.parse(hb.at) - Date.parse(row.at)) / 1000) : null,
      };
      const { kiosk_id: _key, ...columns } = status;
      await trx.insertInto('fleet_status').values(status).onConflict((c) => c.column('kiosk_id').doUpdateSet(columns)).execute();
    }
  });
}
