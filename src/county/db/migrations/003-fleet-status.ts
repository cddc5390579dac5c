import type { Kysely } from 'kysely';
import { columnKit, tableKeyedBy, type CountyEngine } from './columns';

/** Each point's last heartbeat in plain columns, so the console's fleet table sorts, filters and pages in SQL. */
export async function up(db: Kysely<unknown>, engine: CountyEngine): Promise<void> {
  const { required, optional } = columnKit(engine);
  await tableKeyedBy(db.schema, 'fleet_status', 'kiosk_id')
    .$call(required.text('heartbeat_at', 'devices'))
    .$call(required.int('devices_in_trouble'))
    .$call(optional.int('queue_depth', 'rejected'))
    .$call(optional.text('oldest_pending_at', 'app_version'))
    .$call(optional.int('config_version', 'catalog_version', 'clock_offset_seconds'))
    .execute();
}
