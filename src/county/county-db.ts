import Database from 'better-sqlite3';
import type { CountyDatabase } from './db/connection';

/** The SQLite handle of code not yet moved onto the shared query path (db/connection.ts); it goes when none is left. */
export type CountyDb = Database.Database;

/**
 * The handle that code not yet on the query builder uses: the SQLite file itself, or on PostgreSQL a handle that
 * refuses every use with a clear error (such code runs on SQLite only until it is moved).
 */
export function legacySqlite(database: CountyDatabase): CountyDb {
  if (database.sqlite) return database.sqlite;
  return new Proxy({} as CountyDb, {
    get(_target, name) {
      throw new Error(`county code still on the SQLite-only path (db.${String(name)}) was called on PostgreSQL`);
    },
  });
}


/** The county's config version: one counter bumped by every config or ticket change. */
export function nextConfigVersion(db: CountyDb): number {
  db.prepare("INSERT INTO counters (name, value) VALUES ('config', 1) ON CONFLICT (name) DO UPDATE SET value = value + 1").run();
  return currentConfigVersion(db);
}

export function currentConfigVersion(db: CountyDb): number {
  return (db.prepare("SELECT value FROM counters WHERE name = 'config'").get() as { value: number } | undefined)?.value ?? 0;
}

/** The next value of a named counter (config versions, outcome cursors). */
export function nextCounter(db: CountyDb, name: string): number {
  db.prepare('INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1').run(name);
  return (db.prepare('SELECT value FROM counters WHERE name = ?').get(name) as { value: number }).value;
}
