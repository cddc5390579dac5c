import type { Kysely } from 'kysely';
import { columnKit, type CountyEngine } from './columns';

/** Commissioning and acceptance records sent by the kiosks (siteRecord items), kept once per item id. */
export async function up(db: Kysely<unknown>, engine: CountyEngine): Promise<void> {
  const { int } = columnKit(engine);
  await db.schema
    .createTable('site_records')
    .ifNotExists()
    .addColumn('item_id', 'text', (c) => c.primaryKey())
    .addColumn('kiosk_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('passed', int, (c) => c.notNull())
    .addColumn('completed_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
}
