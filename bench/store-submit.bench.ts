/**
 * Durable submissions per second: the whole submit transaction (submission row with encrypted identity and form,
 * outbox item with the encrypted county payload, audit entry, report counter; WAL, synchronous=FULL) against raw
 * better-sqlite3 single-row inserts with the same pragmas on the same disk, measured in alternating rounds so both
 * see the same load. Target: at least half the raw rate.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { FileKeyKeeper } from '../src/main/crypto/file-key-keeper';
import { KioskStore } from '../src/main/store/kiosk-store';
import { SAMPLE_RESIDENTS } from '../src/shared/samples/residents';
import type { BenchFigure } from './types';

const ROUNDS = 6;
const PER_ROUND = 60;

export default async function bench(): Promise<BenchFigure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-store-'));
  const raw = new Database(path.join(dir, 'raw.sqlite'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = raw.prepare('INSERT INTO t (body) VALUES (?)');
  const store = KioskStore.open({ dataDir: path.join(dir, 'kiosk'), keeper: new FileKeyKeeper(path.join(dir, 'kiosk', 'keys', 'kek')) });
  const residents = SAMPLE_RESIDENTS.filter((r) => /^\d{17}[\dX]$/.test(r.idNumber));
  const body = JSON.stringify({ phone: '13812345678', address: '北格镇张花村东街18号', education: 'junior', leaveReason: 'contractEnded', leftOn: '2026-10-31', promise: true });

  let rawMs = 0;
  let ourMs = 0;
  let n = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let t0 = performance.now();
    for (let i = 0; i < PER_ROUND; i++) insert.run(body);
    rawMs += performance.now() - t0;
    t0 = performance.now();
    for (let i = 0; i < PER_ROUND; i++) {
      const r = residents[n++ % residents.length]!;
      store.submit(
        {
          itemCode: 'JOB-05',
          channel: 'self',
          operatorId: null,
          resident: { idNumber: r.idNumber, name: r.name, sex: r.sex, birthDate: r.birthDate, source: 'idCard' },
          form: JSON.parse(body) as Record<string, string | boolean>,
          attachments: [],
        },
        new Date(),
      );
    }
    ourMs += performance.now() - t0;
  }
  store.close();
  raw.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const total = ROUNDS * PER_ROUND;
  const ours = (total / ourMs) * 1000;
  const base = (total / rawMs) * 1000;
  return [
    {
      name: 'durable submissions/s (encrypted, outbox, audit, counter)',
      value: ours,
      unit: '/s',
      baselineName: 'raw better-sqlite3 single-row inserts/s (WAL, synchronous=FULL)',
      baselineValue: base,
      ratio: ours / base,
      target: 'ratio >= 0.5',
      met: ours / base >= 0.5,
    },
  ];
}
