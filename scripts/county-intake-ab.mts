// The county's PostgreSQL intake path measured apart from HTTP, zod and the bench's kiosks: intakeBatch called directly
// on a fresh database, 10,000 items a round from 100 kiosks, 10 batches at a time (the pool's connections). Prints the
// CPU this process used per round (JavaScript and its system calls) and the PostgreSQL cluster's (from /proc).
// Run it against two source trees in turn (e.g. `git archive main src bench | tar -x -C /tmp/before`, with a
// node_modules link) to compare a change on a shared machine, where the bench's wall-clock ratios swing with the load:
//   ROOT=/tmp/before PGURL=postgres://... PGDIR=<cluster dir> node --import tsx scripts/county-intake-ab.mts
// VARY=1 sends each kiosk's items in batches of 1-60 items (the same sizes for every tree) instead of 2 x 50.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { clusterCpuMs } from '../bench/bench-postgres.ts';

const root = path.resolve(process.env.ROOT ?? '.');
const pgUrl = process.env.PGURL;
const pgDir = process.env.PGDIR;
if (!pgUrl || !pgDir) throw new Error('usage: ROOT=<source tree> PGURL=<server url> PGDIR=<cluster dir> [VARY=1] node --import tsx scripts/county-intake-ab.mts');
const ROUNDS = 6; // and one warm-up round before them

const { openCountyDatabase } = await import(path.join(root, 'src/county/db/connection.ts'));
const { intakeBatch, registerKiosk } = await import(path.join(root, 'src/county/county-state.ts'));
const { seedDemo } = await import(path.join(root, 'src/county/demo-seed.ts'));
const { defaultCatalog } = await import(path.join(root, 'src/shared/catalog/default-catalog.ts'));
const { intakeItem } = await import(path.join(root, 'bench/county-intake-items.ts'));

const clusterCpu = () => clusterCpuMs(pgDir!);

/** Each kiosk's 100 items of a round as batch sizes: 2 x 50, or (VARY) sizes of 1-60 from a fixed seed. */
function batchSizes(next: () => number): number[] {
  if (!process.env.VARY) return [50, 50];
  const sizes: number[] = [];
  for (let left = 100; left > 0; ) {
    const n = Math.min(left, 1 + Math.floor(next() * 60));
    sizes.push(n);
    left -= n;
  }
  return sizes;
}

const admin = new pg.Client({ connectionString: pgUrl });
await admin.connect();
const name = `intake_ab_${process.pid}`;
await admin.query(`create database ${name}`);
await admin.end();
const url = new URL(pgUrl);
url.pathname = `/${name}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intake-ab-'));
const db = await openCountyDatabase({ dataDir: dir, database: url.toString() });
await seedDemo(db.query, { catalog: defaultCatalog() });
const kiosks = Array.from({ length: 100 }, (_, k) => `bench-kiosk-${k}`);
for (const k of kiosks) await registerKiosk(db.query, k, 'x'.repeat(40));

const gateway: number[] = [];
const server: number[] = [];
for (let round = 0; round <= ROUNDS; round++) {
  let seed = 7 + round;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const batches = kiosks.flatMap((kiosk, k) => {
    let from = round * 100;
    return batchSizes(next).map((n) => {
      const items = Array.from({ length: n }, (_, i) => intakeItem(k, from + i));
      from += n;
      // As the gateway has them: fresh objects parsed from JSON.
      return { kiosk, items: JSON.parse(JSON.stringify(items)) as unknown[] };
    });
  });
  const cpu0 = process.cpuUsage();
  const server0 = clusterCpu();
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      for (let b = batches.shift(); b; b = batches.shift()) {
        const results = (await intakeBatch(db.query, b.kiosk, b.items, new Date())) as Array<{ status: string }>;
        if (results.some((r) => r.status !== 'accepted')) throw new Error('an item was not accepted');
      }
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  if (round > 0) {
    gateway.push(Math.round((cpu.user + cpu.system) / 1000));
    server.push(clusterCpu() - server0);
  }
}
console.log(JSON.stringify({ root, vary: Boolean(process.env.VARY), gatewayCpuMs: gateway, serverCpuMs: server, load: os.loadavg()[0] }));
await db.close();
fs.rmSync(dir, { recursive: true, force: true });
