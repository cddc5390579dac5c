import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { openCountyDatabase, type CountyDatabase } from '../../src/county/db/connection';
import { tempDataDir } from './store-fixtures';
import { until } from './until';

/**
 * Which engine the county's tests run on: SQLite in the data dir (the default), or PostgreSQL when
 * COUNTY_TEST_DATABASE holds a server's URL (scripts/postgres-cluster.mjs starts a private one); each test county
 * then gets a fresh database of its own on that server.
 */
export const countyTestEngine: 'sqlite' | 'postgres' = process.env.COUNTY_TEST_DATABASE ? 'postgres' : 'sqlite';

/** A fresh, empty database for one test county: a postgres:// URL, or undefined for SQLite in its data dir. */
export async function freshCountyDatabase(): Promise<string | undefined> {
  const server = process.env.COUNTY_TEST_DATABASE;
  if (!server) return undefined;
  // The run's prefix (jest's globalSetup, county-test-databases.cjs) lets its teardown drop them all.
  const name = `${process.env.KIOSK_JEST_DATABASE_PREFIX ?? 'county_'}${crypto.randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The data dir of each county database openTestCountyDatabase opened, removed by closeTestCountyDatabase. */
const dataDirs = new WeakMap<CountyDatabase, string>();

/** A county database of its own on the test engine, opened and migrated (no gateway around it). */
export async function openTestCountyDatabase(prefix = 'county-'): Promise<CountyDatabase> {
  const database = await freshCountyDatabase();
  const dataDir = tempDataDir(prefix);
  const county = await openCountyDatabase({ dataDir, ...(database ? { database } : {}) });
  dataDirs.set(county, dataDir);
  return county;
}

/** The data dir of a database openTestCountyDatabase opened (a gateway context around it needs one). */
export function testCountyDataDir(county: CountyDatabase): string {
  const dataDir = dataDirs.get(county);
  if (!dataDir) throw new Error('not a database openTestCountyDatabase opened');
  return dataDir;
}

/** Closes a database openTestCountyDatabase opened and removes its data dir (its signing key, its SQLite file). */
export async function closeTestCountyDatabase(county: CountyDatabase): Promise<void> {
  await county.close();
  const dataDir = dataDirs.get(county);
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}

/**
 * Sessions other than its own on a test PostgreSQL database once a county has closed it: asked again for up to 5 s,
 * since the server ends a backend a moment after its client has said goodbye. 0 means nothing was left open.
 */
export async function sessionsLeftOn(database: string): Promise<number> {
  const sessions = async (): Promise<number> => {
    const client = new pg.Client({ connectionString: database });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
      return Number(rows[0]!.n);
    } finally {
      await client.end();
    }
  };
  return until(async () => ((await sessions()) === 0 ? 0 : undefined), 5000).catch(() => sessions());
}
