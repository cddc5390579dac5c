import { sql, type Kysely } from 'kysely';
import { columnKit, type CountyEngine } from './columns';

/**
 * The lookup log gets its own arrival number: SQLite's hidden rowid ordered it before, and PostgreSQL has none, so
 * lookups in the same millisecond kept no order. The table is made again with the number, its rows copied in order.
 */
export async function up(db: Kysely<unknown>, engine: CountyEngine): Promise<void> {
  const { serial, required, optional } = columnKit(engine);
  await serial(db.schema.createTable('lookup_log_ordered'), 'seq')
    .$call(required.text('at', 'kiosk_id', 'item_code'))
    .$call(optional.text('id_number_masked', 'session_id'))
    .$call(required.text('outcome'))
    .execute();
  // Plain SQL both engines read alike (the migration's builder is untyped).
  await sql`INSERT INTO lookup_log_ordered (at, kiosk_id, item_code, id_number_masked, session_id, outcome)
    SELECT at, kiosk_id, item_code, id_number_masked, session_id, outcome FROM lookup_log ORDER BY at`.execute(db);
  await db.schema.dropTable('lookup_log').execute();
  await db.schema.alterTable('lookup_log_ordered').renameTo('lookup_log').execute();
  await db.schema.createIndex('lookup_log_by_kiosk').on('lookup_log').columns(['kiosk_id', 'seq']).execute();
}
