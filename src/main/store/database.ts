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
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Deleted personal data is overwritten, not left in free pages.
    db.pragma('secure_delete = ON');
    migrate(db, MIGRATIONS);
    if (options.maxPageCount !== undefined) db.pragma(`max_page_count = ${options.maxPageCount}`);
    fs.chmodSync(file, 0o600);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
