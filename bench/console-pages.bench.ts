/**
 * The console's fleet and programme pages for a county of 2,000 points against the same pages for 20 points: p95 of
 * the API answer's first page (as the county admin, who sees every point; the gateway pages and counts) over the same number of requests, measured in
 * alternating rounds on one machine. Target (issue 12): the big county within 3x the small one's p95. On SQLite and
 * on PostgreSQL (a private cluster started for the run; skipped, and said so, where PostgreSQL is not installed).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedConsoleDemo } from '../src/county/console';
import { registerPoint } from '../src/county/console/points';
import { markStage } from '../src/county/console/programme';
import { seedDemo } from '../src/county/demo-seed';
import { recordHeartbeat } from '../src/county/county-state';
import { inTransaction } from '../src/county/db/transaction';
import { startCountyServer, type CountyServer } from '../src/county/server';
import { DEMO_CONSOLE_ACCOUNTS } from '../src/county/console/console-demo-seed';
import { withBenchPostgres } from './bench-postgres';
import type { BenchFigure } from './types';

const ROUNDS = 5;
const PER_ROUND = 12;

async function county(points: number, database: string | undefined): Promise<{ server: CountyServer; cookie: string }> {
  const server = await startCountyServer({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'bench-console-')), ...(database ? { database } : {}), backOfficeIntervalMs: 0, console: { staticDir: '/nonexistent' } });
  await seedDemo(server.query);
  await seedConsoleDemo(server.query, { hashParams: { ln: 10, r: 8, p: 1 } });
  const now = new Date();
  const q = server.query;
  await inTransaction(q, async (trx) => {
    for (let i = 0; i < points; i++) {
      const kioskId = `bench-${i}`;
      // 20 townships of up to 100 villages each.
      const code = `140105${String(100 + (i % 20)).padStart(3, '0')}${String(100 + Math.floor(i / 20)).padStart(3, '0')}`;
      await registerPoint(trx, { kioskId, divisionCode: code, name: { 'zh-CN': `测试服务点${i}`, en: `Bench point ${i}` }, level: 'village' });
      await recordHeartbeat(trx, kioskId, { kioskId, at: now.toISOString(), appVersion: '0.1.0', configVersion: 9, catalogVersion: 4, queueDepth: i % 7, rejected: 0, oldestPendingAt: null, devices: [{ id: 'id-reader', kind: 'idCardReader', state: 'online' }, { id: 'receipt-printer', kind: 'receiptPrinter', state: i % 13 === 0 ? 'userActionRequired' : 'online' }] }, now);
      await trx
        .insertInto('deliveries')
        .values([0, 1, 2, 3, 4].map((d) => ({ kiosk_id: kioskId, item_id: `${kioskId}-${d}`, outcome: 'accepted', at: new Date(now.getTime() - d * 60_000).toISOString() })))
        .execute();
      if (i % 3 === 0) await markStage(trx, kioskId, 'siteSetUp', true, now.getTime(), { id: 'county-admin', name: 'bench' });
    }
  });
  const admin = DEMO_CONSOLE_ACCOUNTS.find((a) => a.username === 'county')!;
  const res = await fetch(`${server.url}/console/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: admin.username, password: admin.password }) });
  return { server, cookie: String(res.headers.get('set-cookie')).split(';')[0]! };
}

const p95 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.ceil(samples.length * 0.95) - 1]!;

async function measure(label: string, newDatabase: () => Promise<string | undefined>): Promise<BenchFigure[]> {
  const small = await county(20, await newDatabase());
  const big = await county(2000, await newDatabase());
  const figures: BenchFigure[] = [];
  for (const page of ['fleet', 'programme'] as const) {
    const times = { small: [] as number[], big: [] as number[] };
    const once = async (c: { server: CountyServer; cookie: string }, into: number[]) => {
      const t0 = performance.now();
      const res = await fetch(`${c.server.url}/console/api/${page}`, { headers: { cookie: c.cookie } });
      await res.arrayBuffer();
      into.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`${page}: ${res.status}`);
    };
    await once(small, []); // warm both once
    await once(big, []);
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < PER_ROUND; i++) await once(small, times.small);
      for (let i = 0; i < PER_ROUND; i++) await once(big, times.big);
    }
    const [ours, base] = [p95(times.big), p95(times.small)];
    figures.push({
      name: `console ${page} p95, 2,000 points (${label})`,
      value: Math.round(ours * 10) / 10,
      unit: 'ms',
      baselineName: `the same page with 20 points`,
      baselineValue: Math.round(base * 10) / 10,
      ratio: Math.round((ours / base) * 100) / 100,
      target: 'ratio <= 3',
      met: ours / base <= 3,
    });
  }
  await small.server.close();
  await big.server.close();
  return figures;
}

export default async function bench(): Promise<BenchFigure[]> {
  const figures = await measure('SQLite', () => Promise.resolve(undefined));
  const onPostgres = await withBenchPostgres('console-pages', (newDatabase) => measure('PostgreSQL', newDatabase));
  return [...figures, ...(onPostgres ?? [])];
}
