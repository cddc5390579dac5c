import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type CountyDb = Database.Database;

/** The reference county's own SQLite file. One schema, created on first start (it is a test and demo server). */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS kiosks (id TEXT PRIMARY KEY, secret TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS items (
    arrival INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    kiosk_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    resident_ref TEXT,
    created_at TEXT NOT NULL,
    item_code TEXT NOT NULL,
    tracking_number TEXT NOT NULL,
    payload TEXT NOT NULL,
    received_at TEXT NOT NULL,
    application_id TEXT,
    handed_at TEXT
  );
  CREATE TABLE IF NOT EXISTS outcomes (
    item_id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, seq INTEGER NOT NULL, state TEXT NOT NULL, body TEXT NOT NULL,
    cursor INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS outcomes_by_kiosk ON outcomes (kiosk_id, cursor);
  CREATE TABLE IF NOT EXISTS back_office_cases (
    item_id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, tracking_number TEXT NOT NULL, item_code TEXT NOT NULL,
    desk TEXT NOT NULL, state TEXT NOT NULL, round INTEGER NOT NULL, due_at TEXT, clerk_id TEXT,
    last_delivery TEXT NOT NULL, materials TEXT NOT NULL, resident_masked TEXT NOT NULL, received_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS back_office_due ON back_office_cases (desk, state, due_at);
  CREATE TABLE IF NOT EXISTS certificates (
    code TEXT PRIMARY KEY, item_code TEXT NOT NULL, title TEXT NOT NULL, language TEXT NOT NULL, issued_at TEXT NOT NULL,
    kiosk_id TEXT NOT NULL, holder_masked TEXT NOT NULL, content_sha256 TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS face_models (id_number TEXT PRIMARY KEY, face_sha256 TEXT NOT NULL, item_id TEXT NOT NULL, at TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS deliveries (kiosk_id TEXT NOT NULL, item_id TEXT NOT NULL, outcome TEXT NOT NULL, at TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS kiosk_attachments (
    kiosk_id TEXT NOT NULL, sha256 TEXT NOT NULL, total INTEGER NOT NULL, received INTEGER NOT NULL,
    complete INTEGER NOT NULL DEFAULT 0, claimed INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (kiosk_id, sha256)
  );
  CREATE TABLE IF NOT EXISTS resident_sessions (
    kiosk_id TEXT NOT NULL, session_id TEXT NOT NULL, id_number TEXT NOT NULL, source TEXT NOT NULL,
    opened_at TEXT NOT NULL, expires_at TEXT NOT NULL, PRIMARY KEY (kiosk_id, session_id)
  );
  CREATE INDEX IF NOT EXISTS resident_sessions_by_resident ON resident_sessions (kiosk_id, id_number, expires_at);
  CREATE TABLE IF NOT EXISTS lookup_log (
    at TEXT NOT NULL, kiosk_id TEXT NOT NULL, item_code TEXT NOT NULL, id_number_masked TEXT, session_id TEXT, outcome TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS config_parts (part TEXT PRIMARY KEY, version INTEGER NOT NULL, body TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS heartbeats (kiosk_id TEXT PRIMARY KEY, at TEXT NOT NULL, body TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS faults (
    id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, opened_at TEXT NOT NULL, device_id TEXT, summary TEXT NOT NULL,
    state TEXT NOT NULL, note TEXT, version INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS residents (id_number TEXT PRIMARY KEY, body TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS point_reports (
    item_id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, month TEXT NOT NULL, version INTEGER NOT NULL,
    submitted_at TEXT NOT NULL, received_at TEXT NOT NULL, body TEXT NOT NULL, UNIQUE (kiosk_id, month, version)
  );
  CREATE TABLE IF NOT EXISTS site_records (
    item_id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, kind TEXT NOT NULL, record_id TEXT NOT NULL, passed INTEGER NOT NULL,
    completed_at TEXT NOT NULL, received_at TEXT NOT NULL, body TEXT NOT NULL
  );
`;

export function openCountyDb(dataDir: string): CountyDb {
  fs.mkdirSync(path.join(dataDir, 'attachments'), { recursive: true, mode: 0o700 });
  const db = new Database(path.join(dataDir, 'county.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(SCHEMA);
  addMissingColumns(db, 'items', { application_id: 'TEXT', handed_at: 'TEXT' });
  db.exec('CREATE INDEX IF NOT EXISTS items_waiting_hand_over ON items (handed_at) WHERE handed_at IS NULL');
  return db;
}

/** The county's config version: one counter bumped by every config or ticket change. */
export function nextConfigVersion(db: CountyDb): number {
  db.prepare("INSERT INTO counters (name, value) VALUES ('config', 1) ON CONFLICT (name) DO UPDATE SET value = value + 1").run();
  return currentConfigVersion(db);
}

export function currentConfigVersion(db: CountyDb): number {
  return (db.prepare("SELECT value FROM counters WHERE name = 'config'").get() as { value: number } | undefined)?.value ?? 0;
}

/** A county file made by an older version lacks newer columns: add them (nullable, so old rows stay valid). */
function addMissingColumns(db: CountyDb, table: string, columns: Record<string, string>): void {
  const have = new Set((db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name));
  for (const [name, type] of Object.entries(columns)) if (!have.has(name)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${name} ${type}`);
}

/** The next value of a named counter (config versions, outcome cursors). */
export function nextCounter(db: CountyDb, name: string): number {
  db.prepare('INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1').run(name);
  return (db.prepare('SELECT value FROM counters WHERE name = ?').get(name) as { value: number }).value;
}
