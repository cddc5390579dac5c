import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { engineOf, isPostgresUrl, openCountyDatabase, type CountyDatabase } from '../../src/county/db/connection';
import { countyMigrations } from '../../src/county/db/migrations';
import { countyTestEngine, freshCountyDatabase, sessionsLeftOn } from '../support/county-database';
import { testStores } from '../support/store-fixtures';

/**
 * Opening the county's database (db/connection.ts): which text names a PostgreSQL server, SQLite's file, journal,
 * durability and lock wait, the schema brought up to date, numbers as numbers on PostgreSQL, a failed migration named
 * and its connection closed. SQLite is tested in every run; PostgreSQL when COUNTY_TEST_DATABASE names a server.
 */
const onPostgres = countyTestEngine === 'postgres' ? describe : describe.skip;

/** Empty data dirs, removed after the file. */
const { dir: dataDir } = testStores('county-connection-');

const MIGRATION_NAMES = Object.keys(countyMigrations('sqlite'));
/** The migration 004 creates anew, without IF NOT EXISTS: a table of that name already there fails it. */
const IN_THE_WAY = 'CREATE TABLE lookup_log_ordered (x TEXT)';

/** The names of the migrations the database records as run, in order. */
async function migrationsRecorded(db: CountyDatabase): Promise<string[]> {
  return (await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db.query)).rows.map((m) => m.name);
}

/** What a failed open rejects with: its message and its cause's. */
async function refusal(open: Promise<CountyDatabase>): Promise<{ message: string; cause: string }> {
  return open.then(
    async (db) => {
      await db.close();
      return { message: 'opened', cause: '' };
    },
    (error: Error) => ({ message: error.message, cause: String((error.cause as Error | undefined)?.message) }),
  );
}

describe('which database text names a PostgreSQL server', () => {
  it('is a postgres:// or postgresql:// URL, from its first character', () => {
    expect(['postgres://postgres@127.0.0.1:5432/county', 'postgresql://county.example/county'].map(isPostgresUrl)).toEqual([true, true]);
    expect([undefined, '', '/srv/county/county.sqlite', 'postgres:/host/county', 'postgresql:host', 'postgresq://host', 'file:postgres://host', ' postgres://host'].map(isPostgresUrl)).toEqual(
      Array(8).fill(false),
    );
  });
});

describe('a county on SQLite', () => {
  it('makes the data dir and its attachments folder, owner only, and opens county.sqlite in it, journal WAL, FULL sync, 30 s lock wait', async () => {
    const dir = path.join(dataDir(), 'not', 'yet');
    const db = await openCountyDatabase({ dataDir: dir });
    try {
      expect([db.engine, engineOf(db.query), await db.query.transaction().execute(async (trx) => engineOf(trx))]).toEqual(['sqlite', 'sqlite', 'sqlite']);
      expect(fs.statSync(path.join(dir, 'attachments')).mode & 0o777).toBe(0o700);
      const sqlite = db.sqlite!;
      expect(sqlite.name).toBe(path.join(dir, 'county.sqlite'));
      expect([sqlite.pragma('journal_mode', { simple: true }), sqlite.pragma('synchronous', { simple: true }), sqlite.pragma('busy_timeout', { simple: true })]).toEqual(['wal', 2, 30_000]);
      expect(await migrationsRecorded(db)).toEqual(MIGRATION_NAMES);
      await db.query.insertInto('kiosks').values({ id: 'k-1', secret: 's' }).execute();
      expect(sqlite.prepare('SELECT secret FROM kiosks WHERE id = ?').get('k-1')).toEqual({ secret: 's' });
    } finally {
      await db.close();
    }
    expect(db.sqlite!.open).toBe(false);
    await expect(db.query.selectFrom('kiosks').selectAll().execute()).rejects.toThrow();
  });

  it('opens the file named instead of county.sqlite when the database is not a URL', async () => {
    const dir = dataDir();
    const file = path.join(dir, 'elsewhere.sqlite');
    const db = await openCountyDatabase({ dataDir: dir, database: file });
    await db.close();
    expect([fs.existsSync(file), fs.existsSync(path.join(dir, 'county.sqlite'))]).toEqual([true, false]);
    const opened = new Database(file, { readonly: true });
    expect((opened.prepare('SELECT COUNT(*) AS n FROM kysely_migration').get() as { n: number }).n).toBe(MIGRATION_NAMES.length);
    opened.close();
  });

  it('refuses to open when a migration fails, naming it, keeping the migrations before it, and closes the file', async () => {
    const dir = dataDir();
    const file = path.join(dir, 'county.sqlite');
    const before = new Database(file);
    before.exec(IN_THE_WAY);
    before.close();
    expect(await refusal(openCountyDatabase({ dataDir: dir }))).toEqual({
      message: 'county database migration 004-lookup-log-order failed: table "lookup_log_ordered" already exists',
      cause: 'table "lookup_log_ordered" already exists',
    });
    // Closed: its last connection gone, SQLite has folded the write-ahead log back into the file and removed it.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const after = new Database(file, { readonly: true });
    expect(after.prepare('SELECT name FROM kysely_migration ORDER BY name').all()).toEqual(MIGRATION_NAMES.slice(0, 3).map((name) => ({ name })));
    after.close();
  });

  it('refuses a file that records a migration this county does not know, as a failure of no migration by name', async () => {
    const dir = dataDir();
    const first = await openCountyDatabase({ dataDir: dir });
    await first.close();
    const file = new Database(path.join(dir, 'county.sqlite'));
    file.prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)').run('999-from-a-newer-county', '2026-12-01T00:00:00.000Z');
    file.close();
    const { message } = await refusal(openCountyDatabase({ dataDir: dir }));
    expect(message).toMatch(/^county database migration unknown failed: corrupted migrations: .*999-from-a-newer-county/);
  });
});

onPostgres('a county on PostgreSQL', () => {
  it('opens the URL, migrated, with no SQLite handle and no SQLite file, and closes its connections on close', async () => {
    const url = (await freshCountyDatabase())!;
    const dir = dataDir();
    const db = await openCountyDatabase({ dataDir: dir, database: url });
    try {
      expect([db.engine, db.sqlite]).toEqual(['postgres', null]);
      expect([engineOf(db.query), await db.query.transaction().execute(async (trx) => engineOf(trx))]).toEqual(['postgres', 'postgres']);
      expect(fs.statSync(path.join(dir, 'attachments')).mode & 0o777).toBe(0o700);
      expect(fs.existsSync(path.join(dir, 'county.sqlite'))).toBe(false);
      expect(await migrationsRecorded(db)).toEqual(MIGRATION_NAMES);
    } finally {
      await db.close();
    }
    expect(await sessionsLeftOn(url)).toBe(0);
    await expect(db.query.selectFrom('kiosks').selectAll().execute()).rejects.toThrow();
  });

  it('answers BIGINT and NUMERIC as numbers and every other type as pg reads it', async () => {
    const url = (await freshCountyDatabase())!;
    const db = await openCountyDatabase({ dataDir: dataDir(), database: url });
    try {
      const { rows } = await sql<Record<string, unknown>>`SELECT COUNT(*) AS counted, 1800000000001::bigint AS millis, 2.5::numeric AS half, SUM(x) AS summed,
        7::int AS small, TRUE AS yes, '7' AS text, '{"a":[1]}'::json AS json, '2026-12-01T08:00:00Z'::timestamptz AS at
        FROM (VALUES (1::bigint), (2::bigint)) AS t(x)`.execute(db.query);
      expect(rows).toEqual([{ counted: 2, millis: 1_800_000_000_001, half: 2.5, summed: 3, small: 7, yes: true, text: '7', json: { a: [1] }, at: new Date('2026-12-01T08:00:00Z') }]);
    } finally {
      await db.close();
    }
  });

  it('refuses to open when a migration fails, naming it, and closes its connections', async () => {
    const url = (await freshCountyDatabase())!;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(IN_THE_WAY);
    await client.end();
    expect(await refusal(openCountyDatabase({ dataDir: dataDir(), database: url }))).toEqual({
      message: 'county database migration 004-lookup-log-order failed: relation "lookup_log_ordered" already exists',
      cause: 'relation "lookup_log_ordered" already exists',
    });
    expect(await sessionsLeftOn(url)).toBe(0);
  });
});
