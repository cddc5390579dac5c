import type { Kysely } from 'kysely';
import { columnKit, type CountyEngine } from './columns';

/** The clerk's village list: what is due per village point (certification, cards, PINs, contributions). */
export async function up(db: Kysely<unknown>, engine: CountyEngine): Promise<void> {
  const { required } = columnKit(engine);
  await db.schema
    .createTable('village_duties')
    .$call(required.text('division_code', 'kind', 'id_number', 'name', 'date'))
    .addPrimaryKeyConstraint('village_duties_key', ['division_code', 'kind', 'id_number'])
    .execute();
}
