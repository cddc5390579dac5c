import { sql, type Kysely } from 'kysely';
import { columnKit, columnsOf, type CountyEngine } from './columns';

/**
 * The gateway's and the console's tables, for both engines. `ifNotExists` keeps a county file made before the
 * migrations existed (the reference county created these tables itself) valid: its rows stay, missing columns are
 * added. The idempotency key (items.id) is a unique constraint, so two gateway processes never store an item twice.
 */
export async function up(db: Kysely<unknown>, engine: CountyEngine): Promise<void> {
  const { int, real, serial } = columnKit(engine);
  const s = db.schema;
  await s.createTable('kiosks').ifNotExists().addColumn('id', 'text', (c) => c.primaryKey()).addColumn('secret', 'text', (c) => c.notNull()).execute();
  await serial(s.createTable('items').ifNotExists(), 'arrival')
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('kiosk_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('resident_ref', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('tracking_number', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('application_id', 'text')
    .addColumn('handed_at', 'text')
    .execute();
  const itemColumns = await columnsOf(db, 'items');
  for (const name of ['application_id', 'handed_at']) if (!itemColumns.has(name)) await s.alterTable('items').addColumn(name, 'text').execute();
  await s.createIndex('items_waiting_hand_over').ifNotExists().on('items').column('handed_at').where(sql.ref('handed_at'), 'is', null).execute();
  await s
    .createTable('outcomes')
    .ifNotExists()
    .addColumn('item_id', 'text', (c) => c.primaryKey())
    .addColumn('kiosk_id', 'text', (c) => c.notNull())
    .addColumn('seq', int, (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('cursor', int, (c) => c.notNull())
    .execute();
  await s.createIndex('outcomes_by_kiosk').ifNotExists().on('outcomes').columns(['kiosk_id', 'cursor']).execute();
  await s
    .createTable('back_office_cases')
    .ifNotExists()
    .addColumn('item_id', 'text', (c) => c.primaryKey())
    .addColumn('kiosk_id', 'text', (c) => c.notNull())
    .addColumn('tracking_number', 'text', (c) => c.notNull())
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('desk', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('round', int, (c) => c.notNull())
    .addColumn('due_at', 'text')
    .addColumn('clerk_id', 'text')
    .addColumn('last_delivery', 'text', (c) => c.notNull())
    .addColumn('materials', 'text', (c) => c.notNull())
    .addColumn('resident_masked', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('back_office_due').ifNotExists().on('back_office_cases').columns(['desk', 'state', 'due_at']).execute();
  await s
    .createTable('certificates')
    .ifNotExists()
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('kiosk_id', 'text', (c) => c.notNull())
    .addColumn('holder_masked', 'text', (c) => c.notNull())
    .addColumn('content_sha256', 'text', (c) => c.notNull())
    .execute();
  await s
    .createTable('face_models')
    .ifNotExists()
    .addColumn('id_number', 'text', (c) => c.primaryKey())
    .addColumn('face_sha256', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await s
    .createTable('deliveries')
    .ifNotExists()
    .addColumn('kiosk_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  // The fleet page asks each point when its items last arrived.
  await s.createIndex('deliveries_kiosk_at').ifNotExists().on('deliveries').columns(['kiosk_id', 'at']).execute();
  await s
    .createTable('kiosk_attachments')
    .ifNotExists()
    .addColumn('kiosk_id', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('total', int, (c) => c.notNull())
    .addColumn('received', int, (c) => c.notNull())
    .addColumn('complete', int, (c) => c.notNull().defaultTo(0))
    .addColumn('claimed', int, (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('kiosk_attachments_pk', ['kiosk_id', 'sha256'])
    .execute();
  await s
    .createTable('resident_sessions')
    .ifNotExists()
    .addColumn('kiosk_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('resident_sessions_pk', ['kiosk_id', 'session_id'])
    .execute();
  await s.createIndex('resident_sessions_by_resident').ifNotExists().on('resident_sessions').columns(['kiosk_id', 'id_number', 'expires_at']).execute();
  await s
    .createTable('lookup_log')
    .ifNotExists()
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kiosk_id', 'text', (c) => c.notNull())
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('id_number_masked', 'text')
    .addColumn('session_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .execute();
  await s
    .createTable('config_parts')
    .ifNotExists()
    .addColumn('part', 'text', (c) => c.primaryKey())
    .addColumn('version', int, (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await s.createTable('counters').ifNotExists().addColumn('name', 'text', (c) => c.primaryKey()).addColumn('value', int, (c) => c.notNull()).execute();
  await s
    .createTable('heartbeats')
    .ifNotExists()
    .addColumn('kiosk_id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await s
    .createTable('faults')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kiosk_id', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('version', int, (c) => c.notNull())
    .execute();
  await s.createTable('residents').ifNotExists().addColumn('id_number', 'text', (c) => c.primaryKey()).addColumn('body', 'text', (c) => c.notNull()).execute();
  await s
    .createTable('point_reports')
    .ifNotExists()
    .addColumn('item_id', 'text', (c) => c.primaryKey())
    .addColumn('kiosk_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('version', int, (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addUniqueConstraint('point_reports_version', ['kiosk_id', 'month', 'version'])
    .execute();

  // The console's tables. Times are epoch milliseconds so comparisons stay in SQL.
  await s
    .createTable('points')
    .ifNotExists()
    .addColumn('kiosk_id', 'text', (c) => c.primaryKey())
    .addColumn('division_code', 'text', (c) => c.notNull().unique())
    .addColumn('township', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('points_township').ifNotExists().on('points').column('township').execute();
  await s
    .createTable('staff_register')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('scope_township', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled', int, (c) => c.notNull().defaultTo(0))
    .addColumn('failed_attempts', int, (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', int)
    .addColumn('created_at', int, (c) => c.notNull())
    .addColumn('updated_at', int, (c) => c.notNull())
    .execute();
  await s
    .createTable('console_sessions')
    .ifNotExists()
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('csrf', 'text', (c) => c.notNull())
    .addColumn('created_at', int, (c) => c.notNull())
    .addColumn('last_seen', int, (c) => c.notNull())
    .execute();
  await s
    .createTable('fault_escalation')
    .ifNotExists()
    .addColumn('fault_id', 'text', (c) => c.primaryKey())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('level_since', int, (c) => c.notNull())
    .addColumn('acknowledged_at', int)
    .addColumn('acknowledged_by', 'text')
    .addColumn('resolved_at', int)
    .execute();
  await serial(s.createTable('fault_moves').ifNotExists(), 'seq')
    .addColumn('fault_id', 'text', (c) => c.notNull())
    .addColumn('at', int, (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await s.createIndex('fault_moves_fault').ifNotExists().on('fault_moves').columns(['fault_id', 'seq']).execute();
  await serial(s.createTable('publications').ifNotExists(), 'seq')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('config_version', int, (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('at', int, (c) => c.notNull())
    .addColumn('rollback_of', int)
    .execute();
  await s.createIndex('publications_subject').ifNotExists().on('publications').columns(['subject', 'seq']).execute();
  await s.createTable('point_site_settings').ifNotExists().addColumn('kiosk_id', 'text', (c) => c.primaryKey()).addColumn('body', 'text', (c) => c.notNull()).execute();
  await s
    .createTable('programme_stages')
    .ifNotExists()
    .addColumn('kiosk_id', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('done_at', int, (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addPrimaryKeyConstraint('programme_stages_pk', ['kiosk_id', 'stage'])
    .execute();
  await s
    .createTable('programme_milestones')
    .ifNotExists()
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('due', 'text', (c) => c.notNull())
    .addColumn('share', real, (c) => c.notNull())
    .execute();
  await serial(s.createTable('audit_log').ifNotExists(), 'seq')
    .addColumn('at', int, (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('township', 'text')
    .addColumn('detail', 'text')
    .execute();
}
