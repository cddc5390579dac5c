import type { Kysely } from 'kysely';
import { columnKit, type CountyEngine } from './columns';

/**
 * 全程代办 cases carried up from the points (src/shared/cases): the case with its current state, and every step
 * (made at the point and sent up, or made here by township and county staff). A step's id is unique, so a step sent
 * twice is held once; `seq` numbers the outcomes that carry the case's upstream steps down to its kiosk.
 */
export async function up(db: Kysely<unknown>, engine: CountyEngine): Promise<void> {
  const kit = columnKit(engine);
  await db.schema
    .createTable('point_cases')
    .ifNotExists()
    .addColumn('case_id', 'text', (c) => c.primaryKey())
    .addColumn('kiosk_id', 'text', (c) => c.notNull())
    .addColumn('case_number', 'text', (c) => c.notNull())
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('operator_id', 'text', (c) => c.notNull())
    .addColumn('resident_masked', 'text', (c) => c.notNull())
    .addColumn('resident', 'text', (c) => c.notNull())
    .addColumn('consent', 'text', (c) => c.notNull())
    .addColumn('materials', 'text', (c) => c.notNull())
    .addColumn('promised_days', kit.int, (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('holder_id', 'text')
    .addColumn('seq', kit.int, (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('point_cases_by_state').ifNotExists().on('point_cases').columns(['state', 'due_at']).execute();
  await kit
    .serial(db.schema.createTable('point_case_steps').ifNotExists(), 'arrival')
    .addColumn('step_id', 'text', (c) => c.notNull().unique())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('point_case_steps_by_case').ifNotExists().on('point_case_steps').columns(['case_id', 'arrival']).execute();
}
