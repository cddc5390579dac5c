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
export async function withBenchPostgres<T>(bench: string, work: (newDatabase: () => Promise<string>, serverCpuMs: () => number) => Promise<T>): Promise<T | null> {
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
    }, () => clusterCpuMs(dir));
  } finally {
    stopCluster(dir);
    // The cluster's files (hundreds of MB after an intake run) were left in /tmp after every run.
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * CPU milliseconds used so far by the cluster's server processes (postmaster and its children: backends, WAL writer,
 * checkpointer), from /proc; 0 where /proc is missing. Backends that ended are not counted, so read it while the
 * connections being measured are still open.
 */
export function clusterCpuMs(dir: string): number {
  let postmaster: string;
  try {
    postmaster = fs.readFileSync(path.join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]!.trim();
  } catch {
    return 0;
  }
  const TICKS_PER_S = 100; // Linux's USER_HZ
  let ticks = 0;
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    // Fields after the command's closing parenthesis: state ppid ... utime (14th field) stime (15th).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (pid === postmaster || fields[1] === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS_PER_S;
}
