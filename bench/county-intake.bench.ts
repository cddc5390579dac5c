/**
 * The county gateway under load (issue 11), on each engine: 10,000 items from 100 kiosks (signed batches of 50 over
 * HTTP, all kiosks at once) against bare inserts of the same rows into the same database in the same run. Target: the
 * gateway at >= 50% of the bare rate. Then outcome delivery: every kiosk pulls its outcomes (accepted, then in
 * progress from the reference back office) against one sync interval (30 s).
 *
 * The baseline writes what the gateway must write for each accepted batch, no less: the item row, its first outcome
 * and its delivery row, into the gateway's own tables (same indexes), plus the kiosk's outcome counter, in one
 * transaction per batch of 50, with the same durability (SQLite: WAL, synchronous = FULL; PostgreSQL: fsync on).
 * Until 2026-12-01 it wrote the item row alone into a table with one index, a third of the rows the gateway writes.
 * Each round the baseline stores the round's rows, they are deleted again (not timed), and then the kiosks send the
 * very same rows to the gateway; after it, the baseline stores a second set of the same shape (ids the gateway never
 * gets) and its time is the mean of both runs, so drift in load or fsync cost within a round weighs on both sides.
 * One warm-up round on both sides (not counted), then five rounds, each with fresh items; the figure is the median
 * round, and every round's ratio is printed.
 *
 * The kiosks run in a process of their own (bench/county-kiosks.ts): in one process their signing and HTTP work ran on
 * the gateway's event loop and was counted as the gateway's. PostgreSQL is a private cluster started for the run with
 * fsync on (as a real county); it is skipped, and said so, where PostgreSQL is not installed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import pg from 'pg';
import { acceptedOutcome, registerKiosk } from '../src/county/county-state';
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
const ROUNDS = 5;
/** Rounds run first and not counted, on both sides: a county gateway runs for days, so its code is compiled and warm. */
const WARMUP = 1;
/** Item numbers of the baseline's second run in a round (after the gateway's): same shape, ids the gateway never gets. */
const AFTER = 50_000;
const SYNC_INTERVAL_S = 30;
/** The gateway's PostgreSQL pool size (db/connection.ts): the bare baseline inserts over as many connections. */
const PG_CONNECTIONS = 10;

type Kiosk = { id: string; secret: string };
type Batch = { kiosk: Kiosk; items: BatchItem[] };

const ITEM_COLUMNS = ['id', 'kiosk_id', 'kind', 'resident_ref', 'created_at', 'item_code', 'tracking_number', 'payload', 'received_at'];
const OUTCOME_COLUMNS = ['item_id', 'kiosk_id', 'seq', 'state', 'body', 'cursor'];
const DELIVERY_COLUMNS = ['kiosk_id', 'item_id', 'outcome', 'at'];
const COUNTER_UPSERT = 'INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = counters.value + excluded.value RETURNING value';

/** The rows the gateway writes for an accepted batch: items, first outcomes (cursors up to `lastCursor`), deliveries. */
function batchRows({ kiosk, items }: Batch, lastCursor: number) {
  const at = new Date().toISOString();
  return {
    items: items.map((r) => {
      const payload = r.payload as SubmissionPayload;
      return [r.id, kiosk.id, r.kind, r.residentRef, r.createdAt, payload.itemCode, payload.trackingNumber, JSON.stringify(payload), at];
    }),
    outcomes: items.map((r, i) => {
      const trackingNumber = (r.payload as SubmissionPayload).trackingNumber;
      return [r.id, kiosk.id, 1, 'accepted', JSON.stringify(acceptedOutcome(r.id, trackingNumber, at)), lastCursor - items.length + 1 + i];
    }),
    deliveries: items.map((r) => [kiosk.id, r.id, 'accepted', at]),
  };
}

/** Round `round`'s batches: kiosk k's items round*PER_KIOSK.. (the kiosks' process sends the same); `offset` shifts the ids. */
const roundBatches = (kiosks: Kiosk[], round: number, offset = 0): Batch[] =>
  kiosks.flatMap((kiosk, k) =>
    Array.from({ length: PER_KIOSK / BATCH }, (_, b) => ({ kiosk, items: Array.from({ length: BATCH }, (_, i) => intakeItem(k, offset + round * PER_KIOSK + b * BATCH + i)) })),
  );
const idsOf = (batches: Batch[]) => batches.flatMap((b) => b.items.map((i) => i.id));
const placeholders = (columns: string[], rows: number, dollar: boolean) => {
  let n = 0;
  return Array.from({ length: rows }, () => `(${columns.map(() => (dollar ? `$${++n}` : '?')).join(', ')})`).join(', ');
};

/** Bare inserts into the gateway's SQLite file (same pragmas) from a second connection, one transaction per batch. */
function bareSqlite(file: string): { round: (batches: Batch[]) => number; close: () => void } {
  const bare = new Database(file, { timeout: 30_000 });
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = FULL');
  const insert = (table: string, columns: string[]) => bare.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${placeholders(columns, 1, false)}`);
  const item = insert('items', ITEM_COLUMNS);
  const outcome = insert('outcomes', OUTCOME_COLUMNS);
  const delivery = insert('deliveries', DELIVERY_COLUMNS);
  const counter = bare.prepare(COUNTER_UPSERT).pluck();
  const inBatch = bare.transaction((batch: Batch) => {
    const rows = batchRows(batch, counter.get(`outcomes:${batch.kiosk.id}`, batch.items.length) as number);
    for (const r of rows.items) item.run(...r);
    for (const r of rows.outcomes) outcome.run(...r);
    for (const r of rows.deliveries) delivery.run(...r);
  });
  const remove = bare.transaction((ids: string[]) => {
    const list = JSON.stringify(ids);
    for (const [table, column] of [['items', 'id'], ['outcomes', 'item_id'], ['deliveries', 'item_id']] as const) {
      bare.prepare(`DELETE FROM ${table} WHERE ${column} IN (SELECT value FROM json_each(?))`).run(list);
    }
  });
  return {
    round(batches) {
      const t0 = performance.now();
      for (const batch of batches) inBatch.immediate(batch);
      const ms = performance.now() - t0;
      remove(idsOf(batches));
      return ms;
    },
    close: () => bare.close(),
  };
}

/** Bare inserts into the gateway's PostgreSQL database over as many connections as its pool, one transaction per batch. */
async function barePostgres(url: string): Promise<{ round: (batches: Batch[]) => Promise<number>; close: () => Promise<void> }> {
  const clients = await Promise.all(
    Array.from({ length: PG_CONNECTIONS }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  // One multi-row insert per table and batch (prepared once per connection), as the gateway does: not 150 round trips.
  const insert = (table: string, columns: string[]) => ({ name: `bare_${table}`, text: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${placeholders(columns, BATCH, true)}` });
  const statements = { items: insert('items', ITEM_COLUMNS), outcomes: insert('outcomes', OUTCOME_COLUMNS), deliveries: insert('deliveries', DELIVERY_COLUMNS) };
  const counter = { name: 'bare_counter', text: COUNTER_UPSERT.replace('?', '$1').replace('?', '$2') };
  return {
    async round(batches) {
      const queue = [...batches];
      const t0 = performance.now();
      await Promise.all(
        clients.map(async (c) => {
          for (let next = queue.shift(); next; next = queue.shift()) {
            await c.query('BEGIN');
            const last = Number((await c.query<{ value: string }>({ ...counter, values: [`outcomes:${next.kiosk.id}`, next.items.length] })).rows[0]!.value);
            const rows = batchRows(next, last);
            for (const table of ['items', 'outcomes', 'deliveries'] as const) await c.query({ ...statements[table], values: rows[table].flat() });
            await c.query('COMMIT');
          }
        }),
      );
      const ms = performance.now() - t0;
      const ids = idsOf(batches);
      for (const [table, column] of [['items', 'id'], ['outcomes', 'item_id'], ['deliveries', 'item_id']] as const) await clients[0]!.query(`DELETE FROM ${table} WHERE ${column} = ANY($1)`, [ids]);
      return ms;
    },
    close: async () => {
      await Promise.all(clients.map((c) => c.end()));
    },
  };
}

/**
 * The kiosks' process: ready once its batches are made; resolves with the ms from "go" to the last answer, the CPU
 * ms the kiosks' process used meanwhile, and the CPU ms this process (the gateway) used.
 */
async function kioskLoad(url: string, kiosks: Kiosk[], round: number, profile: string | null): Promise<{ ms: number; kioskCpuMs: number; gatewayCpuMs: number }> {
  // COUNTY_INTAKE_PROFILE=DIR: a CPU profile of this process (the gateway) from "go" to the last answer, one per round.
  const session = profile ? new Session() : null;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'county-kiosks.ts'), JSON.stringify({ url, kiosks, perKiosk: PER_KIOSK, batch: BATCH, from: round * PER_KIOSK })], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout });
  let cpu0 = process.cpuUsage();
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`kiosk process exited ${code}`))));
    lines.on('line', (line) => {
      if (line === 'ready') {
        void (async () => {
          if (session) {
            session.connect();
            await session.post('Profiler.enable');
            await session.post('Profiler.setSamplingInterval', { interval: 200 });
            await session.post('Profiler.start');
          }
          cpu0 = process.cpuUsage();
          child.stdin.end('go\n');
        })().catch(reject);
      } else {
        const cpu = process.cpuUsage(cpu0);
        const { ms, cpuMs } = JSON.parse(line) as { ms: number; cpuMs: number };
        void (async () => {
          if (session && profile) {
            const { profile: taken } = await session.post('Profiler.stop');
            fs.writeFileSync(profile, JSON.stringify(taken));
            session.disconnect();
          }
          resolve({ ms, kioskCpuMs: cpuMs, gatewayCpuMs: (cpu.user + cpu.system) / 1000 });
        })().catch(reject);
      }
    });
  });
}

async function measure(engine: 'sqlite' | 'postgres', database: string | undefined, serverCpuMs: () => number = () => 0): Promise<BenchFigure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'county-intake-'));
  const county = await startCountyServer({ dataDir: dir, ...(database ? { database } : {}), backOfficeIntervalMs: 0 });
  const label = engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  try {
    await seedDemo(county.query, { catalog: defaultCatalog() });
    const kiosks = Array.from({ length: KIOSKS }, (_, k) => ({ id: `bench-kiosk-${k}`, secret: `bench-secret-${k}-0123456789abcdef01234567` }));
    for (const k of kiosks) await registerKiosk(county.query, k.id, k.secret);

    const bare = database ? await barePostgres(database) : bareSqlite(path.join(dir, 'county.sqlite'));
    const rounds: Array<{ bareMs: number; gatewayMs: number; ratio: number }> = [];
    try {
      for (let round = 0; round < WARMUP + ROUNDS; round++) {
        // The baseline runs just before and just after the gateway (the second time with ids the gateway never gets,
        // its rows deleted again), and its time is the mean of the two: a machine whose load or fsync cost drifts
        // during the round then weighs on both sides alike.
        const server0 = serverCpuMs();
        const bareBefore = await bare.round(roundBatches(kiosks, round));
        const server1 = serverCpuMs();
        const profile = process.env.COUNTY_INTAKE_PROFILE ? path.join(process.env.COUNTY_INTAKE_PROFILE, `${engine}-round-${round + 1}.cpuprofile`) : null;
        const { ms: gatewayMs, kioskCpuMs, gatewayCpuMs } = await kioskLoad(county.url, kiosks, round, profile);
        const server2 = serverCpuMs();
        const bareAfter = await bare.round(roundBatches(kiosks, round, AFTER));
        const bareMs = (bareBefore + bareAfter) / 2;
        if (round >= WARMUP) rounds.push({ bareMs, gatewayMs, ratio: bareMs / gatewayMs });
        // PostgreSQL's server CPU (bare's includes deleting its rows again) tells a database-bound round from a gateway-bound one.
        const serverCpu = engine === 'postgres' ? `, PostgreSQL server ${(server2 - server1).toFixed(0)} ms (bare ${(server1 - server0).toFixed(0)} ms)` : '';
        console.error(
          `${label} ${round < WARMUP ? 'warm-up round (not counted)' : `round ${round - WARMUP + 1}`}: gateway ${gatewayMs.toFixed(0)} ms (CPU: gateway ${gatewayCpuMs.toFixed(0)} ms, kiosks' process ${kioskCpuMs.toFixed(0)} ms${serverCpu}), bare ${bareBefore.toFixed(0)} ms before and ${bareAfter.toFixed(0)} ms after, ratio ${(bareMs / gatewayMs).toFixed(2)}, load ${os.loadavg()[0]!.toFixed(1)}`,
        );
      }
    } finally {
      await bare.close();
    }
    const items = KIOSKS * PER_KIOSK * (WARMUP + ROUNDS);
    const stored = Number((await county.query.selectFrom('items').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    if (stored !== items) throw new Error(`stored ${stored}`);
    const { bareMs, gatewayMs } = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(ROUNDS / 2)]!;

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
    if (delivered.reduce((a, b) => a + b, 0) !== items) throw new Error('not every outcome was delivered');
    for (const c of clients) c.close();

    const gatewayRate = (KIOSKS * PER_KIOSK) / (gatewayMs / 1000);
    const bareRate = (KIOSKS * PER_KIOSK) / (bareMs / 1000);
    return [
      {
        name: `gateway intake, ${KIOSKS * PER_KIOSK} items from ${KIOSKS} kiosks (${label}, median of ${ROUNDS} rounds: ${rounds.map((r) => r.ratio.toFixed(2)).join(', ')})`,
        value: gatewayRate,
        unit: 'items/s',
        baselineName: `bare inserts of the same item, outcome and delivery rows, same ${label} tables and durability, same round`,
        baselineValue: bareRate,
        ratio: gatewayRate / bareRate,
        target: 'ratio >= 0.5',
        met: gatewayRate / bareRate >= 0.5,
      },
      {
        name: `outcomes of ${items} items delivered to ${KIOSKS} kiosks (${label})`,
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

/** COUNTY_INTAKE_ENGINES=postgres (or sqlite) measures one engine only (profiling); both by default. */
export default async function bench(): Promise<BenchFigure[]> {
  const engines = (process.env.COUNTY_INTAKE_ENGINES ?? 'sqlite,postgres').split(',');
  const figures = engines.includes('sqlite') ? await measure('sqlite', undefined) : [];
  const onPostgres = engines.includes('postgres') ? await withBenchPostgres('county-intake', async (newDatabase, serverCpuMs) => measure('postgres', await newDatabase(), serverCpuMs)) : null;
  return [...figures, ...(onPostgres ?? [])];
}
