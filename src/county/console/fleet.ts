import { FLEET_SORTS, type Fleet, type FleetRow, type Scope } from '../../shared/console/api';
import type { ParsedTableQuery } from '../../shared/console/table-query';
import type { CountyQuery } from '../db/connection';
import type { CountyTables } from '../db/tables';
import { allRows, firstRow } from '../db/raw';
import { refreshFleetStatus } from './fleet-status';
import { toPoint } from './points';
import { pointCondition } from './scope';
import { and, orderBy, pointTextCondition, type SqlPart } from './table-sql';

/** When the county last received items from the point (the index deliveries_kiosk_at answers it per point). */
const ITEMS_AT = '(SELECT MAX(d.at) FROM deliveries d WHERE d.kiosk_id = p.kiosk_id)';

const SORT_EXPRESSIONS: Record<(typeof FLEET_SORTS)[number], string> = {
  point: 'p.name_zh',
  heartbeat: 's.heartbeat_at',
  devices: 's.devices_in_trouble',
  queue: 's.queue_depth',
  oldest: 's.oldest_pending_at',
  items: ITEMS_AT,
  app: 's.app_version',
  config: 's.config_version',
  catalog: 's.catalog_version',
  clock: 's.clock_offset_seconds',
};

/**
 * One page of the fleet over the points in scope: each point's last heartbeat (from `fleet_status`) and when its
 * items last arrived, sorted, filtered and paged in SQL, with counts over all of them. A point is silent when its
 * last heartbeat is older than `silentAfterSeconds`, or it never sent one; it needs attention when silent, with a
 * device in trouble, or with items the county rejected.
 */
export async function fleet(db: CountyQuery, scope: Scope, now: Date, silentAfterSeconds: number, query: ParsedTableQuery): Promise<Fleet> {
  await refreshFleetStatus(db);
  const from = 'FROM points p LEFT JOIN fleet_status s ON s.kiosk_id = p.kiosk_id';
  const cutoff = new Date(now.getTime() - silentAfterSeconds * 1000).toISOString();
  const silent: SqlPart = { sql: 's.heartbeat_at IS NULL OR s.heartbeat_at < ?', params: [cutoff] };
  const attention: SqlPart = { sql: `${silent.sql} OR s.devices_in_trouble > 0 OR s.rejected > 0`, params: silent.params };
  const inScope = pointCondition(scope);

  const counted = (await firstRow<{ total: number; silent: number; attention: number }>(
    db,
    `SELECT COUNT(*) AS total, COALESCE(SUM(CASE WHEN ${silent.sql} THEN 1 ELSE 0 END), 0) AS silent, COALESCE(SUM(CASE WHEN ${attention.sql} THEN 1 ELSE 0 END), 0) AS attention ${from} WHERE ${inScope.sql}`,
    [...silent.params, ...attention.params, ...inScope.params],
  ))!;
  const counts = { total: Number(counted.total), silent: Number(counted.silent), attention: Number(counted.attention) };

  const where = and(inScope, pointTextCondition(query.q), query.only === 'attention' ? attention : { sql: '1 = 1', params: [] });
  const matched = Number((await firstRow<{ n: number }>(db, `SELECT COUNT(*) AS n ${from} WHERE ${where.sql}`, where.params))!.n);
  const sortKey = (FLEET_SORTS as readonly string[]).includes(query.sort ?? '') ? (query.sort as (typeof FLEET_SORTS)[number]) : 'heartbeat';
  const rows = await allRows<Parameters<typeof toPoint>[0] & StatusRow & { items_at: string | null }>(
    db,
    `SELECT p.*, ${STATUS_COLUMNS}, ${ITEMS_AT} AS items_at ${from} WHERE ${where.sql} ${orderBy(SORT_EXPRESSIONS[sortKey], query)} LIMIT ? OFFSET ?`,
    [...where.params, query.limit, query.offset],
  );

  return {
    now: now.toISOString(),
    silentAfterSeconds,
    page: { total: counts.total, matched, offset: query.offset, limit: query.limit },
    silent: counts.silent,
    attention: counts.attention,
    rows: rows.map(
      (r): FleetRow => ({
        point: toPoint(r),
        lastHeartbeatAt: r.heartbeat_at,
        silent: r.heartbeat_at === null || r.heartbeat_at < cutoff,
        devices: r.devices ? (JSON.parse(r.devices) as FleetRow['devices']) : [],
        devicesInTrouble: r.devices_in_trouble ?? 0,
        queueDepth: r.queue_depth,
        rejected: r.rejected,
        oldestPendingAt: r.oldest_pending_at,
        lastItemsAt: r.items_at,
        appVersion: r.app_version,
        configVersion: r.config_version,
        catalogVersion: r.catalog_version,
        clockOffsetSeconds: r.clock_offset_seconds,
      }),
    ),
  };
}

/** The fleet_status columns a fleet row shows (the point's own columns come from p.*). */
const STATUS_NAMES = ['heartbeat_at', 'devices', 'devices_in_trouble', 'queue_depth', 'rejected', 'oldest_pending_at', 'app_version', 'config_version', 'catalog_version', 'clock_offset_seconds'] as const;
const STATUS_COLUMNS = STATUS_NAMES.map((c) => `s.${c}`).join(', ');

/** A point's status columns as the LEFT JOIN reads them: null for a point that never sent a heartbeat. */
type StatusRow = { [C in (typeof STATUS_NAMES)[number]]: CountyTables['fleet_status'][C] | null };
