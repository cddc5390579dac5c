import type { Kysely } from 'kysely';
import { columnKit, tableKeyedBy, type CountyEngine } from './columns';

/** Commissioning and acceptance records sent by the kiosks (siteRecord items), kept once per item id. */
export async function up(db: Kysely<unknown>, engine: CountyEngine): Promise<void> {
  const { required } = columnKit(engine);
  await tableKeyedBy(db.schema, 'site_records', 'item_id')
    .$call(required.text('kiosk_id', 'kind', 'record_id'))
    .$call(required.int('passed'))
    .$call(required.text('completed_at', 'received_at', 'body'))
    .execute();
}
