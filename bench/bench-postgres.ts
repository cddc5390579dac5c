import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * Runs `work` against a private PostgreSQL cluster started for it (fsync on, as a real county runs) and stopped after;
 * `newDatabase()` makes a fresh database there and gives its URL. Returns null, and says so, where PostgreSQL is not
 * installed (the SQLite figures are still measured).
 */
export async function withBenchPostgres<T>(bench: string, work: (newDatabase: () => Promise<string>) => Promise<T>): Promise<T | null> {
  if (!fs.existsSync('/usr/lib/postgresql')) {
    console.error(`${bench}: PostgreSQL is not installed; its figures are not measured`);
    return null;
  }
  // An ES module with top-level await: imported, not required.
  const { startCluster, stopCluster } = await import('../scripts/postgres-cluster.mjs');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${bench}-pg-`));
  const server = await startCluster(dir, { durable: true });
  try {
    return await work(async () => {
      const name = `bench_${crypto.randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: server });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(server);
      url.pathname = `/${name}`;
      return url.toString();
    });
  } finally {
    stopCluster(dir);
  }
}
