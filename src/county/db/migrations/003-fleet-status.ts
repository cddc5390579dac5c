import type { Kysely } from 'kysely';
import { columnKit, type CountyEngine } from './columns';

/** Each point's last heartbeat in plain columns, so the console's fleet table sorts, filters and pages in SQL. */
export async function up(db: Kysely<unknown>, engine: CountyEngine): Promise<void> {
  const { int } = columnKit(engine);
  await db.schema
    .createTable('fleet_status')
    .ifNotExists()
    .addColumn('kiosk_id', 'text', (c) => c.primaryKey())
    .addColumn('heartbeat_at', 'text', (c) => c.notNull())
    .addColumn('devices', 'text', (c) => c.notNull())
    .addColumn('devices_in_trouble', int, (c) => c.notNull())
    .addColumn('queue_depth', int)
    .addColumn('rejected', int)
    .addColumn('oldest_pending_at', 'text')
    .addColumn('app_version', 'text')
    .addColumn('config_version', int)
    .addColumn('catalog_version', int)
    .addColumn('clock_offset_seconds', int)
    .execute();
}
