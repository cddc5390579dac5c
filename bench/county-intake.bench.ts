/**
 * The county gateway under load (issue 11): 10,000 items from 100 kiosks (signed batches of 50 over HTTP, all
 * kiosks at once) against bare inserts of the same 10,000 rows into the same database file (same pragmas, the same
 * transactions of 50) in the same run. Target: the gateway at >= 50% of the bare rate. Then outcome delivery: every
 * kiosk pulls its outcomes (accepted, then in progress from the reference back office) against one sync interval
 * (30 s). SQLite only: the PostgreSQL engine is not built yet.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { registerKiosk } from '../src/county/county-state';
import { seedDemo } from '../src/county/demo-seed';
import { startCountyServer } from '../src/county/server';
import { HttpCountyClient } from '../src/main/sync/http-county-client';
import { defaultCatalog } from '../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../src/shared/samples/residents';
import type { BatchItem, SubmissionPayload } from '../src/shared/sync/protocol';
import type { BenchFigure } from './types';

const KIOSKS = 100;
const PER_KIOSK = 100;
const BATCH = 50;
const SYNC_INTERVAL_S = 30;

function uuid(k: number, i: number): string {
  const hex = (k * 100_000 + i).toString(16).padStart(12, '0');
  return `0196f000-0000-7000-8000-${hex}`;
}

/** Residents with a mainland ID number (the batch schema's); the sample set also holds a foreign resident. */
const RESIDENTS = SAMPLE_RESIDENTS.filter((r) => /^\d{17}[\dX]$/.test(r.idNumber));

function item(k: number, i: number): BatchItem {
  const r = RESIDENTS[(k + i) % RESIDENTS.length]!;
  const id = uuid(k, i);
  return {
    id,
    kind: 'submission',
    createdAt: '2026-11-30T08:00:00.000Z',
    residentRef: `ref-${k}-${i % 7}`,
    attachments: [],
    payload: {
      submissionId: id,
      trackingNumber: `20261130-${id.slice(-8).toUpperCase()}`,
      itemCode: 'JOB-01',
      serviceMode: 'self',
      operatorId: null,
      submittedAt: '2026-11-30T08:00:00.000Z',
      resident: { idNumber: r.idNumber, name: r.name, sex: r.sex, birthDate: r.birthDate, source: 'idCard' },
      form: { phone: '13800000000' },
      attachments: [],
    },
  };
}

export default async function bench(): Promise<BenchFigure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'county-intake-'));
  const county = await startCountyServer({ dataDir: dir, backOfficeIntervalMs: 0 });
  try {
    await seedDemo(county.query, { catalog: defaultCatalog() });
    const kiosks = Array.from({ length: KIOSKS }, (_, k) => ({ id: `bench-kiosk-${k}`, secret: `bench-secret-${k}-0123456789abcdef01234567` }));
    for (const k of kiosks) await registerKiosk(county.query, k.id, k.secret);
    const clients = kiosks.map((k) => new HttpCountyClient({ baseUrl: county.url, kioskId: k.id, secret: k.secret, timeoutMs: 120_000 }));

    // Baseline: the same rows, bare, into the same file, in transactions of the same size.
    const bare = new Database(path.join(dir, 'county.sqlite'));
    bare.pragma('journal_mode = WAL');
    bare.pragma('synchronous = FULL');
    bare.exec('CREATE TABLE bare_items (id TEXT PRIMARY KEY, kiosk_id TEXT, kind TEXT, resident_ref TEXT, created_at TEXT, item_code TEXT, tracking_number TEXT, payload TEXT, received_at TEXT)');
    const insert = bare.prepare('INSERT INTO bare_items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const bareBatch = bare.transaction((rows: BatchItem[], kioskId: string) => {
      for (const r of rows) {
        const payload = r.payload as SubmissionPayload;
        insert.run(r.id, kioskId, r.kind, r.residentRef, r.createdAt, payload.itemCode, payload.trackingNumber, JSON.stringify(payload), new Date().toISOString());
      }
    });
    const t0 = performance.now();
    for (let k = 0; k < KIOSKS; k++) {
      for (let b = 0; b < PER_KIOSK; b += BATCH) bareBatch.immediate(Array.from({ length: BATCH }, (_, i) => item(k, b + i)), kiosks[k]!.id);
    }
    const bareMs = performance.now() - t0;
    bare.close();

    // The gateway: every kiosk sends its batches one after another, all kiosks at once.
    const t1 = performance.now();
    await Promise.all(
      clients.map(async (client, k) => {
        for (let b = 0; b < PER_KIOSK; b += BATCH) {
          const answer = await client.sendBatch(Array.from({ length: BATCH }, (_, i) => item(k, b + i)));
          if (answer.results.some((r) => r.status !== 'accepted')) throw new Error(`kiosk ${k}: ${JSON.stringify(answer.results.find((r) => r.status !== 'accepted'))}`);
        }
      }),
    );
    const gatewayMs = performance.now() - t1;
    const stored = Number((await county.query.selectFrom('items').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    if (stored !== KIOSKS * PER_KIOSK) throw new Error(`stored ${stored}`);

    // Outcome delivery: the back office takes everything, then every kiosk pulls what became of its items.
    await county.relay.tick();
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
        name: `gateway intake, ${KIOSKS * PER_KIOSK} items from ${KIOSKS} kiosks (SQLite)`,
        value: gatewayRate,
        unit: 'items/s',
        baselineName: 'bare inserts of the same rows, same file and transactions',
        baselineValue: bareRate,
        ratio: gatewayRate / bareRate,
        target: 'ratio >= 0.5',
        met: gatewayRate / bareRate >= 0.5,
      },
      {
        name: `outcomes of ${KIOSKS * PER_KIOSK} items delivered to ${KIOSKS} kiosks`,
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
