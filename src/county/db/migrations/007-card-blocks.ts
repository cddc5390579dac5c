import type { Kysely } from 'kysely';
import { columnKit, tableKeyedBy, type CountyEngine } from './columns';

/**
 * A social security card's temporary block (CARD-02 loss report), one row per resident's card: when it was blocked,
 * when it lifts by itself (blocked + the published cardBlockDays), and when a cancelled loss report lifted it early.
 * Whether it still holds is read against the clock at query time (card-blocks.ts), so nothing has to sweep it.
 */
export async function up(db: Kysely<unknown>, engine: CountyEngine): Promise<void> {
  const { required, optional } = columnKit(engine);
  await tableKeyedBy(db.schema, 'card_blocks', 'id_number')
    .$call(required.text('item_id', 'blocked_at', 'lifts_at'))
    .$call(optional.text('cancelled_at'))
    .execute();
}
