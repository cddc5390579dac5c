import type { Kysely } from 'kysely';
import type { CountyEngine } from './columns';

/** The clerk's village list: what is due per village point (certification, cards, PINs, contributions). */
export async function up(db: Kysely<unknown>, _engine: CountyEngine): Promise<void> {
  await db.schema
    .createTable('village_duties')
    .addColumn('division_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('village_duties_key', ['division_code', 'kind', 'id_number'])
    .execute();
}
