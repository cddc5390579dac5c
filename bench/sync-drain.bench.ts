/**
 * Draining the outbox: time to send 10,000 queued submissions to a local reference county (built dist/county,
 * its own process) against the time of 10,000 minimal signed POSTs to the same county (an online lookup that
 * writes nothing) with the same client. Target: within 2x. Then the kiosk's memory: heap after further
 * fill-and-drain rounds against the heap after the first drain (no growth: ratio <= 1.1).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { FileKeyKeeper } from '../src/main/crypto/file-key-keeper';
import { KioskStore } from '../src/main/store/kiosk-store';
import { outboxCounts } from '../src/main/store/outbox';
import { HttpCountyClient } from '../src/main/sync/http-county-client';
import { SyncEngine } from '../src/main/sync/sync-engine';
import { BATCH_MAX_ITEMS } from '../src/shared/sync/protocol';
import { SAMPLE_RESIDENTS } from '../src/shared/samples/residents';
import type { BenchFigure } from './types';

const ROOT = path.resolve(__dirname, '..');
const COUNT = 10_000;
const MEMORY_ROUNDS = 4;
const PER_MEMORY_ROUND = 2_000;
const KIOSK = { id: 'bench-kiosk', secret: 'bench-secret-0123456789abcdef0123456789' };

function startCounty(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['dist/county/cli.js', '--data-dir', dataDir, '--seed', 'demo', '--kiosk', `${KIOSK.id}:${KIOSK.secret}`], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /county ready: (\S+)/.exec(out);
      if (m) resolve({ url: m[1]!, child });
    });
    child.once('exit', (code) => reject(new Error(`county exited ${code}`)));
  });
}

/** Queues submissions quickly: setup, not the thing measured, so the disk syncs are switched off meanwhile. */
function fill(store: KioskStore, count: number, offset: number): void {
  const residents = SAMPLE_RESIDENTS.filter((r) => /^\d{17}[\dX]$/.test(r.idNumber));
  store.db.pragma('synchronous = OFF');
  for (let i = 0; i < count; i++) {
    const r = residents[(offset + i) % residents.length]!;
    store.submit(
      {
        itemCode: 'JOB-05',
        channel: 'self',
        operatorId: null,
        resident: { idNumber: r.idNumber, name: r.name, sex: r.sex, birthDate: r.birthDate, source: 'idCard' },
        form: { phone: '13812345678', address: '北格镇张花村东街18号', education: 'junior', leaveReason: 'businessClosed', leftOn: '2026-10-31', promise: true },
        attachments: [],
      },
      new Date(),
    );
  }
  store.db.pragma('synchronous = FULL');
}

async function drain(engine: SyncEngine, store: KioskStore): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < 10_000 && outboxCounts(store.db).pending > 0; i++) {
    const r = await engine.runRound();
    if (!r.ok) throw new Error(`sync round failed: ${r.error}`);
  }
  return performance.now() - t0;
}

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

export default async function bench(): Promise<BenchFigure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-sync-'));
  const county = await startCounty(path.join(dir, 'county'));
  try {
    const client = new HttpCountyClient({ baseUrl: county.url, kioskId: KIOSK.id, secret: KIOSK.secret });
    const store = KioskStore.open({ dataDir: path.join(dir, 'kiosk'), keeper: new FileKeyKeeper(path.join(dir, 'kiosk', 'keys', 'kek')) });
    const engine = new SyncEngine({ store, client, kioskId: KIOSK.id, appVersion: 'bench', log: pino({ level: 'silent' }), batchMaxItems: BATCH_MAX_ITEMS });
    await engine.runRound(); // config pulled, connection warm: neither side measures start-up

    let t0 = performance.now();
    for (let i = 0; i < COUNT; i++) await client.query('JOB-02', { params: {} });
    const postsMs = performance.now() - t0;

    fill(store, COUNT, 0);
    const drainMs = await drain(engine, store);
    if (outboxCounts(store.db).acknowledged !== COUNT) throw new Error('not everything was acknowledged');

    const heaps = [heapAfterGc()];
    for (let round = 1; round < MEMORY_ROUNDS; round++) {
      fill(store, PER_MEMORY_ROUND, round * PER_MEMORY_ROUND);
      await drain(engine, store);
      heaps.push(heapAfterGc());
    }
    store.close();
    t0 = performance.now();
    const mb = (b: number) => b / (1024 * 1024);
    const first = heaps[0]!;
    const last = heaps[heaps.length - 1]!;
    return [
      {
        name: `time to drain ${COUNT} queued submissions to a local county`,
        value: drainMs / 1000,
        unit: 's',
        baselineName: `${COUNT} minimal signed POSTs to the same county`,
        baselineValue: postsMs / 1000,
        ratio: drainMs / postsMs,
        target: 'ratio <= 2 (smaller is better)',
        met: drainMs / postsMs <= 2,
      },
      {
        name: `kiosk heap after drain round ${MEMORY_ROUNDS} (${PER_MEMORY_ROUND} more each)`,
        value: mb(last),
        unit: 'MB',
        baselineName: 'kiosk heap after the first drain',
        baselineValue: mb(first),
        ratio: last / first,
        target: 'ratio <= 1.1 (no growth across rounds)',
        met: last / first <= 1.1,
      },
    ];
  } finally {
    county.child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
