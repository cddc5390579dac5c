// A private PostgreSQL cluster for the county's tests, as ENVIRONMENT.md describes: Debian's server refuses to run
// as root, so the cluster lives in a scratch folder owned by `postgres` on a free port.
//   node scripts/postgres-cluster.mjs start DIR   -> prints postgres://postgres@127.0.0.1:PORT/postgres
//   node scripts/postgres-cluster.mjs stop DIR
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

function binDir() {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'pg_ctl'))) : [];
  if (versions.length === 0) throw new Error('PostgreSQL is not installed (apt-get install -y --no-install-recommends postgresql)');
  return path.join(root, versions.sort((a, b) => Number(b) - Number(a))[0], 'bin');
}

function asPostgres(command) {
  const asRoot = process.getuid?.() === 0;
  return execFileSync(asRoot ? 'su' : 'sh', asRoot ? ['postgres', '-s', '/bin/sh', '-c', command] : ['-c', command], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** `durable`: keep fsync on (benchmarks measure commits as a real county pays for them); tests turn it off. */
export async function startCluster(dir, { durable = false } = {}) {
  const bin = binDir();
  fs.mkdirSync(dir, { recursive: true });
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const port = await freePort();
  asPostgres(`${bin}/initdb -D ${dir}/data -A trust -U postgres >/dev/null`);
  // fsync off for tests: a test cluster, thrown away after the run.
  asPostgres(`${bin}/pg_ctl -D ${dir}/data -o "-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=${durable ? 'on' : 'off'} -c max_connections=200" -l ${dir}/log -w start >/dev/null`);
  fs.writeFileSync(path.join(dir, 'url'), `postgres://postgres@127.0.0.1:${port}/postgres`);
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

export function stopCluster(dir) {
  asPostgres(`${binDir()}/pg_ctl -D ${dir}/data -m fast -w stop >/dev/null`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [action, dir] = process.argv.slice(2);
  if (!dir || !['start', 'stop'].includes(action)) {
    console.error('usage: node scripts/postgres-cluster.mjs start|stop DIR');
    process.exit(2);
  }
  if (action === 'start') console.log(await startCluster(path.resolve(dir)));
  else stopCluster(path.resolve(dir));
}
