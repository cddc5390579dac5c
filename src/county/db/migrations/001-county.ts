import { sql, type Kysely } from 'kysely';
import { columnKit, tableKeyedBy, columnsOf, type CountyEngine } from './columns';

/**
 * The gateway's and the console's tables, for both engines. `ifNotExists` keeps a county file made before the
 * migrations existed (the reference county created these tables itself) valid: its rows stay, missing columns are
 * added. The idempotency key (items.id) is a unique constraint, so two gateway processes never store an item twice.
 */
export async function up(db: Kysely<unknown>, engine: CountyEngine): Promise<void> {
  const { int, real, serial, required, optional } = columnKit(engine);
  const s = db.schema;
  await s.createTable('kiosks').ifNotExists().addColumn('id', 'text', (c) => c.primaryKey()).addColumn('secret', 'text', (c) => c.notNull()).execute();
  await serial(s.createTable('items').ifNotExists(), 'arrival')
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .$call(required.text('kiosk_id', 'kind'))
    .$call(optional.text('resident_ref'))
    .$call(required.text('created_at', 'item_code', 'tracking_number', 'payload', 'received_at'))
    .$call(optional.text('application_id', 'handed_at'))
    .execute();
  const itemColumns = await columnsOf(db, 'items');
  for (const name of ['application_id', 'handed_at']) if (!itemColumns.has(name)) await s.alterTable('items').addColumn(name, 'text').execute();
  await s.createIndex('items_waiting_hand_over').ifNotExists().on('items').column('handed_at').where(sql.ref('handed_at'), 'is', null).execute();
  await tableKeyedBy(s, 'outcomes', 'item_id')
    .$call(required.text('kiosk_id'))
    .$call(required.int('seq'))
    .$call(required.text('state', 'body'))
    .$call(required.int('cursor'))
    .execute();
  await s.createIndex('outcomes_by_kiosk').ifNotExists().on('outcomes').columns(['kiosk_id', 'cursor']).execute();
  await tableKeyedBy(s, 'back_office_cases', 'item_id')
    .$call(required.text('kiosk_id', 'tracking_number', 'item_code', 'desk', 'state'))
    .$call(required.int('round'))
    .$call(optional.text('due_at', 'clerk_id'))
    .$call(required.text('last_delivery', 'materials', 'resident_masked', 'received_at'))
    .execute();
  await s.createIndex('back_office_due').ifNotExists().on('back_office_cases').columns(['desk', 'state', 'due_at']).execute();
  await tableKeyedBy(s, 'certificates', 'code')
    .$call(required.text('item_code', 'title', 'language', 'issued_at', 'kiosk_id', 'holder_masked', 'content_sha256'))
    .execute();
  await tableKeyedBy(s, 'face_models', 'id_number')
    .$call(required.text('face_sha256', 'item_id', 'at'))
    .execute();
  await s
    .createTable('deliveries')
    .ifNotExists()
    .$call(required.text('kiosk_id', 'item_id', 'outcome', 'at'))
    .execute();
  // The fleet page asks each point when its items last arrived.
  await s.createIndex('deliveries_kiosk_at').ifNotExists().on('deliveries').columns(['kiosk_id', 'at']).execute();
  await s
    .createTable('kiosk_attachments')
    .ifNotExists()
    .$call(required.text('kiosk_id', 'sha256'))
    .$call(required.int('total', 'received'))
    .addColumn('complete', int, (c) => c.notNull().defaultTo(0))
    .addColumn('claimed', int, (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('kiosk_attachments_pk', ['kiosk_id', 'sha256'])
    .execute();
  await s
    .createTable('resident_sessions')
    .ifNotExists()
    .$call(required.text('kiosk_id', 'session_id', 'id_number', 'source', 'opened_at', 'expires_at'))
    .addPrimaryKeyConstraint('resident_sessions_pk', ['kiosk_id', 'session_id'])
    .execute();
  await s.createIndex('resident_sessions_by_resident').ifNotExists().on('resident_sessions').columns(['kiosk_id', 'id_number', 'expires_at']).execute();
  await s
    .createTable('lookup_log')
    .ifNotExists()
    .$call(required.text('at', 'kiosk_id', 'item_code'))
    .$call(optional.text('id_number_masked', 'session_id'))
    .$call(required.text('outcome'))
    .execute();
  await tableKeyedBy(s, 'config_parts', 'part')
    .$call(required.int('version'))
    .$call(required.text('body'))
    .execute();
  await s.createTable('counters').ifNotExists().addColumn('name', 'text', (c) => c.primaryKey()).addColumn('value', int, (c) => c.notNull()).execute();
  await tableKeyedBy(s, 'heartbeats', 'kiosk_id')
    .$call(required.text('at', 'body'))
    .execute();
  await tableKeyedBy(s, 'faults', 'id')
    .$call(required.text('kiosk_id', 'opened_at'))
    .$call(optional.text('device_id'))
    .$call(required.text('summary', 'state'))
    .$call(optional.text('note'))
    .$call(required.int('version'))
    .execute();
  await s.createTable('residents').ifNotExists().addColumn('id_number', 'text', (c) => c.primaryKey()).addColumn('body', 'text', (c) => c.notNull()).execute();
  await tableKeyedBy(s, 'point_reports', 'item_id')
    .$call(required.text('kiosk_id', 'month'))
    .$call(required.int('version'))
    .$call(required.text('submitted_at', 'received_at', 'body'))
    .addUniqueConstraint('point_reports_version', ['kiosk_id', 'month', 'version'])
    .execute();

  // The console's tables. Times are epoch milliseconds so comparisons stay in SQL.
  await tableKeyedBy(s, 'points', 'kiosk_id')
    .addColumn('division_code', 'text', (c) => c.notNull().unique())
    .$call(required.text('township', 'name_zh', 'name_en', 'level'))
    .execute();
  await s.createIndex('points_township').ifNotExists().on('points').column('township').execute();
  await tableKeyedBy(s, 'staff_register', 'id')
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .$call(required.text('display_name', 'roles', 'scope'))
    .$call(optional.text('scope_township'))
    .$call(required.text('password_hash'))
    .addColumn('disabled', int, (c) => c.notNull().defaultTo(0))
    .addColumn('failed_attempts', int, (c) => c.notNull().defaultTo(0))
    .$call(optional.int('locked_until'))
    .$call(required.int('created_at', 'updated_at'))
    .execute();
  await tableKeyedBy(s, 'console_sessions', 'id_hash')
    .$call(required.text('staff_id', 'csrf'))
    .$call(required.int('created_at', 'last_seen'))
    .execute();
  await tableKeyedBy(s, 'fault_escalation', 'fault_id')
    .$call(required.text('level'))
    .$call(required.int('level_since'))
    .$call(optional.int('acknowledged_at'))
    .$call(optional.text('acknowledged_by'))
    .$call(optional.int('resolved_at'))
    .execute();
  await serial(s.createTable('fault_moves').ifNotExists(), 'seq')
    .$call(required.text('fault_id'))
    .$call(required.int('at'))
    .$call(optional.text('actor_id'))
    .$call(required.text('actor_name', 'action', 'level'))
    .$call(optional.text('note'))
    .execute();
  await s.createIndex('fault_moves_fault').ifNotExists().on('fault_moves').columns(['fault_id', 'seq']).execute();
  await serial(s.createTable('publications').ifNotExists(), 'seq')
    .$call(required.text('subject', 'body'))
    .$call(required.int('config_version'))
    .$call(optional.text('actor_id', 'actor_name'))
    .$call(required.int('at'))
    .$call(optional.int('rollback_of'))
    .execute();
  await s.createIndex('publications_subject').ifNotExists().on('publications').columns(['subject', 'seq']).execute();
  await s.createTable('point_site_settings').ifNotExists().addColumn('kiosk_id', 'text', (c) => c.primaryKey()).addColumn('body', 'text', (c) => c.notNull()).execute();
  await s
    .createTable('programme_stages')
    .ifNotExists()
    .$call(required.text('kiosk_id', 'stage'))
    .$call(required.int('done_at'))
    .$call(optional.text('actor_id', 'actor_name'))
    .addPrimaryKeyConstraint('programme_stages_pk', ['kiosk_id', 'stage'])
    .execute();
  await s
    .createTable('programme_milestones')
    .ifNotExists()
    .$call(required.text('stage', 'due'))
    .addColumn('share', real, (c) => c.notNull())
    .execute();
  await serial(s.createTable('audit_log').ifNotExists(), 'seq')
    .$call(required.int('at'))
    .$call(optional.text('actor_id', 'actor_name'))
    .$call(required.text('action'))
    .$call(optional.text('target', 'township', 'detail'))
    .execute();
}
