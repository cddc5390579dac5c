import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  /** Cap on the database size in pages (SQLite's max_page_count): lets tests make a real "disk full". */
  maxPageCount?: number;
}

/**
 * Opens (creating if needed) the kiosk's one SQLite file: WAL so readers never block the writer, and
 * synchronous=FULL so a committed submission survives a power cut, not just a process crash.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // An existing folder is tightened too (mkdir's mode only applies to a new one).
  fs.chmodSync(path.dirname(file), 0o700);
  // SQLite makes -wal and -shm with the process umask: make them (and anything else created now) owner-only.
  const umask = process.umask(0o077);
  let db: Db;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
  } finally {
    process.umask(umask);
  }
  try {
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Deleted personal data is overwritten, not left in free pages.
    db.pragma('secure_delete = ON');
    migrate(db, MIGRATIONS);
    if (options.maxPageCount !== undefined) db.pragma(`max_page_count = ${options.maxPageCount}`);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) fs.chmodSync(f, 0o600);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
