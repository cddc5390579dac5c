import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { CountyEngine } from './migrations/columns';
import { countyMigrations } from './migrations';
import { withPreparedStatements } from './prepared-statements';
import { withStatementCache } from './statement-cache';
import type { CountyTables } from './tables';

export type { CountyEngine } from './migrations/columns';

/** The county's one query path: a Kysely instance over SQLite (the embedded default) or PostgreSQL (a real county). */
export type CountyQuery = Kysely<CountyTables>;

export interface CountyDatabase {
  readonly engine: CountyEngine;
  readonly query: CountyQuery;
  /** The SQLite handle under `query` (null on PostgreSQL): only for code not yet moved onto `query`. */
  readonly sqlite: Database.Database | null;
  close(): Promise<void>;
}

/** Which engine a query path (or a transaction on it) runs on, for the few statements that differ (row locks). */
export function engineOf(q: CountyQuery): CountyEngine {
  return q.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

export function isPostgresUrl(database: string | undefined): database is string {
  return database !== undefined && /^postgres(ql)?:\/\//.test(database);
}

/**
 * Opens the county's database and brings its schema up to date: `database` is a postgres:// URL, or a SQLite file
 * (default `DATA-DIR/county.sqlite`). Several gateway processes may open one PostgreSQL at once: the migrator takes
 * a lock, and the tables' unique constraints (not checks in memory) keep each item stored once.
 */
export async function openCountyDatabase(options: { dataDir: string; database?: string }): Promise<CountyDatabase> {
  fs.mkdirSync(path.join(options.dataDir, 'attachments'), { recursive: true, mode: 0o700 });
  let opened: CountyDatabase;
  if (isPostgresUrl(options.database)) {
    const pool = new pg.Pool({ connectionString: options.database, max: 10, types: { getTypeParser: wholeNumbersAsNumbers } });
    const query = new Kysely<CountyTables>({ dialect: new PostgresDialect({ pool: withPreparedStatements(pool) }) });
    opened = { engine: 'postgres', query, sqlite: null, close: () => query.destroy() };
  } else {
    // Another process on the file (`npm run county -- report`) waits for the gateway's write, up to 30 s, not 5.
    const sqlite = new Database(options.database ?? path.join(options.dataDir, 'county.sqlite'), { timeout: 30_000 });
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    const query = new Kysely<CountyTables>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    opened = { engine: 'sqlite', query, sqlite, close: () => query.destroy() };
  }
  try {
    await migrateToLatest(opened);
  } catch (error) {
    await opened.close();
    throw error;
  }
  return opened;
}

async function migrateToLatest(database: CountyDatabase): Promise<void> {
  const migrations = countyMigrations(database.engine);
  const migrator = new Migrator({ db: database.query, provider: { getMigrations: () => Promise.resolve(migrations) } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`county database migration ${failed} failed: ${(error as Error).message ?? String(error)}`, { cause: error });
  }
}

// PostgreSQL hands BIGINT (counts, epoch milliseconds) and NUMERIC (sums) back as strings; the county's numbers fit a
// double, so both engines give the code plain numbers.
const INT8_OID = 20;
const NUMERIC_OID = 1700;
function wholeNumbersAsNumbers(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
  return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
}
