/**
 * The county gateway under load (issue 11), on each engine: 10,000 items from 100 kiosks (signed batches of 50 over
 * HTTP, all kiosks at once) against bare inserts of the same 10,000 rows into the same database (same durability, the
 * same transactions of 50) in the same run. Target: the gateway at >= 50% of the bare rate. Then outcome delivery:
 * every kiosk pulls its outcomes (accepted, then in progress from the reference back office) against one sync interval
 * (30 s).
 *
 * The kiosks run in a process of their own (bench/county-kiosks.ts): in one process their signing and HTTP work ran on
 * the gateway's event loop and was counted as the gateway's. PostgreSQL is a private cluster started for the run with
 * fsync on (as a real county); it is skipped, and said so, where PostgreSQL is not installed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import pg from 'pg';
import { registerKiosk } from '../src/county/county-state';
import { seedDemo } from '../src/county/demo-seed';
import { startCountyServer } from '../src/county/server';
import { HttpCountyClient } from '../src/main/sync/http-county-client';
import { defaultCatalog } from '../src/shared/catalog/default-catalog';
import type { BatchItem, SubmissionPayload } from '../src/shared/sync/protocol';
import { withBenchPostgres } from './bench-postgres';
import { intakeItem } from './county-intake-items';
import type { BenchFigure } from './types';

const KIOSKS = 100;
const PER_KIOSK = 100;
const BATCH = 50;
const SYNC_INTERVAL_S = 30;
/** The gateway's PostgreSQL pool size (db/connection.ts): the bare baseline inserts over as many connections. */
const PG_CONNECTIONS = 10;

type Kiosk = { id: string; secret: string };
const BARE_TABLE = 'CREATE TABLE bare_items (id TEXT PRIMARY KEY, kiosk_id TEXT, kind TEXT, resident_ref TEXT, created_at TEXT, item_code TEXT, tracking_number TEXT, payload TEXT, received_at TEXT)';
const row = (r: BatchItem, kioskId: string) => {
  const payload = r.payload as SubmissionPayload;
  return [r.id, kioskId, r.kind, r.residentRef, r.createdAt, payload.itemCode, payload.trackingNumber, JSON.stringify(payload), new Date().toISOString()];
};
const batchesOf = (k: number) => Array.from({ length: PER_KIOSK / BATCH }, (_, b) => Array.from({ length: BATCH }, (_, i) => intakeItem(k, b * BATCH + i)));

/** Bare inserts into the SQLite file the gateway uses (same pragmas), one transaction per batch, one connection. */
function bareSqlite(file: string, kiosks: Kiosk[]): number {
  const bare = new Database(file);
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = FULL');
  bare.exec(BARE_TABLE);
  const insert = bare.prepare('INSERT INTO bare_items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const inBatch = bare.transaction((rows: BatchItem[], kioskId: string) => {
    for (const r of rows) insert.run(...row(r, kioskId));
  });
  const batches = kiosks.flatMap((kiosk, k) => batchesOf(k).map((items) => ({ kiosk, items })));
  const t0 = performance.now();
  for (const { kiosk, items } of batches) inBatch.immediate(items, kiosk.id);
  const ms = performance.now() - t0;
  bare.close();
  return ms;
}

/** Bare inserts into the gateway's PostgreSQL database, one transaction per batch, over as many connections as its pool. */
async function barePostgres(url: string, kiosks: Kiosk[]): Promise<number> {
  const clients = await Promise.all(
    Array.from({ length: PG_CONNECTIONS }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  await clients[0]!.query(BARE_TABLE);
  const queue = kiosks.flatMap((kiosk, k) => batchesOf(k).map((items) => ({ kiosk, items })));
  const t0 = performance.now();
  await Promise.all(
    clients.map(async (c) => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        await c.query('BEGIN');
        for (const r of next.items) await c.query({ name: 'bare', text: 'INSERT INTO bare_items VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', values: row(r, next.kiosk.id) });
        await c.query('COMMIT');
      }
    }),
  );
  const ms = performance.now() - t0;
  await Promise.all(clients.map((c) => c.end()));
  return ms;
}

/** The kiosks' process: ready once its batches are made; resolves with the ms from "go" to the last answer. */
async function kioskLoad(url: string, kiosks: Kiosk[]): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'county-kiosks.ts'), JSON.stringify({ url, kiosks, perKiosk: PER_KIOSK, batch: BATCH })], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout });
  return new Promise<number>((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`kiosk process exited ${code}`))));
    lines.on('line', (line) => {
      if (line === 'ready') child.stdin.end('go\n');
      else resolve((JSON.parse(line) as { ms: number }).ms);
    });
  });
}

async function measure(engine: 'sqlite' | 'postgres', database: string | undefined): Promise<BenchFigure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'county-intake-'));
  const county = await startCountyServer({ dataDir: dir, ...(database ? { database } : {}), backOfficeIntervalMs: 0 });
  const label = engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  try {
    await seedDemo(county.query, { catalog: defaultCatalog() });
    const kiosks = Array.from({ length: KIOSKS }, (_, k) => ({ id: `bench-kiosk-${k}`, secret: `bench-secret-${k}-0123456789abcdef01234567` }));
    for (const k of kiosks) await registerKiosk(county.query, k.id, k.secret);

    const bareMs = database ? await barePostgres(database, kiosks) : bareSqlite(path.join(dir, 'county.sqlite'), kiosks);
    const gatewayMs = await kioskLoad(county.url, kiosks);
    const stored = Number((await county.query.selectFrom('items').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    if (stored !== KIOSKS * PER_KIOSK) throw new Error(`stored ${stored}`);

    // Outcome delivery: the back office takes everything, then every kiosk pulls what became of its items.
    await county.relay.tick();
    const clients = kiosks.map((k) => new HttpCountyClient({ baseUrl: county.url, kioskId: k.id, secret: k.secret, timeoutMs: 120_000 }));
    const t2 = performance.now();
    const delivered = await Promise.all(
      clients.map(async (client) => {
        let since = 0;
        let n = 0;
        for (;;) {
          const page = await client.pullOutcomes(since);
          n += page.outcomes.length;
          since = page.cursor;
          if (!page.more) return n;
        }
      }),
    );
    const deliveryMs = performance.now() - t2;
    if (delivered.reduce((a, b) => a + b, 0) !== KIOSKS * PER_KIOSK) throw new Error('not every outcome was delivered');
    for (const c of clients) c.close();

    const gatewayRate = (KIOSKS * PER_KIOSK) / (gatewayMs / 1000);
    const bareRate = (KIOSKS * PER_KIOSK) / (bareMs / 1000);
    return [
      {
        name: `gateway intake, ${KIOSKS * PER_KIOSK} items from ${KIOSKS} kiosks (${label})`,
        value: gatewayRate,
        unit: 'items/s',
        baselineName: `bare inserts of the same rows, same ${label} database and transactions`,
        baselineValue: bareRate,
        ratio: gatewayRate / bareRate,
        target: 'ratio >= 0.5',
        met: gatewayRate / bareRate >= 0.5,
      },
      {
        name: `outcomes of ${KIOSKS * PER_KIOSK} items delivered to ${KIOSKS} kiosks (${label})`,
        value: deliveryMs / 1000,
        unit: 's',
        baselineName: 'one sync interval',
        baselineValue: SYNC_INTERVAL_S,
        ratio: deliveryMs / 1000 / SYNC_INTERVAL_S,
        target: 'ratio <= 1 (within one interval)',
        met: deliveryMs / 1000 <= SYNC_INTERVAL_S,
      },
    ];
  } finally {
    await county.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export default async function bench(): Promise<BenchFigure[]> {
  const figures = await measure('sqlite', undefined);
  const onPostgres = await withBenchPostgres('county-intake', async (newDatabase) => measure('postgres', await newDatabase()));
  return [...figures, ...(onPostgres ?? [])];
}
