import type { CountyDb } from '../county-db';
import { ensureFleetStatusSchema } from './fleet-status';

/**
 * The console's tables beside the gateway's own: the points (which kiosk stands in which village), the staff
 * register, console sessions and the audit trail. Times are epoch milliseconds so comparisons stay in SQL.
 */
const CONSOLE_SCHEMA = `
  CREATE TABLE IF NOT EXISTS points (
    kiosk_id TEXT PRIMARY KEY,
    division_code TEXT NOT NULL UNIQUE,
    township TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    level TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS points_township ON points (township);
  CREATE TABLE IF NOT EXISTS staff_register (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    roles TEXT NOT NULL,
    scope TEXT NOT NULL,
    scope_township TEXT,
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS console_sessions (
    id_hash TEXT PRIMARY KEY,
    staff_id TEXT NOT NULL,
    csrf TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS fault_escalation (
    fault_id TEXT PRIMARY KEY,
    level TEXT NOT NULL,
    level_since INTEGER NOT NULL,
    acknowledged_at INTEGER,
    acknowledged_by TEXT,
    resolved_at INTEGER
  );
  CREATE TABLE IF NOT EXISTS fault_moves (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    fault_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    actor_id TEXT,
    actor_name TEXT NOT NULL,
    action TEXT NOT NULL,
    level TEXT NOT NULL,
    note TEXT
  );
  CREATE INDEX IF NOT EXISTS fault_moves_fault ON fault_moves (fault_id, seq);
  CREATE TABLE IF NOT EXISTS publications (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    config_version INTEGER NOT NULL,
    actor_id TEXT,
    actor_name TEXT,
    at INTEGER NOT NULL,
    rollback_of INTEGER
  );
  CREATE INDEX IF NOT EXISTS publications_subject ON publications (subject, seq);
  CREATE TABLE IF NOT EXISTS point_site_settings (kiosk_id TEXT PRIMARY KEY, body TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS programme_stages (
    kiosk_id TEXT NOT NULL,
    stage TEXT NOT NULL,
    done_at INTEGER NOT NULL,
    actor_id TEXT,
    actor_name TEXT,
    PRIMARY KEY (kiosk_id, stage)
  );
  CREATE TABLE IF NOT EXISTS programme_milestones (stage TEXT NOT NULL, due TEXT NOT NULL, share REAL NOT NULL);
  -- The fleet page asks each point when its items last arrived.
  CREATE INDEX IF NOT EXISTS deliveries_kiosk_at ON deliveries (kiosk_id, at);
  CREATE TABLE IF NOT EXISTS audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    actor_id TEXT,
    actor_name TEXT,
    action TEXT NOT NULL,
    target TEXT,
    township TEXT,
    detail TEXT
  );
`;

export function ensureConsoleSchema(db: CountyDb): void {
  db.exec(CONSOLE_SCHEMA);
  ensureFleetStatusSchema(db);
}
