import type { Kysely } from 'kysely';
import { columnKit, tableKeyedBy, type CountyEngine } from './columns';

/**
 * 全程代办 cases carried up from the points (src/shared/cases): the case with its current state, and every step
 * (made at the point and sent up, or made here by township and county staff). A step's id is unique, so a step sent
 * twice is held once; `seq` numbers the outcomes that carry the case's upstream steps down to its kiosk.
 */
export async function up(db: Kysely<unknown>, engine: CountyEngine): Promise<void> {
  const kit = columnKit(engine);
  await tableKeyedBy(db.schema, 'point_cases', 'case_id')
    .$call(kit.required.text('kiosk_id', 'case_number', 'item_code', 'channel', 'operator_id', 'resident_masked', 'resident'))
    .$call(kit.required.text('consent', 'materials'))
    .$call(kit.required.int('promised_days'))
    .$call(kit.required.text('due_at', 'opened_at', 'received_at', 'state'))
    .$call(kit.optional.text('holder_id'))
    .$call(kit.required.int('seq'))
    .$call(kit.required.text('updated_at'))
    .execute();
  await db.schema.createIndex('point_cases_by_state').ifNotExists().on('point_cases').columns(['state', 'due_at']).execute();
  await kit
    .serial(db.schema.createTable('point_case_steps').ifNotExists(), 'arrival')
    .addColumn('step_id', 'text', (c) => c.notNull().unique())
    .$call(kit.required.text('case_id', 'kind', 'at', 'state', 'body'))
    .execute();
  await db.schema.createIndex('point_case_steps_by_case').ifNotExists().on('point_case_steps').columns(['case_id', 'arrival']).execute();
}
